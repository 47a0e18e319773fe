#pragma once
// A seekable source of interleaved float frames in episode time.
//
// Implementations stream from disk (never the whole file in memory for Ogg
// Vorbis). Not thread-safe: one thread (the decoder thread, or the offline
// renderer) owns a source at a time.

#include <cstddef>
#include <cstdint>
#include <memory>
#include <stdexcept>
#include <string>

namespace la::media {

/// Thrown when a file cannot be opened or decoded. what() names the file and
/// the problem, ready to show to a person.
class MediaError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

class AudioSource {
public:
    virtual ~AudioSource() = default;

    virtual int sampleRate() const = 0;
    virtual int channels() const = 0;
    /// Total length in frames (one frame = one sample per channel).
    virtual int64_t totalFrames() const = 0;
    /// Reads up to `frames` interleaved frames into `out`. Returns the number
    /// read; 0 means end of stream. Throws MediaError on a decode error that
    /// cannot be skipped (e.g. truncated file where no more data can be read
    /// is treated as end of stream, not an error).
    virtual size_t read(float* out, size_t frames) = 0;
    /// Moves to an exact frame (sample-accurate). Clamped to [0, totalFrames].
    virtual void seek(int64_t frame) = 0;
    /// Frame index of the next frame read() returns.
    virtual int64_t tell() const = 0;
    /// The file this source reads (for messages).
    virtual const std::string& path() const = 0;
    /// A tag (Vorbis comment, case-insensitive name), or "" when the file has none.
    virtual std::string tag(const char* /*name*/) const { return ""; }
    /// The TITLE tag, or "" when the file has none.
    std::string title() const { return tag("TITLE"); }

    double durationSeconds() const { return sampleRate() > 0 ? double(totalFrames()) / sampleRate() : 0.0; }
};

/// Opens an audio file, choosing the decoder from its content (Ogg Vorbis or
/// PCM WAV), not its extension. Throws MediaError naming the file and problem
/// (missing, empty, truncated, not a supported format).
std::unique_ptr<AudioSource> openAudioFile(const std::string& path);

} // namespace la::media
