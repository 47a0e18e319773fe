#include "media/loudness_gain.h"

#include <algorithm>
#include <cmath>

namespace la::media {
namespace {

constexpr double kLookaheadSeconds = 0.005;
constexpr double kReleaseSeconds = 0.05;
constexpr double kGlideSeconds = 0.05;
// The peaks are found by 4x interpolation of 32 samples (8 were too few for
// the sharp glottal pulses of Flite's rms voice: true peaks 1.3 dB over the
// sample peaks went unseen), which can still miss a true peak by a few
// tenths of a dB: the limiter aims that much lower.
constexpr double kMarginDb = 0.5;

} // namespace

LoudnessGain::LoudnessGain(int channels, int sampleRate, double ceilingDbtp)
    : channels_(std::max(1, channels)), rate_(std::max(1, sampleRate)),
      lookahead_(std::max(1, int(std::lround(kLookaheadSeconds * rate_)))),
      ceiling_(std::pow(10.0, (ceilingDbtp - kMarginDb) / 20.0)),
      releaseCoeff_(1.0 - std::exp(-1.0 / (kReleaseSeconds * rate_))), hold_(lookahead_ + 2) {
    // The signal waits lookahead_ + kTaps/2 - 1 frames: the detector looks
    // at samples kTaps/2 - 1 and kTaps/2 frames old, and the gain averaged
    // over lookahead_ steps reaches its lowest over the min-held span of
    // lookahead_ + 2 steps.
    lookahead_ += kTaps / 2 - 1;
    delay_.assign(size_t(lookahead_) * size_t(channels_), 0.0f);
    history_.assign(size_t(kTaps) * size_t(channels_), 0.0f);
    queueValue_.assign(size_t(hold_) + 1, 1.0);
    queueStep_.assign(size_t(hold_) + 1, 0);
    held_.assign(size_t(lookahead_ - (kTaps / 2 - 1)), 1.0);
    heldSum_ = double(held_.size());
    // Hann-windowed sinc, each phase normalised to unity at DC.
    for (int p = 0; p < 3; ++p) {
        const double frac = (p + 1) / 4.0;
        double sum = 0;
        for (int k = 0; k < kTaps; ++k) {
            const double t = k - (kTaps / 2 - 1) - frac; // distance from the point between samples 3 and 4
            const double sinc = t == 0 ? 1.0 : std::sin(M_PI * t) / (M_PI * t);
            const double w = 0.5 * (1.0 + std::cos(M_PI * t / (kTaps / 2.0)));
            phase_[p][k] = sinc * w;
            sum += phase_[p][k];
        }
        for (int k = 0; k < kTaps; ++k) phase_[p][k] /= sum;
    }
}

void LoudnessGain::setGainDb(double db) {
    gainDb_ = db;
    onGain_ = std::pow(10.0, db / 20.0);
    retarget();
}

void LoudnessGain::setEnabled(bool on) {
    if (on && !active_) gain_ = 1.0; // off meant unity: glide up from there
    enabled_ = on;
    if (on) active_ = true;
    retarget();
}

void LoudnessGain::retarget() {
    gainTarget_ = enabled_ ? onGain_ : 1.0;
    gainStep_ = (gainTarget_ - gain_) / (kGlideSeconds * rate_);
}

void LoudnessGain::reset() {
    std::fill(delay_.begin(), delay_.end(), 0.0f);
    std::fill(history_.begin(), history_.end(), 0.0f);
    std::fill(held_.begin(), held_.end(), 1.0);
    heldSum_ = double(held_.size());
    queueHead_ = queueSize_ = 0;
    envelope_ = 1;
    gain_ = gainTarget_;
    gainStep_ = 0;
    active_ = enabled_;
}

double LoudnessGain::reductionDb() const { return 20.0 * std::log10(std::max(envelope_, 1e-9)); }

double LoudnessGain::interSamplePeak() const {
    double peak = 0;
    for (int c = 0; c < channels_; ++c) {
        const float* h = &history_[size_t(c) * kTaps];
        peak = std::max({peak, double(std::abs(h[kTaps / 2 - 1])), double(std::abs(h[kTaps / 2]))});
        for (int p = 0; p < 3; ++p) {
            double v = 0;
            for (int k = 0; k < kTaps; ++k) v += phase_[p][k] * h[k];
            peak = std::max(peak, std::abs(v));
        }
    }
    return peak;
}

void LoudnessGain::process(const float* in, float* out, size_t frames) {
    const size_t ch = size_t(channels_), L = held_.size(), capacity = queueValue_.size();
    for (size_t f = 0; f < frames; ++f) {
        // The makeup gain first, gliding to a new value without a step.
        if (gainStep_ != 0) {
            gain_ += gainStep_;
            if ((gainStep_ > 0 && gain_ >= gainTarget_) || (gainStep_ < 0 && gain_ <= gainTarget_)) gain_ = gainTarget_, gainStep_ = 0;
        }
        if (active_ && !enabled_ && gainStep_ == 0 && envelope_ > 0.99999) { // back at unity: off for real
            active_ = false;
            envelope_ = 1;
        }
        const float g = active_ ? float(gain_) : 1.0f;
        float* slot = &delay_[delayPos_ * ch];
        float* hist = history_.data();
        for (size_t c = 0; c < ch; ++c) {
            const float x = in[f * ch + c] * g;
            const float delayed = slot[c];
            slot[c] = x;
            std::move(hist + c * kTaps + 1, hist + (c + 1) * kTaps, hist + c * kTaps);
            hist[c * kTaps + kTaps - 1] = x;
            out[f * ch + c] = delayed; // scaled below by the envelope
        }
        delayPos_ = (delayPos_ + 1) % size_t(lookahead_);

        // The gain this step's peak needs, held as the lowest over hold_ steps.
        const double peak = active_ ? interSamplePeak() : 0.0;
        const double need = peak > ceiling_ ? ceiling_ / peak : 1.0;
        while (queueSize_ > 0 && queueValue_[(queueHead_ + queueSize_ - 1) % capacity] >= need) --queueSize_;
        queueValue_[(queueHead_ + queueSize_) % capacity] = need;
        queueStep_[(queueHead_ + queueSize_) % capacity] = step_;
        ++queueSize_;
        while (queueStep_[queueHead_] <= step_ - hold_) queueHead_ = (queueHead_ + 1) % capacity, --queueSize_;
        const double held = queueValue_[queueHead_];
        ++step_;
        // Averaged over the look-ahead: the gain slides down before the peak.
        heldSum_ += held - held_[heldPos_];
        held_[heldPos_] = held;
        heldPos_ = (heldPos_ + 1) % L;
        if (++sinceRecompute_ >= 1 << 16) { // no drift from the running sum
            heldSum_ = 0;
            for (double v : held_) heldSum_ += v;
            sinceRecompute_ = 0;
        }
        const double smooth = std::min(1.0, heldSum_ / double(L));
        // Down at once, up slowly: never above what the average allows.
        envelope_ = smooth < envelope_ ? smooth : envelope_ + (smooth - envelope_) * releaseCoeff_;
        if (envelope_ < 1.0)
            for (size_t c = 0; c < ch; ++c) out[f * ch + c] = float(out[f * ch + c] * envelope_);
    }
}

} // namespace la::media
