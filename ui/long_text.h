#pragma once
// Wrapped text of any length. ImGui draws a wrapped string in one call that
// reserves four vertices per character and emits every line above the view:
// past 16,384 characters that overflows a draw list's 16-bit indices and
// aborts, and long strings are re-measured every frame. Here the line breaks
// are found once per text, font, size and width (cached), and only the lines
// inside the clip rectangle are drawn, a line per call.
//
// Short texts (the usual case) go straight to ImGui, so they look exactly as
// before.

#include <imgui.h>

#include <cstddef>
#include <vector>

namespace la::ui {

/// Texts at least this long (bytes) take the line-by-line path.
inline constexpr size_t kLongTextBytes = 2000;

/// Where each line of `[begin, end)` starts and ends when wrapped to `width`
/// pixels in `font` at `size` px, breaking like ImGui does (at blanks, at
/// '\n', between characters inside a word wider than a line). Cached per
/// (text, length, font, size, width) until a few seconds' worth of frames
/// pass without it being asked for; the reference lives until then.
struct WrappedLines {
    std::vector<const char*> begins, ends;
    size_t count() const { return begins.size(); }
};
const WrappedLines& wrapLines(ImFont* font, float size, float width, const char* begin, const char* end);

/// ImGui::TextWrapped for text of any length, wrapped at the content
/// region's right edge in the current font.
void wrappedText(const char* begin, const char* end = nullptr);

/// Draws the lines of `lines` that fall inside the current clip rectangle,
/// the first at `pos`, one font size apart (ImGui's wrapped line height).
void drawVisibleLines(ImDrawList* dl, ImFont* font, float size, ImVec2 pos, ImU32 col, const WrappedLines& lines);

} // namespace la::ui
