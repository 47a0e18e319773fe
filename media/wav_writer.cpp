#include "media/wav_writer.h"

#include "media/audio_source.h"

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstring>
#include <vector>

namespace la::media {
namespace {

void put16(unsigned char* p, uint16_t v) { p[0] = uint8_t(v); p[1] = uint8_t(v >> 8); }
void put32(unsigned char* p, uint32_t v) { for (int i = 0; i < 4; ++i) p[i] = uint8_t(v >> (8 * i)); }

void header(unsigned char* h, int rate, int channels, uint32_t dataBytes) {
    std::memcpy(h, "RIFF", 4);
    put32(h + 4, 36 + dataBytes);
    std::memcpy(h + 8, "WAVEfmt ", 8);
    put32(h + 16, 16);
    put16(h + 20, 1);
    put16(h + 22, uint16_t(channels));
    put32(h + 24, uint32_t(rate));
    put32(h + 28, uint32_t(rate * channels * 2));
    put16(h + 32, uint16_t(channels * 2));
    put16(h + 34, 16);
    std::memcpy(h + 36, "data", 4);
    put32(h + 40, dataBytes);
}

} // namespace

WavWriter::WavWriter(const std::string& path, int sampleRate, int channels)
    : path_(path), rate_(sampleRate), channels_(channels) {
    file_ = std::fopen(path.c_str(), "wb");
    if (!file_) throw MediaError(path + ": cannot create: " + std::strerror(errno));
    std::setvbuf(file_, nullptr, _IOFBF, size_t(1) << 16); // fewer write() calls for long renders
    unsigned char h[44];
    header(h, rate_, channels_, 0);
    std::fwrite(h, 1, sizeof h, file_);
}

WavWriter::~WavWriter() {
    if (file_) std::fclose(file_);
}

void WavWriter::write(const float* frames, size_t count) {
    // Converted in fixed-size slices on the stack: no allocation per call.
    // Rounding adds and subtracts 1.5 * 2^23, which rounds to nearest-even
    // exactly like lrint() in the default rounding mode (|x| <= 32768 here).
    constexpr size_t kSlice = 4096;
    unsigned char bytes[2 * kSlice];
    const size_t total = count * size_t(channels_);
    for (size_t done = 0; done < total;) {
        const size_t n = std::min(kSlice, total - done);
        for (size_t i = 0; i < n; ++i) {
            constexpr float kMagic = 12582912.0f; // not folded: IEEE rules forbid (v + m) - m == v
            // x 32768, as SDL and libsndfile read 16-bit PCM, so a 16-bit WAV
            // rendered at 1.0x comes back bit-exact.
            float v = std::clamp(frames[done + i] * 32768.0f, -32768.0f, 32767.0f);
            auto s = int16_t(int((v + kMagic) - kMagic));
            put16(bytes + 2 * i, uint16_t(s));
        }
        if (std::fwrite(bytes, 1, 2 * n, file_) != 2 * n) {
            throw MediaError(path_ + ": write failed: " + std::strerror(errno));
        }
        done += n;
    }
    frames_ += int64_t(count);
}

void WavWriter::close() {
    if (!file_) return;
    unsigned char h[44];
    header(h, rate_, channels_, uint32_t(frames_ * channels_ * 2));
    bool ok = std::fseek(file_, 0, SEEK_SET) == 0 && std::fwrite(h, 1, sizeof h, file_) == sizeof h;
    ok = (std::fclose(file_) == 0) && ok;
    file_ = nullptr;
    if (!ok) throw MediaError(path_ + ": could not finish writing the file");
}

} // namespace la::media
