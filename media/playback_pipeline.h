#pragma once
// Source -> time-stretcher: frames at the source's rate and channel count, each
// chunk tagged with the episode time it covers. The same pipeline feeds the
// audio device (through AudioEngine) and the offline renderer, so what
// `listenalong render` writes is what the listener hears.
//
// Not thread-safe: owned by one thread (decoder thread or renderer).

#include "media/audio_source.h"
#include "media/wsola.h"

#include <memory>
#include <vector>

namespace la::media {

class PlaybackPipeline {
public:
    explicit PlaybackPipeline(std::unique_ptr<AudioSource> source);

    struct Chunk {
        size_t frames = 0;        ///< interleaved frames written to `out`
        double startSeconds = 0;  ///< episode time of the first frame
        double endSeconds = 0;    ///< episode time just after the last frame
        bool endOfStream = false; ///< nothing more will come until seek()
    };

    /// Produces up to maxFrames frames into out (channels() floats per frame).
    /// Throws MediaError if the file fails mid-stream.
    Chunk produce(float* out, size_t maxFrames);

    /// Jumps to an episode time (clamped to the stream); drops buffered audio.
    void seek(double seconds);
    /// Stops the stream at this episode time (default: the end of the file).
    void setEndSeconds(double seconds);
    void setSpeed(double speed) { stretcher_.setSpeed(speed); }
    double speed() const { return stretcher_.speed(); }

    int sampleRate() const { return source_->sampleRate(); }
    int channels() const { return source_->channels(); }
    double durationSeconds() const { return source_->durationSeconds(); }
    const AudioSource& source() const { return *source_; }

private:
    double inputPositionSeconds() const;

    std::unique_ptr<AudioSource> source_;
    Wsola stretcher_;
    std::vector<float> readBuffer_;
    size_t pendingFrames_ = 0;  ///< frames in readBuffer_ not yet accepted by the stretcher
    size_t pendingOffset_ = 0;
    int64_t fedEndFrame_ = 0;   ///< source frame index just after the last frame fed
    int64_t endFrame_ = -1;     ///< stop here (-1: end of file)
    bool sourceDone_ = false;
};

} // namespace la::media
