#pragma once
// The sleep timer: stop playback after some minutes of listening, or at the
// end of the chapter being heard, so a listener can fall asleep to an episode
// without it playing on all night (and without losing their place in it).
//
// - Minutes (5..120): counts listening time, not wall time: while playback is
//   paused the timer is paused too (as in Pocket Casts and Overcast), so a
//   pause to answer the door does not eat the listener's minutes.
// - End of chapter: follows the chapter being heard NOW, not the one current
//   when the timer was set: a listener who skips ahead wants to fall asleep at
//   the end of what they are hearing. Playing on across a chapter end fires
//   the timer; a seek (or any jump back) picks the stretch the new position is
//   in. Without chapters the stretch is the whole episode.
// - The last kSleepFadeSeconds (wall clock) fade the volume out, so the
//   listener is not woken by the sound stopping; then one pauseNow asks the
//   app to pause, the volume factor is 1 again and the timer is off. The
//   factor is a function of the time left only, so a seek, an extend, a speed
//   change or cancelling during the fade gives the factor that time calls for.
//
// Pure: the app calls update() every frame with its monotonic clock and what
// playback is doing; nothing here reads a clock or touches the audio.

#include "transcripts/model.h"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace la::player {

inline constexpr int kSleepMinMinutes = 5;
inline constexpr int kSleepMaxMinutes = 120;
inline constexpr int kSleepExtendMinutes = 5;
inline constexpr double kSleepFadeSeconds = 5.0;

enum class SleepTimerMode { Off, Minutes, EndOfChapter };

/// Shown and said when the timer pauses the episode.
inline constexpr const char* kSleepTimerPausedText = "Paused by the sleep timer";

/// One entry of the sleep timer menu.
struct SleepTimerOption {
    SleepTimerMode mode = SleepTimerMode::Off;
    int minutes = 0;   ///< Minutes only
    std::string label; ///< "Off", "15 minutes", "End of chapter"
};

/// Off, 5, 10, 15, 30, 45, 60, 90, 120 minutes, End of chapter (labelled
/// "End of episode" when the episode has no chapters: that is what it does).
std::vector<SleepTimerOption> sleepTimerOptions(bool hasChapters = true);

/// The choice after `current` in sleepTimerOptions() order, for a key that
/// steps through them (Off, 5 ... 120 minutes, end of chapter, Off again). A
/// time that is not in the list (extended: 35 minutes) goes to the next
/// longer one.
SleepTimerOption nextSleepTimerOption(const SleepTimerOption& current, bool hasChapters = true);

/// The volume factor with `secondsLeft` wall seconds to go: 1 from
/// kSleepFadeSeconds on, 0 at 0, in between linear in decibels (down to
/// kSleepFadeFloorDb, shifted so it lands exactly on 0). Linear in dB because
/// the ear hears level in dB: the loudness falls evenly over the whole fade,
/// where an equal-power curve (a crossfade's, made to keep two signals' sum
/// constant) stays near full loudness for most of it and then drops.
double sleepFadeFactor(double secondsLeft);
inline constexpr double kSleepFadeFloorDb = -40.0;

/// What playback is doing this frame (PlaybackController::status() and seekCount()).
struct SleepTimerInput {
    bool playing = false;
    bool ended = false;      ///< the episode played to its end (counts as reaching it)
    double position = 0;     ///< seconds of episode time
    double duration = 0;     ///< seconds; <= 0: not known
    double speed = 1;        ///< episode seconds per wall second
    unsigned seekCount = 0;  ///< a change means the position jumped: re-pick the chapter
    const std::vector<transcripts::Chapter>* chapters = nullptr; ///< sorted by start; null: none
};

/// What the app does with this frame.
struct SleepTimerOutput {
    double volumeFactor = 1; ///< multiply the output volume by this (0..1)
    bool pauseNow = false;   ///< once, when the timer fires: pause playback now
    /// Wall seconds until it fires; nullopt when off, or when the end is not known yet.
    std::optional<double> remainingSeconds;
    /// For the display and screen readers: "Sleep in 14:59", "Sleep at end of
    /// chapter (3:12)", "Sleep at end of episode (41:07)", "Sleep timer off".
    std::string text;
};

class SleepTimer {
public:
    void setOff();
    /// Replaces any running timer. Clamped to kSleepMinMinutes..kSleepMaxMinutes;
    /// counting starts at the next update().
    void setMinutes(int minutes);
    void setEndOfChapter();
    void set(const SleepTimerOption& option);
    /// Adds `minutes` of listening (the "+5 min" button), up to kSleepMaxMinutes
    /// left. From end of chapter it becomes a countdown of the chapter's time
    /// left plus `minutes`; from off, a countdown of `minutes`.
    void extend(int minutes = kSleepExtendMinutes);

    SleepTimerMode mode() const { return mode_; }

    /// Call every frame, also while off (it keeps track of playing and the clock).
    SleepTimerOutput update(std::int64_t nowMs, const SleepTimerInput& in);

private:
    std::optional<double> remainingSeconds(const SleepTimerInput& in) const;

    SleepTimerMode mode_ = SleepTimerMode::Off;
    // The clock and playing as last seen: the time up to the next update
    // counts as listening when playback was playing at this one.
    std::optional<std::int64_t> lastNowMs_;
    bool lastPlaying_ = false;
    bool lastEnded_ = false;
    unsigned lastSeekCount_ = 0;
    std::int64_t leftMs_ = 0; ///< Minutes: listening time left
    // EndOfChapter: the stretch of the episode being followed, [start, end).
    bool repick_ = true;
    double stretchStart_ = 0;
    std::optional<double> stretchEnd_; ///< nullopt: ends at an unknown episode end
    std::optional<double> lastRemaining_; ///< for extend() from end of chapter
};

} // namespace la::player
