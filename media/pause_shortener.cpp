// Pause shortener: cuts the middle out of long pauses, with an exact time map.
//
// Detection. Input is judged in blocks of B frames (10 ms) counted from
// reset(): a block is silent when the mean square of its loudest channel is
// below the threshold. A pause is a run of silent blocks; it starts at its
// first silent block (ps) and ends at the next sound block or at the end of
// input (pe), so its length L = pe - ps is known to a block.
//
// The edit. A pause is cut when L > M (minPauseMs). With K = keepMs/2 and F
// the crossfade (even), the output plays
//     source [.., ps + K - F/2)                       the pause's head, as is
//     F frames: source [ps + K - F/2, +F) fading out  (headEnd = ps + K - F/2)
//           mixed with [pe - K - F/2, +F) fading in   (tailStart = pe - K - F/2)
//     source [pe - K + F/2, ..)                       the pause's tail, as is
// so the pause lasts 2K and L - 2K source frames are saved. The map's
// breakpoint is the crossfade's middle: output frame (crossfade start + F/2)
// is source frame pe - K; the frames before it are credited to the head side,
// those after to the tail side, so no frame is off by more than F/2. The
// weights are sin/cos of a quarter turn (equal power): both sides are
// unrelated room tone, whose powers add, so the level does not dip mid-fade as
// it would with weights that sum to 1.
//
// Streaming. Frames leave as soon as it is certain that no cut will touch
// them. A cut starts at ps + K - F/2 or later and every pause starts at or
// after the first unjudged frame, so frames before (judged end + K - F/2)
// always pass; inside a pause still shorter than M, the output stops at its
// headEnd until the pause either ends (it passes whole) or grows longer than M
// (it will be cut). Once the output reaches a cut's headEnd, the F head frames
// are copied aside and only the most recent K + F/2 judged silent frames are
// kept (the read position follows judged end - K - F/2): that is where the
// middle of the pause is dropped, so a pause of any length needs no more
// memory. When the pause ends the crossfade is played and the stream goes on.
//
// The input ring holds source frames [min(read position, judged end), fed end);
// feed() takes only what fits, and the ring is sized so that a caller that
// pulls whenever it can never finds feed() and pull() both stuck.
#include "media/pause_shortener.h"

#include <algorithm>
#include <cmath>
#include <cstring>

