#pragma once
// Voice boost (like Overcast's): makes quiet words audible in a noisy waiting
// room, for listeners with some hearing loss. Two parts, described at the top
// of voice_boost.cpp:
//  - a speech-band EQ: a steep high-pass that drops rumble, and a presence
//    lift around 3 kHz where the consonants that carry intelligibility are;
//  - a compressor around a reference level: quieter words are raised (up to
//    +10 dB), louder ones lowered, pauses and the noise floor are not raised.
//
// Zero latency: output frame n depends only on input frames <= n, so the
// pipeline's time map does not move when it is switched on or off.
//
// Threading and memory: one thread owns an instance. All state is sized in
// the constructor; nothing after it allocates, so process() may run on the
// decoder thread.

#include <cstddef>
#include <vector>

namespace la::media {

/// A typical podcast's integrated loudness (mono, LUFS): what voice boost
/// assumes of a file until (or unless) it is measured.
inline constexpr double kTypicalPodcastLufs = -19.0;
/// VoiceBoost's reference for a file of this integrated loudness. Its
/// detector's 40 ms RMS of stressed syllables sits above the integrated
/// loudness, so the neutral point is put 2 dB above it: the bundled episode
/// then keeps its loudness within 0.6 LU (render --loudness -16 --voice-boost:
/// -16.6 LUFS) while its loudness range narrows from 2.9 to 1.9 LU.
inline double voiceReferenceDbFor(double fileLufs) { return fileLufs + 2.0; }

class VoiceBoost {
public:
    /// channels: any positive count (every channel gets the same gain).
    VoiceBoost(int channels, int sampleRate);

    /// Level (dBFS, short-term RMS of speech) the compressor is neutral at:
    /// words at this level keep their level, quieter words are raised, louder
    /// lowered. The pipeline sets it to the loudness target (e.g. -16 LUFS is
    /// about -19 dBFS RMS) or the file's measured loudness. Default -19.
    void setReferenceDb(double db) { referenceDb_ = db; }
    double referenceDb() const { return referenceDb_; }

    /// On/off glides over 20 ms (a crossfade between the input and the
    /// boosted signal): no click. Off, once the glide is over, output is
    /// bit-exact input. The filters and the detector keep running while off,
    /// so switching on starts from a settled gain.
    void setEnabled(bool on) { enabled_ = on; }
    bool enabled() const { return enabled_; }

    /// Processes `frames` interleaved frames from `in` to `out` (may be the
    /// same buffer). No delay.
    void process(const float* in, float* out, size_t frames);
    /// Forgets the filter and detector state and the gain (after a seek): the
    /// next process() gives what a fresh instance would. Ends a glide.
    void reset();

    /// The compressor's gain right now, dB (positive: boosting).
    double gainDb() const { return gainDb_; }

private:
    /// An RBJ-cookbook biquad's coefficients (a0 normalised to 1).
    struct Biquad {
        double b0, b1, b2, a1, a2;
    };
    static constexpr int kStages = 3; ///< high-pass (2 stages), presence peak

    int channels_, rate_;
    Biquad stage_[kStages];
    double trim_;                     ///< linear, keeps speech loudness about unchanged
    // Per-sample smoothing coefficients (1 - e^(-1/(tau*rate))).
    double levelCoeff_, gateCoeff_, attackCoeff_, releaseCoeff_, idleCoeff_, mixStep_;

    double referenceDb_ = -19.0;
    bool enabled_ = true;

    // --- state ---
    std::vector<double> z_;           ///< DF2T state: 2 per stage per channel
    double level_ = 0, gate_ = 0;     ///< mean power of the high-passed input, slow and fast
    double gainDb_ = 0;
    double mix_ = 1;                  ///< 0 = input, 1 = boosted; glides toward enabled_
};

} // namespace la::media
