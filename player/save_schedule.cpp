#include "player/save_schedule.h"

#include <algorithm>

namespace la::player {

void SaveSchedule::noteChange(double now) {
    changed_ = true;
    lastChange_ = now;
}

void SaveSchedule::notePlaying(double now, bool playing) {
    if (playing == playing_) return;
    playing_ = playing;
    if (playing) playingSince_ = now; // a long pause is not playback time
    else urgent_ = true;
}

double SaveSchedule::secondsUntilDue(double now) const {
    if (urgent_) return 0;
    double until = std::numeric_limits<double>::infinity();
    if (changed_) until = lastChange_ + kChangeQuietSeconds - now;
    if (playing_) until = std::min(until, std::max(lastSave_, playingSince_) + kPlayingSaveInterval - now);
    return std::max(0.0, until);
}

bool SaveSchedule::due(double now) const { return secondsUntilDue(now) <= 0; }

void SaveSchedule::saved(double now) {
    lastSave_ = now;
    changed_ = false;
    urgent_ = false;
}

} // namespace la::player
