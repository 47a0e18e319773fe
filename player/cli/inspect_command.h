#pragma once
// `listenalong inspect FILE`: prints a parsed transcript or chapters file as
// JSON on stdout (exit 0), or the error on stderr (exit 1).

#include <iosfwd>
#include <string>
#include <vector>

namespace la::player {

/// args: everything after the word "inspect".
int runInspectCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

} // namespace la::player
