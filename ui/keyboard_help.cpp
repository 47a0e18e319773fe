#include "ui/keyboard_help.h"

#include "ui/icon_button.h"
#include "ui/key_pressed.h"
#include "ui/semantic_scope.h"

#include <imgui.h>

#include <algorithm>
#include <string>

namespace la::ui {
namespace {

struct Shortcut {
    const char* keys;
    const char* action;
};

// The keys of player/keyboard_shortcuts.cpp and the views, as README's table says them.
constexpr Shortcut kShortcuts[] = {
    {"Space", "play or pause"},
    {"Left / Right", "back 15 seconds / forward 30 seconds"},
    {"Up / Down", "volume up / down"},
    {"M", "mute or unmute"},
    {"Home / End", "start / end of the episode"},
    {"Page Up / Page Down, or , / .", "previous / next chapter"},
    {"R", "read the current chapter's section of the article"},
    {"T / Shift+T", "sleep timer: next choice (5 minutes ... end of chapter) / off"},
    {"[ / ]", "slower / faster by 0.05 (with Shift: by 0.25)"},
    {"Backspace", "normal speed"},
    {"Ctrl and = / - / 0", "bigger / smaller / normal text"},
    {"/ or Ctrl+F", "search the transcript (Enter plays the line found)"},
    {"Ctrl+C", "copy the line being heard"},
    {"Tab / Shift+Tab", "next / previous control (a thick outline shows which)"},
    {"F6 / Shift+F6", "next / previous part of the window"},
    {"Enter or Space", "press the control with the outline"},
    {"Up / Down, Home / End", "in the transcript or chapters: line by line, first / last"},
    {"arrows on a slider", "move it (position, volume, speed, line spacing)"},
    {"Escape", "hide the outline; close this sheet"},
    {"? or F1", "this sheet"},
};

// The list scrolls with the keys a reader expects: arrows by a line, Page Up
// and Page Down by a screen, Home and End to the ends.
void scrollByKeys() {
    const float line = ImGui::GetTextLineHeightWithSpacing(), page = ImGui::GetWindowHeight() * 0.9f;
    float y = ImGui::GetScrollY();
    if (keyPressed(ImGuiKey_UpArrow, true)) y -= line;
    if (keyPressed(ImGuiKey_DownArrow, true)) y += line;
    if (keyPressed(ImGuiKey_PageUp, true)) y -= page;
    if (keyPressed(ImGuiKey_PageDown, true)) y += page;
    if (keyPressed(ImGuiKey_Home)) y = 0;
    if (keyPressed(ImGuiKey_End)) y = ImGui::GetScrollMaxY();
    if (y != ImGui::GetScrollY()) ImGui::SetScrollY(std::clamp(y, 0.0f, ImGui::GetScrollMaxY()));
}

} // namespace

void drawKeyboardHelp(bool& open, ImFont* words) {
    if (!open) return;
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    const float fs = ImGui::GetFontSize();
    const ImVec2 size{std::min(vp->WorkSize.x - fs, fs * 40.0f), vp->WorkSize.y - fs};
    ImGui::SetNextWindowPos({vp->WorkPos.x + vp->WorkSize.x * 0.5f, vp->WorkPos.y + vp->WorkSize.y * 0.5f}, ImGuiCond_Always,
                            {0.5f, 0.5f});
    ImGui::SetNextWindowSize(size, ImGuiCond_Always);
    ImGui::SetNextWindowFocus();
    const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings;
    ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, std::max(2.0f, fs * 0.1f));
    ImGui::PushStyleColor(ImGuiCol_Border, ImGui::GetStyleColorVec4(ImGuiCol_Text));
    if (ImGui::Begin("##keyboard help", nullptr, flags)) {
        declareOpen("keyboard help", SemanticRole::Dialog, "Keyboard shortcuts");
        ImGui::TextUnformatted("Keyboard shortcuts");
        declareLastText("keyboard help/title", SemanticRole::Heading, "Keyboard shortcuts");
        const float closeH = largeControlHeight();
        // The list scrolls when it is taller than the window (large text); Close stays in sight.
        if (ImGui::BeginChild("##keys", {0, -(closeH + ImGui::GetStyle().ItemSpacing.y * 2)}, false,
                              ImGuiWindowFlags_AlwaysUseWindowPadding)) {
            if (words) ImGui::PushFont(words);
            scrollByKeys();
            ImGui::PushTextWrapPos(0);
            for (size_t i = 0; i < std::size(kShortcuts); ++i) {
                const Shortcut& s = kShortcuts[i];
                const std::string line = std::string(s.keys) + ": " + s.action;
                ImGui::Bullet();
                ImGui::SameLine();
                ImGui::TextUnformatted(line.c_str());
                declareLastText("keyboard help/" + std::to_string(i), SemanticRole::Paragraph, line);
            }
            ImGui::PopTextWrapPos();
            if (words) ImGui::PopFont();
        }
        ImGui::EndChild();
        if (declaredButton(iconButton("Close", Icon::None, closeH), "keyboard help/close", SemanticRole::PushButton, "Close") ||
            keyPressed(ImGuiKey_Escape))
            open = false;
        declareClose();
    }
    ImGui::End();
    ImGui::PopStyleColor();
    ImGui::PopStyleVar();
}

} // namespace la::ui
