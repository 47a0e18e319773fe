// Voice boost: a speech-band EQ and a gentle, gated compressor, zero latency.
//
// Per frame:
//  1. EQ, per channel (RBJ-cookbook biquads, direct form II transposed,
//     double state):
//     - high-pass at 80 Hz, 4th-order Butterworth (two biquads). Steeper than
//       one biquad because the compressor below raises what is quiet: 40 Hz
//       rumble, which a 2nd-order filter takes down only 12 dB, would be
//       boosted partly back up (4th order: -24 dB). Voice fundamentals
//       (85 Hz and up) lose at most ~2 dB.
//     - peaking +5 dB at 3 kHz, Q 0.9 (~1.5 octaves): the band of the
//       consonants that carry intelligibility and that high-frequency hearing
//       loss takes first.
//     - a -1.5 dB trim, so that speech (its long-term spectrum) comes out
//       about as loud as it went in: the lift changes the tone, not the level.
//  2. Detector: the mean power over channels of the high-passed signal
//     (before the presence lift, so the lift is not compressed away and the
//     rumble does not pull the gain down; mean power rather than a summed
//     signal, so out-of-phase channels do not cancel). Two one-pole averages:
//     - `level_`, tau 20 ms (an RMS over about 40 ms): what the gain follows;
//     - `gate_`, tau 5 ms: tells speech from pauses, quickly.
//  3. The static curve, relative to the reference R (dB, d = level - R):
//     - below R: upward 2:1 (gain = -d/2), at most +10 dB (reached at R-20);
//     - R to R+3: unity;
//     - above R+3: downward 2:1;
//     with 6 dB-wide quadratic knees at every corner, so the gain has no
//     kinks to flicker on (the knee leaves +0.4 dB at exactly R).
//  4. The gate. Below R-35 dB (fast detector) the gain does not follow the
//     curve, which would raise breaths, room noise and the silence between
//     words to +10 dB and pump them with every word. It holds instead, and
//     drifts back to 0 dB with tau 1.5 s: over the short gaps between words
//     the gain stays put (no pumping), over a long pause it returns to unity
//     (the noise floor is not raised). The gate opens smoothly over the
//     8 dB above R-35 (a weight, not a switch: no flicker at the edge).
//  5. Gain smoothing, in dB, one pole: attack (gain going down) tau 15 ms,
//     release (gain going up) tau 80 ms. The usual 250 ms release against
//     pumping would be too slow for words: a quiet word 400 ms long after a
//     loud one gets ~4 dB of its 8 dB boost in its middle (12 dB left of a
//     16 dB difference; 80 ms leaves 9). Here the gate does the anti-pumping
//     job, so the release can follow words: 80 ms is within the "syllabic"
//     release of hearing-aid compressors (50-150 ms), and at 2:1 it flattens
//     a word's own envelope only mildly.
//  6. out = eq * trim * gain, the same gain for every channel. The gain used
//     for frame n comes from the detector up to frame n-1 (one frame of
//     control delay, inaudible), so one pass per channel suffices and `in`
//     may be `out`.
//  7. On/off crossfades input and boosted signal over 20 ms; at 0 the input
//     is copied unchanged. Filters and detector run either way.
//
// Cost: 3 biquads per channel and one exp and two log10 per frame.
#include "media/voice_boost.h"

#include <algorithm>
#include <cmath>

