#pragma once
// Times as people read them: "4:05", "1:02:03", "-3:10".

#include <string>

namespace la::ui {

/// Whole seconds, rounded down; hours shown only when needed.
std::string formatClock(double seconds);
/// Remaining time with a leading minus sign.
std::string formatRemaining(double seconds);
/// A duration in words, whole seconds rounded down: "45 seconds",
/// "1 minute 12 seconds", "2 hours 3 minutes" (seconds left out past an hour).
std::string durationInWords(double seconds);

} // namespace la::ui
