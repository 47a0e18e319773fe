#pragma once
// The colour themes, by name only: the one theme type of the whole program
// (settings, command line, kiosk config, views). ui/theme.h holds their
// palettes; this header needs no ImGui, so settings code can name a theme.

namespace la::ui {

enum class ThemeId { Light, Dark, HighContrast };

} // namespace la::ui
