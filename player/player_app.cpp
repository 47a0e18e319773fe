#include "player/player_app.h"

#include <ostream>

namespace la::player {

int runPlayerApp(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
    err << "listenalong: the window is not built yet\n";
    return 1;
}

} // namespace la::player