namespace la::media {
namespace {

int framesOf(double ms, int rate) { return int(std::lround(std::max(0.0, ms) * rate / 1000.0)); }

} // namespace

PauseShortener::PauseShortener(int channels, int sampleRate) : PauseShortener(channels, sampleRate, Params{}) {}

PauseShortener::PauseShortener(int channels, int sampleRate, const Params& p)
    : channels_(std::max(1, channels)), rate_(std::max(1, sampleRate)), followNoiseFloor_(p.followNoiseFloor),
      noiseFloor_(p.silenceDb, int(20000.0 / std::max(1.0, p.blockMs))) {
    block_ = std::max(1, framesOf(p.blockMs, rate_));
    fade_ = 2 * framesOf(p.fadeMs / 2, rate_);
    keepHalf_ = std::max(framesOf(p.keepMs / 2, rate_), fade_ / 2);
    headSafe_ = keepHalf_ - fade_ / 2;
    tailHold_ = keepHalf_ + fade_ / 2;
    // The crossfade's two sides must not overlap: L > M >= 2K + F.
    minPause_ = std::max(framesOf(p.minPauseMs, rate_), 2 * keepHalf_ + fade_);
    threshold2_ = std::pow(10.0, p.silenceDb / 10.0);
    // A pause is found long once its run of whole blocks exceeds M; until
    // then the output waits at its headEnd.
    // (The end of a long pause waits less: for the block that ends it.)
    const int decideAt = (minPause_ / block_ + 1) * block_;
    latency_ = std::max(decideAt - headSafe_, tailHold_ + block_);
    capacity_ = size_t(latency_) + size_t(fade_) + 2 * size_t(block_) + 4096;
    ring_.assign(capacity_ * size_t(channels_), 0.0f);
    fadeHead_.assign(size_t(fade_) * size_t(channels_), 0.0f);
    fadeIn_.resize(size_t(fade_));
    fadeOut_.resize(size_t(fade_));
    for (int i = 0; i < fade_; ++i) {
        const double t = (i + 0.5) / fade_;
        fadeIn_[size_t(i)] = float(std::sin(M_PI / 2 * t));
        fadeOut_[size_t(i)] = float(std::cos(M_PI / 2 * t));
    }
    // Cuts are at least M + a block of source apart, so 1024 entries cover
    // minutes of output; the pipeline trims them as it plays.
    bpOut_.assign(1024, 0);
    bpSrc_.assign(1024, 0);
    bpCut_.assign(1024, 0);
    reset(0);
}

void PauseShortener::reset(int64_t sourceFrame) {
    ended_ = false;
    fedEnd_ = classifiedEnd_ = readPos_ = outFrames_ = 0;
    inPause_ = decided_ = cutting_ = false;
    pauseStart_ = 0;
    edit_ = Edit{};
    anchor_ = sourceFrame;
    bpHead_ = bpCount_ = 0;
    pushBreakpoint(0, sourceFrame, false);
}

// --- input ---

size_t PauseShortener::feed(const float* in, size_t frames) {
    if (ended_) return 0;
    const size_t ch = size_t(channels_);
    size_t taken = 0;
    while (taken < frames) {
        const int64_t oldest = std::min(readPos_, classifiedEnd_);
        const size_t space = capacity_ - size_t(fedEnd_ - oldest);
        if (space == 0) break;
        size_t n = std::min(space, frames - taken);
        while (n > 0) { // at most two pieces: up to the ring's end, then from its start
            const size_t at = size_t(fedEnd_ % int64_t(capacity_));
            const size_t piece = std::min(n, capacity_ - at);
            std::memcpy(&ring_[at * ch], in + taken * ch, piece * ch * sizeof(float));
            fedEnd_ += int64_t(piece);
            taken += piece;
            n -= piece;
        }
        analyze(); // may drop held silence, making room
    }
    return taken;
}

void PauseShortener::endOfInput() {
    ended_ = true;
    analyze();
}

void PauseShortener::analyze() {
    for (;;) {
        if (inPause_ && !decided_ && classifiedEnd_ - pauseStart_ > minPause_) {
            if (enabled_) {
                // One cut at a time: the output is still working through the
                // previous one (the caller has not pulled it yet). Judging stops
                // here, so this pause cannot end before it is decided.
                if (edit_.active) return;
                edit_ = Edit{};
                edit_.active = true;
                edit_.headEnd = pauseStart_ + headSafe_;
                cutting_ = true;
            }
            decided_ = true; // disabled: this pause passes whole, whatever happens later
        }
        // The middle of a pause being cut: keep only the last K + F/2 frames.
        if (cutting_ && edit_.jumped) readPos_ = std::max(readPos_, classifiedEnd_ - tailHold_);
        const int64_t avail = fedEnd_ - classifiedEnd_;
        if (avail >= block_) {
            classifyBlock(block_);
        } else if (ended_ && avail > 0) {
            classifyBlock(avail); // the last, partial block
        } else {
            if (ended_ && inPause_) endPause(fedEnd_);
            return;
        }
    }
}

void PauseShortener::classifyBlock(int64_t frames) {
    const size_t ch = size_t(channels_);
    double loudest = 0;
    for (size_t c = 0; c < ch; ++c) {
        double sum = 0;
        int64_t f = classifiedEnd_;
        int64_t left = frames;
        while (left > 0) {
            const size_t at = size_t(f % int64_t(capacity_));
            const int64_t piece = std::min<int64_t>(left, int64_t(capacity_ - at));
            const float* s = &ring_[at * ch + c];
            for (int64_t i = 0; i < piece; ++i) sum += double(s[size_t(i) * ch]) * s[size_t(i) * ch];
            f += piece;
            left -= piece;
        }
        loudest = std::max(loudest, sum);
    }
    if (followNoiseFloor_) {
        noiseFloor_.add(loudest > 0 ? 10.0 * std::log10(loudest / double(frames)) : -HUGE_VAL);
        threshold2_ = std::pow(10.0, noiseFloor_.thresholdDb() / 10.0);
    }
    const bool silent = loudest < threshold2_ * double(frames);
    if (silent) {
        if (!inPause_) {
            inPause_ = true;
            pauseStart_ = classifiedEnd_;
            decided_ = cutting_ = false;
        }
    } else if (inPause_) {
        endPause(classifiedEnd_);
    }
    classifiedEnd_ += frames;
}

void PauseShortener::endPause(int64_t pauseEnd) {
    if (cutting_) {
        edit_.tailStart = pauseEnd - tailHold_;
        recordCut();
    }
    inPause_ = decided_ = cutting_ = false;
}

void PauseShortener::recordCut() {
    // Both ends must be known: where the output reached the head (the output
    // frame) and where the pause ended (the source frame). Either comes
    // before any crossfade frame is pulled, so the map is never late.
    if (!edit_.jumped || edit_.tailStart < 0 || edit_.recorded) return;
    const int half = fade_ / 2;
    pushBreakpoint(edit_.outAtHead + half, anchor_ + edit_.tailStart + half, true);
    saved_ += edit_.tailStart - edit_.headEnd;
    edit_.recorded = true;
}

// --- output ---

int64_t PauseShortener::passLimit() const {
    int64_t limit;
    if (inPause_ && !decided_)
        limit = pauseStart_ + headSafe_; // may yet be cut from here
    else if (ended_ && classifiedEnd_ == fedEnd_)
        limit = fedEnd_;
    else
        limit = classifiedEnd_ + headSafe_; // a pause not found yet starts at classifiedEnd_ or later
    if (edit_.active && !edit_.jumped) limit = std::min(limit, edit_.headEnd);
    return std::min(limit, fedEnd_);
}

void PauseShortener::copyOut(int64_t from, size_t frames, float* out) const {
    const size_t ch = size_t(channels_);
    while (frames > 0) {
        const size_t at = size_t(from % int64_t(capacity_));
        const size_t piece = std::min(frames, capacity_ - at);
        std::memcpy(out, &ring_[at * ch], piece * ch * sizeof(float));
        out += piece * ch;
        from += int64_t(piece);
        frames -= piece;
    }
}

size_t PauseShortener::pull(float* out, size_t maxFrames) {
    const size_t ch = size_t(channels_);
    size_t n = 0;
    while (n < maxFrames) {
        analyze();
        if (edit_.active && !edit_.jumped && readPos_ == edit_.headEnd) {
            // The output reached the cut: set the head side aside; from now on
            // only the pause's last frames are kept (analyze() moves readPos_).
            copyOut(edit_.headEnd, size_t(fade_), fadeHead_.data());
            edit_.jumped = true;
            edit_.outAtHead = outFrames_;
            readPos_ = edit_.headEnd + fade_;
            if (cutting_) readPos_ = std::max(readPos_, classifiedEnd_ - tailHold_);
            recordCut();
        }
        if (edit_.active && edit_.jumped) {
            if (edit_.tailStart < 0) break; // the pause goes on: wait for its end
            if (edit_.fadePos < 0) {
                readPos_ = edit_.tailStart;
                edit_.fadePos = 0;
            }
            const size_t k = std::min(size_t(fade_ - edit_.fadePos), maxFrames - n);
            for (size_t i = 0; i < k; ++i) {
                const size_t p = size_t(edit_.fadePos);
                const float* tail = &ring_[size_t(readPos_ % int64_t(capacity_)) * ch];
                const float* head = &fadeHead_[p * ch];
                float* o = out + (n + i) * ch;
                for (size_t c = 0; c < ch; ++c) o[c] = fadeOut_[p] * head[c] + fadeIn_[p] * tail[c];
                ++edit_.fadePos;
                ++readPos_;
                ++outFrames_;
            }
            n += k;
            if (edit_.fadePos == fade_) edit_ = Edit{};
            continue;
        }
        const int64_t limit = passLimit();
        if (readPos_ >= limit) break;
        const size_t k = size_t(std::min<int64_t>(limit - readPos_, int64_t(maxFrames - n)));
        copyOut(readPos_, k, out + n * ch);
        readPos_ += int64_t(k);
        outFrames_ += int64_t(k);
        n += k;
    }
    return n;
}

// --- the time map ---

void PauseShortener::pushBreakpoint(int64_t outFrame, int64_t sourceFrame, bool cut) {
    const size_t cap = bpOut_.size();
    if (bpCount_ == cap) { // never trimmed: the oldest goes
        bpHead_ = (bpHead_ + 1) % cap;
        --bpCount_;
    }
    const size_t i = (bpHead_ + bpCount_) % cap;
    bpOut_[i] = outFrame;
    bpSrc_[i] = sourceFrame;
    bpCut_[i] = cut ? 1 : 0;
    ++bpCount_;
}

size_t PauseShortener::segmentIndexOf(int64_t outFrame) const {
    // The last breakpoint at or before outFrame (the oldest if none), as a
    // ring slot. Breakpoints are in increasing output order.
    const size_t cap = bpOut_.size();
    size_t lo = 0, hi = bpCount_; // answer in [lo, hi)
    while (hi - lo > 1) {
        const size_t mid = (lo + hi) / 2;
        if (bpOut_[(bpHead_ + mid) % cap] <= outFrame)
            lo = mid;
        else
            hi = mid;
    }
    return (bpHead_ + lo) % cap;
}

double PauseShortener::sourceFrameOf(int64_t outFrame) const {
    const size_t i = segmentIndexOf(outFrame);
    return double(bpSrc_[i] + (outFrame - bpOut_[i]));
}

double PauseShortener::sourceFrameAt(double outPosition) const {
    const size_t i = segmentIndexOf(int64_t(std::floor(outPosition)));
    return double(bpSrc_[i]) + (outPosition - double(bpOut_[i]));
}

int64_t PauseShortener::nextCutAfter(int64_t outFrame) const {
    // From the segment holding outFrame on; only the first entry after a
    // reset() (its anchor) is not a cut, so this looks at one or two entries.
    const size_t cap = bpOut_.size();
    for (size_t k = (segmentIndexOf(outFrame) + cap - bpHead_) % cap; k < bpCount_; ++k) {
        const size_t i = (bpHead_ + k) % cap;
        if (bpCut_[i] && bpOut_[i] > outFrame) return bpOut_[i];
    }
    return -1;
}

void PauseShortener::forgetBefore(int64_t outFrame) {
    const size_t cap = bpOut_.size();
    while (bpCount_ >= 2 && bpOut_[(bpHead_ + 1) % cap] <= outFrame) {
        bpHead_ = (bpHead_ + 1) % cap;
        --bpCount_;
    }
}

} // namespace la::media
