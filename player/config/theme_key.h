#pragma once
// The "theme" key, which settings.json and the kiosk config spell the same way.

#include "player/config/settings.h"

#include <nlohmann/json_fwd.hpp>

#include <string>

namespace la::player {

/// The "theme" key of `j` into `out` when it names a theme. Returns what is
/// wrong with it ("theme should be ... not X; using <out>") when it is there
/// but names none, else an empty string.
std::string readThemeKey(const nlohmann::json& j, ui::ThemeId& out);

} // namespace la::player
