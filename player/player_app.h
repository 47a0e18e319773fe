#pragma once
// The interactive player: parses its options, opens the window and runs the
// main loop until the user quits.

#include <iosfwd>
#include <string>
#include <vector>

namespace la::player {

/// args: argv without the program name. Returns the process exit code.
int runPlayerApp(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

} // namespace la::player
