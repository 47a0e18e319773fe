#include "media/wav_source.h"

#include <SDL.h>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <memory>
#include <vector>

namespace la::media {
namespace {

class WavSource final : public AudioSource {
public:
    WavSource(std::string path, std::vector<float> frames, int rate, int channels)
        : path_(std::move(path)), samples_(std::move(frames)), rate_(rate), channels_(channels) {}

    int sampleRate() const override { return rate_; }
    int channels() const override { return channels_; }
    int64_t totalFrames() const override { return int64_t(samples_.size()) / channels_; }
    const std::string& path() const override { return path_; }
    int64_t tell() const override { return position_; }

    size_t read(float* out, size_t frames) override {
        size_t n = size_t(std::max<int64_t>(0, std::min<int64_t>(int64_t(frames), totalFrames() - position_)));
        std::memcpy(out, samples_.data() + position_ * channels_, n * size_t(channels_) * sizeof(float));
        position_ += int64_t(n);
        return n;
    }
    void seek(int64_t frame) override { position_ = std::clamp<int64_t>(frame, 0, totalFrames()); }

private:
    std::string path_;
    std::vector<float> samples_;
    int rate_;
    int channels_;
    int64_t position_ = 0;
};

struct FileCloser {
    void operator()(std::FILE* f) const { std::fclose(f); }
};
using FilePtr = std::unique_ptr<std::FILE, FileCloser>;

/// Fast path for the common case, plain little-endian 16-bit PCM: streams the
/// data chunk from the open file and converts each read() (x / 32768, exactly
/// as SDL's S16 -> F32 conversion does). Nothing is loaded whole, so a long
/// file costs neither the memory nor the page faults of a float copy.
/// Everything else goes through SDL.
class Pcm16WavSource final : public AudioSource {
public:
    Pcm16WavSource(std::string path, FilePtr file, long dataOffset, int64_t frames, int rate, int channels)
        : path_(std::move(path)), file_(std::move(file)), dataOffset_(dataOffset), frames_(frames), rate_(rate),
          channels_(channels) {}

    int sampleRate() const override { return rate_; }
    int channels() const override { return channels_; }
    int64_t totalFrames() const override { return frames_; }
    const std::string& path() const override { return path_; }
    int64_t tell() const override { return position_; }

