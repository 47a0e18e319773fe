#pragma once
// Shorten pauses (like Overcast's Smart Speed or AntennaPod's Skip Silence):
// a pause longer than Params::minPauseMs is cut down to Params::keepMs, half
// kept where it starts and half where it ends, joined by a short crossfade so
// there is no click. Shorter pauses pass untouched, and so does anything above
// the silence threshold: a breath is quieter than speech but louder than room
// tone, so it is sound, and only a silent stretch on either side of it that is
// itself longer than minPauseMs is shortened.
//
// It runs on the source's frames before the time-stretcher (the decoder
// thread), so it deals only in source frames and works the same at any speed.
// What is cut is never guessed at: every output frame comes from a known source
// frame, and the time map (sourceFrameOf) says which, exactly, except inside a
// crossfade, where it answers with the nearer side (off by at most fadeMs/2).
// The player highlights words, shows elapsed time, seeks and saves positions in
// episode time, so the pipeline converts through this map; nextCutAfter() lets
// it end its chunks where the map jumps, so times stay linear inside a chunk.
//
// Usage: feed() source frames, pull() shortened frames (like Wsola). Pull
// whenever feed() takes less than offered; call forgetBefore() with the oldest
// output frame the pipeline may still ask about.
//
// Latency. Frames of sound and the first keepMs/2 of a pause come out as soon as
// they are fed. After that the output waits until the pause is known to be
// long (longer than minPauseMs) or has ended, because a pause that ends sooner
// must pass untouched: at most latencyFrames() (about minPauseMs - keepMs/2 +
// fadeMs/2 + a block: 365 ms by default) are held back. The same rules hold when it is disabled, so turning it
// on or off never changes when frames come out, only whether pauses are cut.
//
// Threading and memory: one thread owns an instance. Every buffer (the input
// ring, the crossfade's head, the ring of map breakpoints) is sized in the
// constructor; feed(), pull(), reset(), endOfInput(), forgetBefore() and the
// map queries never allocate.

#include "media/pause_threshold.h"

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <vector>

namespace la::media {

class PauseShortener {
public:
    struct Params {
        /// A 10 ms block whose RMS (the loudest channel's) is below this, dBFS, is silence...
        double silenceDb = -45.0;
        /// ...or below the level the recording's own noise floor calls for
        /// (pause_threshold.h: higher in a noisy room, lower for a quiet
        /// speaker); false: silenceDb alone.
        bool followNoiseFloor = true;
        /// Pauses longer than this are shortened...
        double minPauseMs = 500.0;
        /// ...to this long (half kept at the pause's start, half at its end).
        /// Detection works in whole blocks, so a shortened pause lasts keepMs
        /// plus up to two blocks (the partly silent blocks at its edges count as sound).
        double keepMs = 300.0;
        /// Equal-power crossfade where audio is cut out (centred on the cut).
        double fadeMs = 10.0;
        /// Detection block length.
        double blockMs = 10.0;
    };

    /// channels >= 1; sampleRate in Hz. Values out of range are clamped:
    /// keepMs >= fadeMs and minPauseMs >= keepMs + fadeMs (so the two kept
    /// ends of a cut pause never overlap).
    PauseShortener(int channels, int sampleRate);
    PauseShortener(int channels, int sampleRate, const Params& params);

    /// Decided per pause, when it becomes longer than minPauseMs: a pause that
    /// is already being cut is finished; one still undecided follows the new
    /// setting. Off: output is bit-exact input and the map is the identity.
    void setEnabled(bool on) { enabled_ = on; }
    bool enabled() const { return enabled_; }

    /// Offers `frames` interleaved frames; returns how many were taken (fewer
    /// when the internal buffer is full: pull() first). 0 after endOfInput().
    size_t feed(const float* in, size_t frames);
    /// No more input (until reset()): the last partial block is judged and a
    /// pause in progress ends there, so pull() drains everything held back.
    void endOfInput();
    /// Writes up to `maxFrames` interleaved shortened frames; returns how many.
    /// Returns 0 when more input is needed (or, after endOfInput(), when all
    /// has been pulled).
    size_t pull(float* out, size_t maxFrames);

    /// Forgets all buffered audio (after a seek): the next frame fed is source
    /// frame `sourceFrame`, output frames are counted from 0 again and the map
    /// restarts there. Keeps the settings and savedFrames().
    void reset(int64_t sourceFrame);

    // --- The time map. Output frames are counted since reset(). ---

    /// The source frame output frame `outFrame` came from (inside a crossfade:
    /// the side nearer to it). Frames not pulled yet are extrapolated from the
    /// last known cut; frames before those forgotten, from the oldest kept.
    double sourceFrameOf(int64_t outFrame) const;
    /// The same at a fractional output position (e.g. the stretcher's input
    /// position), linear between frames of one segment.
    double sourceFrameAt(double outPosition) const;
    /// The first output frame > outFrame where the map jumps (a cut: the first
    /// frame of the later side), or -1 if none is known yet. Every cut at or
    /// before the last frame pulled is known by the time pull() returns.
    int64_t nextCutAfter(int64_t outFrame) const;
    /// Map entries needed only for output frames before `outFrame` may go.
    /// The map is a fixed ring (breakpointCapacity()); if it is never trimmed,
    /// the oldest entries are overwritten, so only frames long gone lose it.
    void forgetBefore(int64_t outFrame);

