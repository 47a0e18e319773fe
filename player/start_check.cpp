#include "player/start_check.h"

#include "ui/time_format.h"

namespace la::player {

std::string startAfterEndProblem(const std::optional<double>& start, double durationSeconds) {
    if (!start || durationSeconds <= 0 || *start < durationSeconds) return "";
    return "--start " + ui::formatClock(*start) + " is after the end of the episode (" + ui::formatClock(durationSeconds) +
           "): starting at the beginning";
}

} // namespace la::player
