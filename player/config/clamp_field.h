#pragma once
// Bringing one numeric value of settings.json or a kiosk config into its
// range, with the warning a person reads, so that both files word numbers
// and ranges the same way.

#include <string>
#include <vector>

namespace la::player {

struct NumericRange; // settings.h

/// v as people write it: 1.25, 0.8, 120 (at most 6 significant digits).
std::string formatNumber(double v);

/// How the warning for a value out of range is worded. Settings name the end
/// that was passed ("speed 7 is above 3; using 3"); the kiosk config names
/// the whole range, as its admin has no slider showing it
/// ("idleResetSeconds 5 is outside 30-3600; using 30").
enum class RangeWording { BelowAbove, Outside };

/// Clamps v to r; NaN/inf becomes r.defaultValue ("NAME is not a number;
/// using 1"). Appends one warning naming `name` when v changed.
void clampField(double& v, const NumericRange& r, const char* name, std::vector<std::string>& warnings,
                RangeWording wording = RangeWording::BelowAbove);

} // namespace la::player
