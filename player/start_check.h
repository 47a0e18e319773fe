#pragma once
// Checks --start against the episode once its length is known (the command
// line itself is read in player/config/app_options.h, before any episode is open).

#include <optional>
#include <string>

namespace la::player {

/// The message when --start is at or after the end of the episode (the player
/// then starts at the beginning): "--start 5:00:00 is after the end of the
/// episode (7:01): starting at the beginning". "" when start is unset or fine.
std::string startAfterEndProblem(const std::optional<double>& start, double durationSeconds);

} // namespace la::player
