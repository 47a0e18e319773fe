#include "player/config/clamp_field.h"

#include "player/config/settings.h"

#include <algorithm>
#include <cmath>
#include <sstream>

namespace la::player {

std::string formatNumber(double v) {
    std::ostringstream os;
    os << v;
    return os.str();
}

void clampField(double& v, const NumericRange& r, const char* name, std::vector<std::string>& warnings,
                RangeWording wording) {
    if (!std::isfinite(v)) {
        warnings.push_back(std::string(name) + " is not a number; using " + formatNumber(r.defaultValue));
        v = r.defaultValue;
        return;
    }
    if (v >= r.min && v <= r.max) return;
    const double to = std::clamp(v, r.min, r.max);
    const std::string where = wording == RangeWording::Outside ? "outside " + formatNumber(r.min) + "-" + formatNumber(r.max)
                              : v < r.min                      ? "below " + formatNumber(r.min)
                                                               : "above " + formatNumber(r.max);
    warnings.push_back(std::string(name) + " " + formatNumber(v) + " is " + where + "; using " + formatNumber(to));
    v = to;
}

} // namespace la::player