    /// Source frames cut out since construction ("time saved"; reset() keeps it).
    int64_t savedFrames() const { return saved_; }
    /// Output frames pulled since reset().
    int64_t outputFrames() const { return outFrames_; }
    /// Source frames fed since reset() and not yet represented in the output
    /// (including those already cut but not yet accounted for by a finished cut).
    int64_t heldFrames() const { return fedEnd_ - readPos_; }
    /// The most frames held back (see "Latency" above): a frame fed can be
    /// pulled at the latest once this many more have been fed after it (or
    /// after endOfInput()), if the caller pulls whenever output is ready.
    int latencyFrames() const { return latency_; }

    /// The silence threshold now, dBFS (Params::silenceDb, or where the noise floor put it).
    double silenceThresholdDb() const { return 10.0 * std::log10(threshold2_); }

    int channels() const { return channels_; }
    int sampleRate() const { return rate_; }
    /// Derived sizes in frames (for tests and the pipeline).
    int blockFrames() const { return block_; }
    int fadeFrames() const { return fade_; }
    int keepFrames() const { return 2 * keepHalf_; }
    int minPauseFrames() const { return minPause_; }
    size_t capacityFrames() const { return capacity_; }
    size_t breakpointCapacity() const { return bpOut_.size(); }
    size_t breakpointCount() const { return bpCount_; }

private:
    void analyze();
    void classifyBlock(int64_t frames);
    void endPause(int64_t pauseEnd);
    void recordCut();
    int64_t passLimit() const;
    void copyOut(int64_t from, size_t frames, float* out) const;
    void pushBreakpoint(int64_t outFrame, int64_t sourceFrame, bool cut);
    size_t segmentIndexOf(int64_t outFrame) const;

    // --- configuration (fixed after construction) ---
    int channels_, rate_;
    int block_;          ///< detection block, frames
    int fade_;           ///< crossfade length F, frames (even)
    int keepHalf_;       ///< kept at each end of a cut pause, frames (from the crossfade's middle)
    int headSafe_;       ///< keepHalf_ - F/2: frames of a pause that always pass
    int tailHold_;       ///< keepHalf_ + F/2: frames held at a long pause's end (the crossfade's second side included)
    int minPause_;       ///< a pause must be longer than this, frames
    double threshold2_;  ///< silence threshold, squared linear amplitude
    bool followNoiseFloor_;
    PauseThreshold noiseFloor_; ///< keeps its history over seeks: the same recording
    int latency_;
    size_t capacity_;    ///< input ring, frames
    std::vector<float> ring_;     ///< capacity_ frames; relative source frame f lives at f % capacity_
    std::vector<float> fadeHead_; ///< F frames: the head side of the crossfade in progress
    std::vector<float> fadeIn_;   ///< F weights rising 0 -> 1: sin of a quarter turn
    std::vector<float> fadeOut_;  ///< F weights falling 1 -> 0: the matching cos (in^2 + out^2 = 1)

    // --- stream state, in source frames relative to the last reset() ---
    bool enabled_ = true;
    bool ended_ = false;
    int64_t fedEnd_ = 0;         ///< frames fed
    int64_t classifiedEnd_ = 0;  ///< frames judged sound or silence (whole blocks, then the last partial one)
    int64_t readPos_ = 0;        ///< next source frame to output (frames before it are output or cut)
    int64_t outFrames_ = 0;      ///< output frames since reset

    // The pause being detected (a run of silent blocks).
    bool inPause_ = false;
    int64_t pauseStart_ = 0;
    bool decided_ = false;  ///< known to be longer than minPause_ (cut, or passed when disabled)
    bool cutting_ = false;  ///< decided and being cut: the current edit belongs to it

    // The one cut the output is working through (a new one waits until it is done).
    struct Edit {
        bool active = false;
        int64_t headEnd = 0;     ///< pauseStart + headSafe_: the crossfade's head side starts here
        int64_t tailStart = -1;  ///< pauseEnd - tailHold_: its tail side starts here; -1 until the pause ends
        bool jumped = false;     ///< the output reached headEnd; the head side is in fadeHead_
        int64_t outAtHead = 0;   ///< output frame of the crossfade's first frame (valid once jumped)
        bool recorded = false;   ///< its breakpoint is in the map
        int fadePos = -1;        ///< crossfade frames output; -1 until it starts
    } edit_;

    // The time map: breakpoints (output frame, source frame), increasing,
    // in a fixed ring. From bpOut_[i] on, output frame o came from
    // bpSrc_[i] + (o - bpOut_[i]) until the next breakpoint.
    std::vector<int64_t> bpOut_, bpSrc_;
    std::vector<unsigned char> bpCut_;
    size_t bpHead_ = 0, bpCount_ = 0;
    int64_t anchor_ = 0;  ///< absolute source frame of relative frame 0
    int64_t saved_ = 0;
};

} // namespace la::media
