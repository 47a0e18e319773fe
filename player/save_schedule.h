#pragma once
// When the running player writes settings.json, so that a kill, a crash or a
// lost X connection costs at most a few seconds of listening position and
// no preference, while the disk is not written more often than that needs:
//   - while playing: every kPlayingSaveInterval seconds of playback;
//   - at once when playback stops (pause, end of episode) or the chapter
//     being heard changes;
//   - kChangeQuietSeconds after the last of a burst of changes (a seek, a
//     slider drag, a text-size step): a drag does not write 60 times a second.
// Pure timing: the caller says what happened and asks whether a save is due.

#include <limits>

namespace la::player {

inline constexpr double kPlayingSaveInterval = 5.0;
inline constexpr double kChangeQuietSeconds = 1.0;

class SaveSchedule {
public:
    /// Something to save changed (settings, a seek): save once things are quiet.
    void noteChange(double now);
    /// Save at the next due() (pause, chapter change).
    void noteUrgent() { urgent_ = true; }
    /// Playback started or stopped; stopping is urgent.
    void notePlaying(double now, bool playing);

    bool due(double now) const;
    /// Seconds from now until due() turns true without further events (the
    /// main loop's longest sleep); infinity when nothing is pending.
    double secondsUntilDue(double now) const;
    /// A save was made (or attempted) at `now`.
    void saved(double now);

private:
    double lastSave_ = 0;
    double playingSince_ = 0;
    double lastChange_ = 0;
    bool playing_ = false;
    bool changed_ = false;
    bool urgent_ = false;
};

} // namespace la::player
