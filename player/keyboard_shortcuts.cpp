#include "player/keyboard_shortcuts.h"

#include "player/playback_controller.h"

#include <SDL_scancode.h>
#include <imgui.h>

namespace la::player {

ui::Commands collectShortcuts(double duration) {
    ui::Commands out;
    const ImGuiIO& io = ImGui::GetIO();
    // The 1.86 SDL backend indexes keys by SDL scancode.
    auto pressed = [](SDL_Scancode s, bool repeat = true) { return ImGui::IsKeyPressed(int(s), repeat); };
    if (io.WantTextInput) return out;
    if (io.KeyCtrl && !io.KeyAlt && pressed(SDL_SCANCODE_F, false)) out.push_back(ui::FocusSearch{});
    if (io.KeyCtrl && !io.KeyAlt) { // text size, as in browsers
        if (pressed(SDL_SCANCODE_EQUALS, false) || pressed(SDL_SCANCODE_KP_PLUS, false)) out.push_back(ui::StepTextSize{+1});
        if (pressed(SDL_SCANCODE_MINUS, false) || pressed(SDL_SCANCODE_KP_MINUS, false)) out.push_back(ui::StepTextSize{-1});
        if (pressed(SDL_SCANCODE_0, false) || pressed(SDL_SCANCODE_KP_0, false)) out.push_back(ui::StepTextSize{0});
    }
    if (io.KeyCtrl || io.KeyAlt || io.KeySuper) return out;
    // Control-by-control mode: Tab turns on ImGui's keyboard navigation
    // (arrows move the focus outline, Space/Enter press the focused control),
    // Escape turns it off again. In 1.86 navigation owns the arrows and Space,
    // so the playback shortcuts on those keys pause while it is on.
    ImGuiIO& mutableIo = ImGui::GetIO();
    bool navigating = (io.ConfigFlags & ImGuiConfigFlags_NavEnableKeyboard) != 0;
    if (!navigating && pressed(SDL_SCANCODE_TAB, false)) {
        mutableIo.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
        return out;
    }
    if (navigating && pressed(SDL_SCANCODE_ESCAPE, false)) {
        mutableIo.ConfigFlags &= ~ImGuiConfigFlags_NavEnableKeyboard;
        navigating = false;
    }
    if (!navigating) {
        if (pressed(SDL_SCANCODE_SPACE, false)) out.push_back(ui::TogglePlay{});
        if (pressed(SDL_SCANCODE_LEFT)) out.push_back(ui::SeekBy{-PlaybackController::kBackSeconds});
        if (pressed(SDL_SCANCODE_RIGHT)) out.push_back(ui::SeekBy{PlaybackController::kForwardSeconds});
        if (pressed(SDL_SCANCODE_UP)) out.push_back(ui::ChangeVolume{0.05f});
        if (pressed(SDL_SCANCODE_DOWN)) out.push_back(ui::ChangeVolume{-0.05f});
    }
    if (pressed(SDL_SCANCODE_M, false)) out.push_back(ui::ToggleMute{});
    if (pressed(SDL_SCANCODE_HOME, false)) out.push_back(ui::SeekTo{0});
    if (pressed(SDL_SCANCODE_END, false)) out.push_back(ui::SeekTo{duration});
    if (pressed(SDL_SCANCODE_PAGEUP) || pressed(SDL_SCANCODE_COMMA)) out.push_back(ui::PreviousChapter{});
    if (pressed(SDL_SCANCODE_PAGEDOWN) || pressed(SDL_SCANCODE_PERIOD)) out.push_back(ui::NextChapter{});
    if (pressed(SDL_SCANCODE_SLASH, false)) out.push_back(ui::FocusSearch{});
    if (pressed(SDL_SCANCODE_R, false)) out.push_back(ui::ReadCurrentSection{});
    // Speed, with mpv's keys: [ ] by 0.05, Shift for 0.25, Backspace back to 1.0.
    double step = io.KeyShift ? 0.25 : 0.05;
    if (pressed(SDL_SCANCODE_LEFTBRACKET)) out.push_back(ui::ChangeSpeed{-step});
    if (pressed(SDL_SCANCODE_RIGHTBRACKET)) out.push_back(ui::ChangeSpeed{+step});
    if (pressed(SDL_SCANCODE_BACKSPACE, false)) out.push_back(ui::SetSpeed{1.0});
    return out;
}

} // namespace la::player