    size_t read(float* out, size_t frames) override {
        constexpr size_t kSlice = 2048; // samples per fread, on the stack
        int16_t pcm[kSlice];
        size_t want = size_t(std::max<int64_t>(0, std::min<int64_t>(int64_t(frames), frames_ - position_)));
        const size_t ch = size_t(channels_);
        size_t done = 0; // frames
        while (done < want) {
            const size_t n = std::min(want - done, kSlice / ch);
            const size_t got = std::fread(pcm, 2 * ch, n, file_.get());
            for (size_t i = 0; i < got * ch; ++i) out[done * ch + i] = float(pcm[i]) * (1.0f / 32768.0f);
            done += got;
            if (got < n) break; // the file shrank since it was opened: end of stream
        }
        position_ += int64_t(done);
        return done;
    }
    void seek(int64_t frame) override {
        position_ = std::clamp<int64_t>(frame, 0, frames_);
        std::fseek(file_.get(), dataOffset_ + long(position_) * 2 * channels_, SEEK_SET);
    }

private:
    std::string path_;
    FilePtr file_;
    long dataOffset_;
    int64_t frames_;
    int rate_;
    int channels_;
    int64_t position_ = 0;
};

uint32_t le32(const unsigned char* p) { return uint32_t(p[0]) | uint32_t(p[1]) << 8 | uint32_t(p[2]) << 16 | uint32_t(p[3]) << 24; }
uint16_t le16(const unsigned char* p) { return uint16_t(p[0] | p[1] << 8); }

/// Returns nullptr when the file is not a well-formed, complete 16-bit PCM WAV
/// with a non-empty data chunk (the caller then lets SDL handle it, errors
/// included, so messages and lenient parsing stay SDL's).
std::unique_ptr<AudioSource> tryOpenPcm16(const std::string& path) {
    if (SDL_BYTEORDER != SDL_LIL_ENDIAN) return nullptr;
    FilePtr f(std::fopen(path.c_str(), "rb"));
    if (!f) return nullptr;
    std::setvbuf(f.get(), nullptr, _IOFBF, size_t(1) << 16); // before any I/O, as setvbuf requires
    unsigned char riff[12];
    if (std::fread(riff, 1, 12, f.get()) != 12 || std::memcmp(riff, "RIFF", 4) || std::memcmp(riff + 8, "WAVE", 4)) return nullptr;
    int channels = 0, rate = 0;
    bool haveFmt = false;
    for (;;) {
        unsigned char ck[8];
        if (std::fread(ck, 1, 8, f.get()) != 8) return nullptr;
        const uint32_t size = le32(ck + 4);
        if (std::memcmp(ck, "fmt ", 4) == 0) {
            if (size < 16 || size > 64) return nullptr;
            unsigned char fmt[64];
            if (std::fread(fmt, 1, size, f.get()) != size) return nullptr;
            if (size & 1) std::fseek(f.get(), 1, SEEK_CUR);
            const uint16_t tag = le16(fmt), bits = le16(fmt + 14), align = le16(fmt + 12);
            channels = le16(fmt + 2);
            rate = int(le32(fmt + 4));
            if (tag != 1 || bits != 16 || channels < 1 || channels > 8 || rate <= 0 || align != 2 * channels) return nullptr;
            haveFmt = true;
        } else if (std::memcmp(ck, "data", 4) == 0) {
            if (!haveFmt) return nullptr;
            const int64_t frames = int64_t(size) / (2 * channels);
            if (frames <= 0 || int64_t(size) != frames * 2 * channels) return nullptr;
            // The whole chunk must be present, else SDL decides how lenient to be.
            const long offset = std::ftell(f.get());
            if (offset < 0 || std::fseek(f.get(), 0, SEEK_END) != 0) return nullptr;
            const long end = std::ftell(f.get());
            if (end < 0 || int64_t(end) - offset < int64_t(size) || std::fseek(f.get(), offset, SEEK_SET) != 0) return nullptr;
            return std::make_unique<Pcm16WavSource>(path, std::move(f), offset, frames, rate, channels);
        } else {
            if (std::fseek(f.get(), long(size + (size & 1)), SEEK_CUR) != 0) return nullptr;
        }
    }
}

} // namespace

std::unique_ptr<AudioSource> openWavFile(const std::string& path) {
    if (auto fast = tryOpenPcm16(path)) return fast;
    SDL_AudioSpec spec{};
    Uint8* buffer = nullptr;
    Uint32 length = 0;
    if (!SDL_LoadWAV(path.c_str(), &spec, &buffer, &length)) {
        throw MediaError(path + ": cannot read WAV: " + SDL_GetError());
    }
    // Convert whatever PCM layout the file has to float, same rate and channels.
    SDL_AudioStream* stream = SDL_NewAudioStream(spec.format, spec.channels, spec.freq, AUDIO_F32SYS, spec.channels, spec.freq);
    std::vector<float> samples;
    bool ok = stream && SDL_AudioStreamPut(stream, buffer, int(length)) == 0 && SDL_AudioStreamFlush(stream) == 0;
    if (ok) {
        samples.resize(size_t(SDL_AudioStreamAvailable(stream)) / sizeof(float));
        SDL_AudioStreamGet(stream, samples.data(), int(samples.size() * sizeof(float)));
    }
    std::string err = ok ? "" : SDL_GetError();
    if (stream) SDL_FreeAudioStream(stream);
    SDL_FreeWAV(buffer);
    if (!ok) throw MediaError(path + ": cannot convert WAV: " + err);
    if (samples.empty()) throw MediaError(path + ": the WAV file holds no audio");
    return std::make_unique<WavSource>(path, std::move(samples), spec.freq, spec.channels);
}

} // namespace la::media
