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

namespace {
std::string counted(long n, const char* unit) { return std::to_string(n) + " " + unit + (n == 1 ? "" : "s"); }
} // namespace

std::string durationInWords(double seconds) {
    const long total = seconds > 0 ? long(seconds) : 0;
    const long h = total / 3600, m = total / 60 % 60, s = total % 60;
    if (h > 0) return counted(h, "hour") + (m ? " " + counted(m, "minute") : "");
    if (m > 0) return counted(m, "minute") + (s ? " " + counted(s, "second") : "");
    return counted(s, "second");
}

} // namespace la::ui
