#pragma once
// Times as people read them: "4:05", "1:02:03", "-3:10".

#include <string>

namespace la::ui {

/// Whole seconds, rounded down; hours shown only when needed.
std::string formatClock(double seconds);
/// Remaining time with a leading minus sign.
std::string formatRemaining(double seconds);

} // namespace la::ui
