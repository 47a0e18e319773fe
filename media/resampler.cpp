#include "media/resampler.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace la::media {
namespace {

constexpr int kZeroCrossings = 24;   ///< each side, at the lower of the two rates
constexpr double kBeta = 8.0;        ///< Kaiser window: about -80 dB side lobes
constexpr double kCutoff = 0.45;     ///< of the lower rate: stop band from its Nyquist on
constexpr size_t kCompactFrames = 4096;

double besselI0(double x) {
    double sum = 1, term = 1;
    for (int k = 1; k < 50; ++k) {
        term *= (x / (2 * k)) * (x / (2 * k));
        sum += term;
        if (term < 1e-12 * sum) break;
    }
    return sum;
}

} // namespace

bool Resampler::supports(int inRate, int outRate) {
    if (inRate <= 0 || outRate <= 0 || inRate == outRate) return false;
    return outRate / std::gcd(inRate, outRate) <= kMaxPhases;
}

Resampler::Resampler(int channels, int inRate, int outRate) : channels_(std::max(1, channels)) {
    const int g = std::gcd(inRate, outRate);
    up_ = outRate / g;
    down_ = inRate / g;
    const double scale = std::min(1.0, double(up_) / down_); // the lower rate, in input cycles per frame x 2
    taps_ = 2 * int(std::ceil(kZeroCrossings / scale));
    const double fc = kCutoff * scale, half = taps_ / 2.0, norm = besselI0(kBeta);
    const int centre = taps_ / 2 - 1;
    coefs_.resize(size_t(up_) * size_t(taps_));
    for (int p = 0; p < up_; ++p) {
        float* c = coefs_.data() + size_t(p) * size_t(taps_);
        double sum = 0;
        for (int j = 0; j < taps_; ++j) {
            const double t = (j - centre) - double(p) / up_;
            const double x = 2 * fc * t;
            const double sinc = std::abs(x) < 1e-12 ? 1.0 : std::sin(M_PI * x) / (M_PI * x);
            const double r = t / half;
            const double w = std::abs(r) >= 1 ? 0.0 : besselI0(kBeta * std::sqrt(1 - r * r)) / norm;
            c[j] = float(sinc * w);
            sum += c[j];
        }
        for (int j = 0; j < taps_; ++j) c[j] = float(c[j] / sum); // unity gain at DC for every phase
    }
    clear();
}

void Resampler::clear() {
    const size_t history = size_t(taps_ / 2 - 1);
    input_.assign(history * size_t(channels_), 0.0f);
    readFrame_ = history;
    phase_ = 0;
    flushed_ = false;
    realEnd_ = -1;
}

void Resampler::put(const float* in, size_t frames) {
    if (flushed_ || frames == 0) return;
    const size_t ch = size_t(channels_), oldest = readFrame_ - size_t(taps_ / 2 - 1);
    if (oldest >= kCompactFrames) {
        input_.erase(input_.begin(), input_.begin() + std::ptrdiff_t(oldest * ch));
        readFrame_ -= oldest;
    }
    input_.insert(input_.end(), in, in + frames * ch);
}

void Resampler::flush() {
    if (flushed_) return;
    realEnd_ = int64_t(input_.size() / size_t(channels_));
    input_.resize(input_.size() + size_t(taps_ / 2) * size_t(channels_), 0.0f);
    flushed_ = true;
}

size_t Resampler::available() const {
    // Output k is at input frame readFrame_ + floor((phase_ + k * M) / L); it
    // needs taps_/2 frames after that one (and, after flush, must lie before
    // the real end).
    int64_t last = int64_t(input_.size() / size_t(channels_)) - 1 - taps_ / 2;
    if (flushed_) last = std::min(last, realEnd_ - 1);
    const int64_t d = last - int64_t(readFrame_);
    if (d < 0) return 0;
    return size_t(((d + 1) * up_ - phase_ + down_ - 1) / down_);
}

size_t Resampler::get(float* out, size_t maxFrames) {
    const size_t n = std::min(maxFrames, available());
    const size_t ch = size_t(channels_), t = size_t(taps_);
    for (size_t k = 0; k < n; ++k) {
        const float* c = coefs_.data() + size_t(phase_) * t;
        const float* x = input_.data() + (readFrame_ - size_t(taps_ / 2 - 1)) * ch;
        for (size_t a = 0; a < ch; ++a) {
            float acc = 0;
            for (size_t j = 0; j < t; ++j) acc += c[j] * x[j * ch + a];
            out[k * ch + a] = acc;
        }
        phase_ += down_;
        readFrame_ += size_t(phase_ / up_);
        phase_ %= up_;
    }
    return n;
}

} // namespace la::media
