// WSOLA time-stretcher (waveform-similarity overlap-add), tuned for speech.
//
// Overview. Output is built from input blocks of W frames (20 ms) that overlap
// by half: every hop of H = W/2 output frames is a raised-cosine crossfade from
// the second half of the previous block (the "tail") to the first half of a
// newly chosen block. Speed comes from *where* the new block is taken:
//
//  1. The nominal time map. `position_` is the input position of the next output
//     frame; each output frame advances it by the speed in force when it is
//     pulled. latencyInputFrames() is derived from it, so the pipeline's episode
//     clock follows the requested speed exactly, even across speed changes.
//  2. The ideal block. A block faded in over output frames [t, t+H) should reach
//     the nominal position by the end of the fade, so its ideal start is
//     c = position_ + H * (speed - 1).
//  3. The target. The previous block's natural continuation, the W frames that
//     start at `tail_`, is what a seamless splice would look like.
//  4. The search. Among blocks starting in [c - S, c + S] (S = 6 ms; the 12 ms span
//     covers a pitch period down to 83 Hz) pick the one most similar to the target,
//     by normalized cross-correlation: first on a block-averaged mono copy of the
//     input at about 5.5 kHz (`coarse_`, maintained on feed), then at full rate
//     around the coarse winner. Channels are summed, so stereo splices stay
//     aligned across channels.
//  5. Overlap-add. out = tail + w * (block - tail) with w rising 0 -> 1 over the
//     hop (the two weights always sum to 1: nothing is added that could clip).
//     The block's second half becomes the next tail (`tail_ = block_ + H`).
//  6. Exactly 1.0x. Between hops, if the speed is exactly 1.0 the input from
//     `tail_` on is copied unchanged, so output is bit-exact input (from the
//     first sample at a fresh start; after the current hop's crossfade when
//     switching back from another speed). Leaving 1.0x starts a hop from the
//     same `tail_`, so there is no jump either way.
//
// End of input: endOfInput() appends silence so the last hops can be searched,
// and output stops when `position_` reaches the last real input frame, so the
// output lasts (input / speed) to within a frame. (The last window of output
// may crossfade into that silence: at most ~20 ms of the final audio fades.)
//
// Memory: every buffer is sized in the constructor; feed() slides the kept
// part of the input buffer to the front (memmove) instead of growing it.
#include "media/wsola.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>

