#include "player/state_file.h"

#include "player/config/atomic_file.h"
#include "player/kiosk_session.h"

#include <nlohmann/json.hpp>


namespace la::player {

std::string stateFileJson(const StateSnapshot& s) {
    static const EpisodeContent kNoContent;
    nlohmann::json j = nlohmann::json::parse(
        playbackStateJson(s.content ? *s.content : kNoContent, s.status.position, s.status.playing));
    if (s.preferences) {
        j["settings"] = {{"speed", s.preferences->speed},
                         {"textSize", s.preferences->textScale},
                         {"theme", std::string(themeName(s.preferences->theme))},
                         {"volume", s.preferences->volume}};
    }
    if (s.kiosk) {
        static const char* modes[] = {"attract", "active", "countdown", "chord-held", "pin-entry"};
        j["kiosk"] = {{"mode", modes[int(s.kiosk->mode())]}};
    }
    return j.dump(2) + "\n";
}

std::string writeStateFile(const std::string& path, const StateSnapshot& s) {
    // Atomic, like settings.json: a supervisor never reads half a file.
    AtomicFile f(path);
    return f.ok() && f.write(stateFileJson(s)) && f.commit() ? std::string() : f.error();
}

} // namespace la::player
