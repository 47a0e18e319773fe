#pragma once
// The transport's two menus: the speed chip ("1.5×", one tap opens the
// presets and Slower/Faster) and the chapter picker ("Chapter 4 of 9", one tap
// opens the list of chapters in the reading font). Each opens above its
// button and closes with Escape, a tap outside, or a choice.

#include "ui/chapters_pane.h"
#include "ui/commands.h"

#include <imgui.h>

#include <optional>
#include <string>
#include <vector>

namespace la::ui {

/// The speeds offered on the chip's menu, ascending.
inline constexpr double kSpeedMenuPresets[] = {0.75, 1.0, 1.25, 1.5, 1.75, 2.0, 2.5, 3.0};

/// "1×", "1.5×", "1.25×": the speed as the chip shows it.
std::string speedLabel(double speed);
/// The same for a screen reader: "1.5 times".
std::string spokenSpeed(double speed);

/// The width the chip takes whatever the speed (a fixed slot); `brief`: the
/// speed alone ("1.5×"), for narrow windows.
float speedChipWidth(bool brief = false);

/// The chip and its menu, at the cursor. Returns SetSpeed / ChangeSpeed.
/// `min`/`max` receive where the chip was drawn.
Commands drawSpeedChip(double speed, float controlH, bool brief, ImVec2& min, ImVec2& max);

/// "Chapter 4 of 9" (`brief`: "4 of 9") for `current` (a chapter index)
/// among `rows`; nullopt when there are no rows or none is current.
std::optional<std::string> chapterPickerLabel(const std::vector<ChapterRow>& rows, std::optional<size_t> current,
                                              bool brief = false);

/// The picker and its list, at the cursor. Returns SeekTo a chapter's start.
Commands drawChapterPicker(const std::vector<ChapterRow>& rows, std::optional<size_t> current, ImFont* listFont,
                           float controlH, bool brief, ImVec2& min, ImVec2& max);

} // namespace la::ui
