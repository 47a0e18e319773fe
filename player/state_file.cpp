#include "player/state_file.h"

#include "player/kiosk_session.h"

#include <nlohmann/json.hpp>

#include <fstream>

namespace la::player {

std::string stateFileJson(const StateSnapshot& s) {
    static const EpisodeContent kNoContent;
    nlohmann::json j = nlohmann::json::parse(
        playbackStateJson(s.content ? *s.content : kNoContent, s.status.position, s.status.playing));
    if (s.settings) {
        j["settings"] = {{"speed", s.speed},
                         {"textSize", s.settings->textScale},
                         {"theme", std::string(themeName(s.settings->theme))},
                         {"volume", s.volume}};
    }
    if (s.kiosk) {
        static const char* modes[] = {"attract", "active", "countdown", "chord-held", "pin-entry"};
        j["kiosk"] = {{"mode", modes[int(s.kiosk->mode())]}};
    }
    return j.dump(2) + "\n";
}

std::string writeStateFile(const std::string& path, const StateSnapshot& s) {
    std::ofstream f(path);
    f << stateFileJson(s);
    return f ? std::string() : "cannot write " + path;
}

} // namespace la::player