namespace la::media {
namespace {

constexpr double kHighPassHz = 80.0;
constexpr double kPresenceHz = 3000.0, kPresenceQ = 0.9, kPresenceDb = 5.0;
// Measured (libebur128): speech-shaped noise (flat to 500 Hz, -6 dB/octave
// above) comes out of the EQ 1.3-1.5 LU louder at 44.1 and 16 kHz (its RMS
// only 0.4-0.7 dB: the lift is where the ear, and K-weighting, is sensitive).
constexpr double kTrimDb = -1.5;

constexpr double kLevelSeconds = 0.020, kGateSeconds = 0.005;
constexpr double kAttackSeconds = 0.015, kReleaseSeconds = 0.080, kIdleSeconds = 1.5;
constexpr double kGlideSeconds = 0.020;

constexpr double kBoostRatio = 2.0, kMaxBoostDb = 10.0; ///< below the reference
constexpr double kCutAboveDb = 3.0, kCutRatio = 2.0;    ///< above the reference
constexpr double kKneeDb = 6.0;
constexpr double kGateDb = -35.0, kGateOpenDb = 8.0;    ///< closed at R-35, open at R-27

constexpr double kTiny = 1e-20; ///< -200 dB: log of silence
constexpr double kDenormal = 1e-30;

double coeff(double seconds, int rate) { return 1.0 - std::exp(-1.0 / (seconds * rate)); }

/// max(0, x) with a quadratic knee `kKneeDb` wide: continuous slope.
double softRamp(double x) {
    const double h = kKneeDb / 2;
    if (x <= -h) return 0;
    if (x >= h) return x;
    return (x + h) * (x + h) / (2 * kKneeDb);
}

double smoothstep(double t) {
    t = std::clamp(t, 0.0, 1.0);
    return t * t * (3 - 2 * t);
}

} // namespace

VoiceBoost::VoiceBoost(int channels, int sampleRate)
    : channels_(std::max(1, channels)), rate_(std::max(1, sampleRate)),
      trim_(std::pow(10.0, kTrimDb / 20.0)),
      levelCoeff_(coeff(kLevelSeconds, rate_)), gateCoeff_(coeff(kGateSeconds, rate_)),
      attackCoeff_(coeff(kAttackSeconds, rate_)), releaseCoeff_(coeff(kReleaseSeconds, rate_)),
      idleCoeff_(coeff(kIdleSeconds, rate_)), mixStep_(1.0 / std::max(1.0, kGlideSeconds * rate_)) {
    // RBJ cookbook. Frequencies kept below Nyquist for very low rates.
    auto highPass = [&](double hz, double q) {
        const double w = 2 * M_PI * std::min(hz, 0.45 * rate_) / rate_, cw = std::cos(w);
        const double alpha = std::sin(w) / (2 * q), a0 = 1 + alpha;
        return Biquad{(1 + cw) / 2 / a0, -(1 + cw) / a0, (1 + cw) / 2 / a0, -2 * cw / a0, (1 - alpha) / a0};
    };
    auto peaking = [&](double hz, double q, double db) {
        const double w = 2 * M_PI * std::min(hz, 0.4 * rate_) / rate_, cw = std::cos(w);
        const double alpha = std::sin(w) / (2 * q), A = std::pow(10.0, db / 40.0), a0 = 1 + alpha / A;
        return Biquad{(1 + alpha * A) / a0, -2 * cw / a0, (1 - alpha * A) / a0, -2 * cw / a0, (1 - alpha / A) / a0};
    };
    // 4th-order Butterworth: two sections, Q = 1/(2 cos(pi/8)) and 1/(2 cos(3pi/8)).
    stage_[0] = highPass(kHighPassHz, 0.54119610);
    stage_[1] = highPass(kHighPassHz, 1.30656296);
    stage_[2] = peaking(kPresenceHz, kPresenceQ, kPresenceDb);
    z_.assign(size_t(channels_) * kStages * 2, 0.0);
}

void VoiceBoost::reset() {
    std::fill(z_.begin(), z_.end(), 0.0);
    level_ = gate_ = 0;
    gainDb_ = 0;
    mix_ = enabled_ ? 1 : 0;
}

void VoiceBoost::process(const float* in, float* out, size_t frames) {
    const size_t ch = size_t(channels_);
    for (size_t f = 0; f < frames; ++f) {
        if (enabled_ && mix_ < 1) mix_ = std::min(1.0, mix_ + mixStep_);
        if (!enabled_ && mix_ > 0) mix_ = std::max(0.0, mix_ - mixStep_);
        const double gain = trim_ * std::exp(gainDb_ * (M_LN10 / 20.0));

        double power = 0;
        for (size_t c = 0; c < ch; ++c) {
            const double x = in[f * ch + c];
            double* z = &z_[c * kStages * 2];
            double v = x, hp = 0;
            for (int s = 0; s < kStages; ++s, z += 2) {
                const Biquad& q = stage_[s];
                const double y = q.b0 * v + z[0];
                z[0] = q.b1 * v - q.a1 * y + z[1];
                z[1] = q.b2 * v - q.a2 * y;
                v = y;
                if (s == 1) hp = v; // the high-passed signal feeds the detector
            }
            power += hp * hp;
            const double wet = v * gain;
            if (mix_ >= 1) out[f * ch + c] = float(wet);
            else if (mix_ <= 0) out[f * ch + c] = in[f * ch + c]; // bit-exact when off
            else out[f * ch + c] = float(x + mix_ * (wet - x));
        }
        power /= double(ch);

        level_ += levelCoeff_ * (power - level_);
        gate_ += gateCoeff_ * (power - gate_);
        const double d = 10.0 * std::log10(level_ + kTiny) - referenceDb_;
        const double dGate = 10.0 * std::log10(gate_ + kTiny) - referenceDb_;

        const double up = 1.0 - 1.0 / kBoostRatio, down = 1.0 - 1.0 / kCutRatio;
        const double target = up * (softRamp(-d) - softRamp(-d - kMaxBoostDb / up)) - down * softRamp(d - kCutAboveDb);
        const double open = smoothstep((dGate - kGateDb) / kGateOpenDb);
        const double a = target < gainDb_ ? attackCoeff_ : releaseCoeff_;
        gainDb_ += open * a * (target - gainDb_) - (1 - open) * idleCoeff_ * gainDb_;
    }
    // Decaying state must not linger as denormals (slow arithmetic, and IIR
    // filters can limit-cycle there); -600 dB is silence.
    for (double& z : z_)
        if (std::abs(z) < kDenormal) z = 0;
    if (level_ < kDenormal) level_ = 0;
    if (gate_ < kDenormal) gate_ = 0;
    if (std::abs(gainDb_) < kDenormal) gainDb_ = 0;
}

} // namespace la::media
