#include "ui/time_format.h"

#include <cmath>
#include <cstdio>

namespace la::ui {

std::string formatClock(double seconds) {
    if (!std::isfinite(seconds) || seconds < 0) seconds = 0;
    long s = long(std::floor(seconds));
    char buf[32];
    if (s >= 3600) std::snprintf(buf, sizeof buf, "%ld:%02ld:%02ld", s / 3600, (s / 60) % 60, s % 60);
    else std::snprintf(buf, sizeof buf, "%ld:%02ld", s / 60, s % 60);
    return buf;
}

std::string formatRemaining(double seconds) {
    if (!std::isfinite(seconds) || seconds < 0) seconds = 0;
    return "-" + formatClock(std::ceil(seconds));
}

} // namespace la::ui
