#pragma once
// Writes 16-bit PCM WAV files (the renderer's output format).

#include <cstdint>
#include <cstdio>
#include <string>

namespace la::media {

class WavWriter {
public:
    /// Throws MediaError if the file cannot be created.
    WavWriter(const std::string& path, int sampleRate, int channels);
    ~WavWriter();
    WavWriter(const WavWriter&) = delete;
    WavWriter& operator=(const WavWriter&) = delete;

    /// Appends interleaved float frames, clipped to [-1, 1] and rounded.
    void write(const float* frames, size_t count);
    /// Patches the header sizes and closes; throws MediaError on I/O failure.
    void close();
    int64_t framesWritten() const { return frames_; }

private:
    std::string path_;
    std::FILE* file_ = nullptr;
    int rate_;
    int channels_;
    int64_t frames_ = 0;
};

} // namespace la::media
