// Entry point: picks the sub-command and hands over. All work lives in player/.
#include "player/cli/inspect_command.h"
#include "player/cli/render_command.h"
#include "player/platform/sdl_host.h"

#include <iostream>
#include <string>
#include <vector>

int main(int argc, char** argv) {
    std::vector<std::string> args(argv + 1, argv + argc);
    if (!args.empty() && args[0] == "render") {
        return la::player::runRenderCommand({args.begin() + 1, args.end()}, std::cout, std::cerr);
    }
    if (!args.empty() && args[0] == "inspect") {
        return la::player::runInspectCommand({args.begin() + 1, args.end()}, std::cout, std::cerr);
    }
    return la::player::runPlayerApp(args, std::cout, std::cerr);
}