namespace la::media {
namespace {

// Four-lane float vectors (GCC/Clang extension). Two accumulators keep the
// adder pipeline busy; the compiler maps them to SSE/NEON.
typedef float V4 __attribute__((vector_size(16)));

inline V4 load4(const float* p) {
    V4 v;
    std::memcpy(&v, p, sizeof v);
    return v;
}
inline float sum4(V4 v) { return (v[0] + v[1]) + (v[2] + v[3]); }

/// dot = sum a[i]*b[i], energy = sum b[i]^2 over n floats.
inline void dotAndEnergy(const float* a, const float* b, size_t n, float& dot, float& energy) {
    V4 d0 = {0, 0, 0, 0}, d1 = d0, e0 = d0, e1 = d0;
    size_t i = 0;
    for (; i + 8 <= n; i += 8) {
        V4 b0 = load4(b + i), b1 = load4(b + i + 4);
        d0 += load4(a + i) * b0;
        d1 += load4(a + i + 4) * b1;
        e0 += b0 * b0;
        e1 += b1 * b1;
    }
    float d = sum4(d0 + d1), e = sum4(e0 + e1);
    for (; i < n; ++i) {
        d += a[i] * b[i];
        e += b[i] * b[i];
    }
    dot = d;
    energy = e;
}

} // namespace

Wsola::Wsola(int channels, int sampleRate) : Wsola(channels, sampleRate, Params{}) {}

Wsola::Wsola(int channels, int sampleRate, const Params& params)
    : channels_(std::max(1, channels)), sampleRate_(std::max(1, sampleRate)) {
    window_ = std::max(16, int(std::lround(params.windowMs * sampleRate_ / 1000.0)) & ~1);
    hop_ = window_ / 2;
    search_ = std::max(1, int(std::lround(params.searchMs * sampleRate_ / 1000.0)));
    decim_ = std::max(1, int(std::lround(sampleRate_ / params.coarseRateHz)));
    centerBias_ = params.centerBias;
    fadeIn_.resize(size_t(hop_));
    for (int j = 0; j < hop_; ++j) fadeIn_[size_t(j)] = float(0.5 - 0.5 * std::cos(M_PI * (j + 0.5) / hop_));
    // A hop needs, from the oldest frame kept (compact()) to the end of the
    // furthest candidate block: 4H + S behind the position, 2H + S + W ahead.
    const size_t lookahead = size_t(8 * hop_ + 2 * search_ + 2 * decim_);
    feedLimit_ = lookahead + std::max<size_t>(8192, size_t(4 * window_));
    const size_t pad = size_t(2 * window_ + 2 * search_ + 4 * hop_ + decim_);
    capacity_ = feedLimit_ + pad;
    buffer_.assign(capacity_ * size_t(channels_), 0.0f);
    coarse_.assign(capacity_ / size_t(decim_) + 1, 0.0f);
    fineScores_.assign(size_t(std::max(3 * decim_, 2 * search_) + 2), 0.0);
    reset();
}

void Wsola::setSpeed(double speed) {
    if (std::isnan(speed)) return;
    speed_ = std::clamp(speed, kMinSpeed, kMaxSpeed);
}

void Wsola::reset() {
    ended_ = false;
    base_ = 0;
    filled_ = 0;
    inputEnd_ = -1;
    coarseFilled_ = 0;
    fedTotal_ = 0;
    position_ = 0;
    tail_ = 0;
    block_ = 0;
    hopPos_ = hop_;
    phaseError_ = 0;
}

size_t Wsola::feed(const float* in, size_t frames) {
    if (ended_ || frames == 0) return 0;
    if (filled_ + int64_t(frames) > int64_t(feedLimit_)) compact();
    size_t n = std::min(frames, size_t(int64_t(feedLimit_) - filled_));
    std::memcpy(buffer_.data() + size_t(filled_) * size_t(channels_), in, n * size_t(channels_) * sizeof(float));
    filled_ += int64_t(n);
    fedTotal_ += int64_t(n);
    updateCoarse();
    return n;
}

void Wsola::endOfInput() {
    if (ended_) return;
    ended_ = true;
    inputEnd_ = filled_;
    size_t pad = capacity_ - size_t(filled_);
    std::fill_n(buffer_.begin() + std::ptrdiff_t(size_t(filled_) * size_t(channels_)), pad * size_t(channels_), 0.0f);
    filled_ = int64_t(capacity_);
    updateCoarse();
}

double Wsola::latencyInputFrames() const {
    double pos = position_;
    if (ended_) pos = std::min(pos, double(inputEnd_));
    return double(fedTotal_) - (double(base_) + pos);
}

void Wsola::updateCoarse() {
    const size_t ch = size_t(channels_), d = size_t(decim_);
    const float scale = 1.0f / float(d * ch);
    while ((coarseFilled_ + 1) * decim_ <= filled_) {
        const float* p = buffer_.data() + size_t(coarseFilled_) * d * ch;
        float s = 0;
        for (size_t i = 0; i < d * ch; ++i) s += p[i];
        coarse_[size_t(coarseFilled_++)] = s * scale;
    }
}

void Wsola::compact() {
    int64_t keep = std::min<int64_t>(tail_, int64_t(std::floor(position_)) - 4 * hop_ - search_);
    if (hopPos_ < hop_) keep = std::min(keep, block_);
    keep = std::max<int64_t>(0, keep);
    keep -= keep % decim_;
    if (keep == 0) return;
    const size_t ch = size_t(channels_);
    std::memmove(buffer_.data(), buffer_.data() + size_t(keep) * ch, size_t(filled_ - keep) * ch * sizeof(float));
    const int64_t coarseKeep = keep / decim_;
    std::memmove(coarse_.data(), coarse_.data() + coarseKeep, size_t(coarseFilled_ - coarseKeep) * sizeof(float));
    base_ += keep;
    filled_ -= keep;
    coarseFilled_ -= coarseKeep;
    tail_ -= keep;
    block_ -= keep;
    position_ -= double(keep);
}

double Wsola::similarity(double dot, double energy, double targetEnergy, double floor, int64_t offset) const {
    // Normalized cross-correlation in [-1, 1], minus a small quadratic pull
    // towards the ideal position (keeps the splice close to the time map).
    const double ncc = dot / std::sqrt((energy + floor) * (targetEnergy + floor));
    const double x = double(offset) / double(search_);
    return ncc - centerBias_ * x * x;
}

int64_t Wsola::coarseSearch(int64_t lo, int64_t hi, int64_t center) const {
    const int64_t d = decim_, wd = window_ / d;
    const int64_t t = (tail_ + d / 2) / d;
    const int64_t iLo = (lo + d - 1) / d, iHi = std::min(hi / d, coarseFilled_ - wd);
    if (wd < 4 || iHi - iLo < 2 || t + wd > coarseFilled_) return -1;
    const float* target = coarse_.data() + t;
    const double floor = 1e-10 * double(wd);
    float dot, targetEnergy;
    dotAndEnergy(target, target, size_t(wd), dot, targetEnergy);
    double best = -std::numeric_limits<double>::infinity();
    int64_t bestI = iLo;
    for (int64_t i = iLo; i <= iHi; ++i) {
        float energy;
        dotAndEnergy(target, coarse_.data() + i, size_t(wd), dot, energy);
        const double s = similarity(dot, energy, targetEnergy, floor, i * d - center);
        if (s > best) best = s, bestI = i;
    }
    return bestI * d;
}

int64_t Wsola::findBestBlock(int64_t lo, int64_t hi, int64_t center) {
    // Coarse: candidates on the decimated grid; fine: every frame around the
    // coarse winner, all channels, full rate.
    int64_t fineLo = lo, fineHi = hi;
    const int64_t coarse = coarseSearch(lo, hi, center);
    if (coarse >= 0) {
        fineLo = std::max(lo, coarse - decim_ + 1);
        fineHi = std::min(hi, coarse + decim_ - 1);
    }
    const size_t ch = size_t(channels_);
    const float* target = buffer_.data() + size_t(tail_) * ch;
    const size_t n = size_t(window_) * ch;
    const double floor = 1e-10 * double(n);
    float dot, targetEnergy;
    dotAndEnergy(target, target, n, dot, targetEnergy);
    double best = -std::numeric_limits<double>::infinity();
    int64_t bestK = fineLo;
    double* scores = fineScores_.data();
    const int64_t count = std::min<int64_t>(fineHi - fineLo + 1, int64_t(fineScores_.size()));
    for (int64_t k = fineLo; k < fineLo + count; ++k) {
        float energy;
        dotAndEnergy(target, buffer_.data() + size_t(k) * ch, n, dot, energy);
        const double s = scores[k - fineLo] = similarity(dot, energy, targetEnergy, floor, k - center);
        if (s > best) best = s, bestK = k;
    }
    // Sub-frame peak by parabolic interpolation, then error diffusion: the
    // chosen whole frame compensates the rounding of earlier splices, so a
    // steady tone keeps its exact pitch on average.
    double frac = 0;
    const int64_t b = bestK - fineLo;
    if (b > 0 && b + 1 < count) {
        const double l = scores[b - 1], c = scores[b], r = scores[b + 1], den = l - 2 * c + r;
        if (den < 0) frac = std::clamp(0.5 * (l - r) / den, -0.5, 0.5);
    }
    const double ideal = double(bestK) + frac;
    int64_t k = std::clamp<int64_t>(std::llround(ideal - phaseError_), fineLo, fineLo + count - 1);
    if (std::abs(double(k) - ideal) > 1.0) k = bestK;
    phaseError_ = std::clamp(phaseError_ + double(k) - ideal, -1.0, 1.0);
    return k;
}

bool Wsola::startHop() {
    const int64_t c = int64_t(std::floor(position_ + hop_ * (speed_ - 1.0)));
    int64_t lo = std::max<int64_t>(0, c - search_);
    int64_t hi = std::max(lo, c + search_);
    if (std::max(hi, tail_) + window_ > filled_) {
        if (!ended_) return false;
        hi = std::max<int64_t>(0, filled_ - window_);
        lo = std::min(lo, hi);
    }
    block_ = findBestBlock(lo, hi, c);
    hopPos_ = 0;
    return true;
}

size_t Wsola::emitHop(float* out, size_t maxFrames) {
    const size_t n = std::min(size_t(hop_ - hopPos_), maxFrames);
    const size_t ch = size_t(channels_);
    const float* a = buffer_.data() + size_t(tail_ + hopPos_) * ch;
    const float* b = buffer_.data() + size_t(block_ + hopPos_) * ch;
    const float* w = fadeIn_.data() + hopPos_;
    if (ch == 1) {
        for (size_t j = 0; j < n; ++j) out[j] = a[j] + w[j] * (b[j] - a[j]);
    } else if (ch == 2) {
        for (size_t j = 0; j < n; ++j) {
            out[2 * j] = a[2 * j] + w[j] * (b[2 * j] - a[2 * j]);
            out[2 * j + 1] = a[2 * j + 1] + w[j] * (b[2 * j + 1] - a[2 * j + 1]);
        }
    } else {
        for (size_t j = 0; j < n; ++j)
            for (size_t c = 0; c < ch; ++c) out[j * ch + c] = a[j * ch + c] + w[j] * (b[j * ch + c] - a[j * ch + c]);
    }
    hopPos_ += int(n);
    position_ += double(n) * speed_;
    if (hopPos_ == hop_) tail_ = block_ + hop_;
    return n;
}

size_t Wsola::emitPassThrough(float* out, size_t maxFrames) {
    const size_t n = std::min(maxFrames, size_t(std::max<int64_t>(0, filled_ - tail_)));
    const size_t ch = size_t(channels_);
    std::memcpy(out, buffer_.data() + size_t(tail_) * ch, n * ch * sizeof(float));
    tail_ += int64_t(n);
    position_ += double(n);
    return n;
}

size_t Wsola::pull(float* out, size_t maxFrames) {
    const size_t ch = size_t(channels_);
    size_t done = 0;
    while (done < maxFrames) {
        size_t limit = maxFrames - done;
        if (ended_) {
            double left = std::ceil((double(inputEnd_) - position_) / speed_ - 1e-9);
            if (left <= 0) break;
            limit = std::min(limit, size_t(left));
        } else {
            // Never let the time map run ahead of the input fed (the copy at
            // 1.0x, or a speed raised mid-hop, could otherwise outrun it).
            double room = (double(filled_) - position_) / speed_;
            if (room < 1) break;
            limit = std::min(limit, size_t(room));
        }
        if (hopPos_ == hop_) {
            if (speed_ == 1.0) {
                size_t n = emitPassThrough(out + done * ch, limit);
                if (n == 0) break;
                done += n;
                continue;
            }
            if (!startHop()) break;
        }
        done += emitHop(out + done * ch, limit);
    }
    return done;
}

} // namespace la::media
