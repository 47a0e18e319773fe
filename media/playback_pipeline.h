#pragma once
// Source -> time-stretcher: frames at the source's rate and channel count, each
// chunk tagged with the episode time it covers. The same pipeline feeds the
// audio device (through AudioEngine) and the offline renderer, so what
// `listenalong render` writes is what the listener hears.
//
// Not thread-safe: owned by one thread (decoder thread or renderer).

#include "media/audio_source.h"
#include "media/loudness_gain.h"
#include "media/pause_shortener.h"
#include "media/voice_boost.h"
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
    /// Even loudness (issue #15): `db` of gain with the true-peak limiter,
    /// before the stretcher. Exact in time: the limiter's look-ahead is read
    /// ahead and never shows in the episode times.
    void setLoudnessGainDb(double db);
    void setLoudnessOff();
    /// Voice boost (issue #15): compression around `referenceDb` (the
    /// speech level in the file, dBFS RMS) and a speech-band lift, before
    /// the loudness gain, whose limiter catches what it pushes up. No delay.
    void setVoiceBoost(bool on, double referenceDb);
    /// Shorten pauses (issue #15): pauses over 0.5 s become 0.3 s, before the
    /// stretcher. Chunks end where a pause was cut, so their episode times
    /// stay exact; each pause is decided as it is reached.
    void setShortenPauses(bool on);
    /// Episode time cut out of pauses so far (since the pipeline was made).
    double savedSeconds() const;
    double speed() const { return stretcher_.speed(); }

    int sampleRate() const { return source_->sampleRate(); }
    int channels() const { return source_->channels(); }
    double durationSeconds() const { return source_->durationSeconds(); }
    const AudioSource& source() const { return *source_; }

private:
    double inputPositionSeconds() const;
    /// The stretcher's input position, in shortened frames since the last seek.
    double stretcherInputPosition() const;
    /// Reads the next source block through voice boost and the loudness gain
    /// into readBuffer_ (pendingFrames_); false at the end of the stream.
    bool readSource();
    /// Pulls shortened frames into shortBuffer_, feeding the shortener from
    /// the source as needed; false when everything has come out.
    bool refillShortened();

    std::unique_ptr<AudioSource> source_;
    Wsola stretcher_;
    std::vector<float> readBuffer_;
    size_t pendingFrames_ = 0;  ///< frames in readBuffer_ not yet accepted by the stretcher
    size_t pendingOffset_ = 0;
    int64_t endFrame_ = -1;     ///< stop here (-1: end of file)
    bool sourceDone_ = false;
    std::unique_ptr<VoiceBoost> voiceBoost_;  ///< off until asked
    std::unique_ptr<LoudnessGain> loudness_; ///< gain and limiter (off: a pure delay, read ahead)
    int discard_ = 0;                        ///< limiter output still to drop (its delay, after a seek)
    bool flushed_ = false;                   ///< the limiter's last frames were pushed out at the end
    std::unique_ptr<PauseShortener> shortener_; ///< off: a pure delay with the identity map
    std::vector<float> shortBuffer_;         ///< shortened frames on their way to the stretcher
    size_t shortPending_ = 0, shortOffset_ = 0;
    int64_t shortFed_ = 0;                   ///< shortened frames fed to the stretcher since the last seek
    bool shortenerEnded_ = false;            ///< the stretcher was told the input ended
};

} // namespace la::media
