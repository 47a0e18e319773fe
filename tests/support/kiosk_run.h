#pragma once
// A kiosk run for window tests: its config file, the state file it writes at
// exit, and the command line that starts it with a private XDG home (wrong
// PINs are recorded in XDG_STATE_HOME, never in the real home).

#include "support/ogg_fixture.h"

#include <fstream>
#include <string>

namespace la::test {

struct KioskRun {
    TempDir dir;
    std::string config = dir.file("kiosk.json");
    std::string state = dir.file("state.json");

    explicit KioskRun(const std::string& json) { std::ofstream(config) << json; }

    /// The player's log goes to stderr.txt in `dir`.
    std::string command(double quitAfter) const {
        return "env SDL_AUDIODRIVER=dummy XDG_CONFIG_HOME='" + dir.file("config") + "' XDG_STATE_HOME='" +
               dir.file("state-home") + "' '" LA_PLAYER_EXE "' --kiosk --kiosk-config '" + config +
               "' --state-file '" + state + "' --quit-after " + std::to_string(quitAfter) + " 2>'" +
               dir.file("stderr.txt") + "'";
    }
};

} // namespace la::test
