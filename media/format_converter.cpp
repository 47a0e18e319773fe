#include "media/format_converter.h"

#include "media/audio_source.h"
#include "media/resampler.h"

#include <algorithm>
#include <cmath>

namespace la::media {
namespace {

constexpr size_t kChunkFrames = 512; ///< frames moved between stages at a time

// SDL 2.26.5's SDL_AudioStream channel conversion, measured (an impulse on
// each input channel in turn, at equal rates): row k is what input channel k
// adds to each output channel. Float values exactly as SDL produced them.
constexpr float kToMono[8][8] = {
    {1},
    {0.5f, 0.5f},
    {0.333333343f, 0.333333343f, 0.333333343f},
    {0.25f, 0.25f, 0.25f, 0.25f},
    {0.200000003f, 0.200000003f, 0.200000003f, 0.200000003f, 0.200000003f},
    {0.166666672f, 0.166666672f, 0.166666672f, 0.166666672f, 0.166666672f, 0.166666672f},
    {0.143142849f, 0.143142849f, 0.143142849f, 0.142857149f, 0.143142849f, 0.143142849f, 0.143142849f},
    {0.125125006f, 0.125125006f, 0.125125006f, 0.125f, 0.125125006f, 0.125125006f, 0.125125006f, 0.125125006f},
};
constexpr float kToStereo[8][8][2] = {
    {{1, 1}},
    {{1, 0}, {0, 1}},
    {{0.800000012f, 0}, {0, 0.800000012f}, {0.200000003f, 0.200000003f}},
    {{0.421000004f, 0}, {0, 0.421000004f}, {0.358999997f, 0.219999999f}, {0.219999999f, 0.358999997f}},
    {{0.374222219f, 0}, {0, 0.374222219f}, {0.111111112f, 0.111111112f}, {0.319111109f, 0.195555553f},
     {0.195555553f, 0.319111109f}},
    {{0.294545442f, 0}, {0, 0.294545442f}, {0.208181813f, 0.208181813f}, {0.0909090936f, 0.0909090936f},
     {0.25181818f, 0.154545456f}, {0.154545456f, 0.25181818f}},
    {{0.247384623f, 0}, {0, 0.247384623f}, {0.174461529f, 0.174461529f}, {0.0769230798f, 0.0769230798f},
     {0.174461529f, 0.174461529f}, {0.226153851f, 0.100615382f}, {0.100615382f, 0.226153851f}},
    {{0.211866662f, 0}, {0, 0.211866662f}, {0.150266662f, 0.150266662f}, {0.0666666701f, 0.0666666701f},
     {0.181066677f, 0.111066669f}, {0.111066669f, 0.181066677f}, {0.194133341f, 0.0858666673f},
     {0.0858666673f, 0.194133341f}},
};

std::vector<float> mixingMatrix(int in, int out) {
    std::vector<float> m(size_t(in) * size_t(out), 0.0f);
    for (int k = 0; k < in; ++k) {
        for (int c = 0; c < out; ++c) {
            float& v = m[size_t(k) * size_t(out) + size_t(c)];
            if (out == 1 && in <= 8) v = kToMono[in - 1][k];
            else if (out == 2 && in <= 8) v = kToStereo[in - 1][k][c];
            else if (in == 1) v = c < 2 ? 1.0f : 0.0f;
            else v = k == c ? 1.0f : 0.0f;
        }
    }
    return m;
}

} // namespace

FormatConverter::FormatConverter(int inChannels, int inRate, int outChannels, int outRate, const std::string& path)
    : inChannels_(std::max(1, inChannels)), outChannels_(std::max(1, outChannels)),
      ratio_(inRate > 0 ? double(outRate) / inRate : 1.0), matrix_(mixingMatrix(inChannels_, outChannels_)),
      output_(outChannels_) {
    if (inRate <= 0 || outRate <= 0) throw MediaError(path + ": cannot convert to the device format: no sample rate");
    if (inChannels > 8) // as SDL_AudioStream refused them
        throw MediaError(path + ": cannot convert to the device format: " + std::to_string(inChannels) +
                         " channels (1 to 8 are supported)");
    std::vector<int> rates{inRate};
    if (inRate != outRate && !Resampler::supports(inRate, outRate)) {
        // Further apart than libsamplerate converts in one step (256:1): two
        // steps through the geometric mean.
        const int mid = int(std::lround(std::sqrt(double(inRate) * double(outRate))));
        if (!Resampler::supports(inRate, mid) || !Resampler::supports(mid, outRate))
            throw MediaError(path + ": cannot convert " + std::to_string(inRate) + " Hz to the device's " +
                             std::to_string(outRate) + " Hz");
        rates.push_back(mid);
    }
    if (inRate != outRate) rates.push_back(outRate);
    for (size_t i = 0; i + 1 < rates.size(); ++i) {
        stages_.push_back(std::make_unique<Resampler>(inChannels_, rates[i], rates[i + 1]));
        scratch_.emplace_back(kChunkFrames * size_t(inChannels_));
    }
}

FormatConverter::~FormatConverter() = default;

void FormatConverter::clear() {
    for (auto& s : stages_) s->clear();
    output_.clear();
}

void FormatConverter::put(const float* in, size_t frames) { feed(0, in, frames); }

void FormatConverter::flush() {
    for (size_t i = 0; i < stages_.size(); ++i) {
        stages_[i]->flush();
        drain(i);
    }
}

void FormatConverter::feed(size_t stage, const float* in, size_t frames) {
    if (frames == 0) return;
    if (stage == stages_.size()) return mix(in, frames);
    stages_[stage]->put(in, frames);
    drain(stage);
}

void FormatConverter::drain(size_t stage) {
    std::vector<float>& buf = scratch_[stage];
    while (size_t n = stages_[stage]->get(buf.data(), kChunkFrames)) feed(stage + 1, buf.data(), n);
}

void FormatConverter::mix(const float* in, size_t frames) {
    const size_t ich = size_t(inChannels_), och = size_t(outChannels_);
    float* out = output_.append(frames);
    for (size_t f = 0; f < frames; ++f) {
        const float* src = in + f * ich;
        float* dst = out + f * och;
        for (size_t c = 0; c < och; ++c) {
            float v = 0;
            for (size_t k = 0; k < ich; ++k) v += src[k] * matrix_[k * och + c];
            dst[c] = v;
        }
    }
}

} // namespace la::media
