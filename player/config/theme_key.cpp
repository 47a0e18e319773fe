#include "player/config/theme_key.h"

#include <nlohmann/json.hpp>

namespace la::player {

std::string readThemeKey(const nlohmann::json& j, ui::ThemeId& out) {
    auto it = j.find("theme");
    if (it == j.end()) return {};
    if (it->is_string()) {
        if (auto t = themeFromName(it->get<std::string>())) {
            out = *t;
            return {};
        }
    }
    return "theme should be \"light\", \"dark\" or \"high-contrast\", not " + it->dump() + "; using " +
           std::string(themeName(out));
}

} // namespace la::player
