#include "media/wav_source.h"

#include <SDL.h>

#include <algorithm>
#include <cstring>
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

} // namespace

std::unique_ptr<AudioSource> openWavFile(const std::string& path) {
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
