#include "player/inspect_command.h"

#include <ostream>

namespace la::player {

// Placeholder until the transcript parsers land (issue 4).
int runInspectCommand(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
    err << "listenalong inspect: not available yet\n";
    return 1;
}

} // namespace la::player
