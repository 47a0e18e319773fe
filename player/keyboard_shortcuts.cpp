#include "player/keyboard_shortcuts.h"

#include "player/playback_controller.h"

#include <imgui.h>

namespace la::player {
namespace {

// Shortcuts and the mode keys wait while a text field types or a modifier
// makes the key mean something else.
bool keysAreForTyping(const ImGuiIO& io) { return io.WantTextInput; }
bool modified(const ImGuiIO& io) { return io.KeyCtrl || io.KeyAlt || io.KeySuper; }

} // namespace

ui::Commands collectShortcuts(double duration, const KeyPressed& keyPressed) {
    ui::Commands out;
    const ImGuiIO& io = ImGui::GetIO();
    auto pressed = [&](Key k, bool repeat = true) { return keyPressed(k, repeat); };
    if (keysAreForTyping(io)) return out;
    if (io.KeyCtrl && !io.KeyAlt && pressed(Key::F, false)) out.push_back(ui::FocusSearch{});
    if (io.KeyCtrl && !io.KeyAlt) { // text size, as in browsers
        if (pressed(Key::Equals, false) || pressed(Key::KeypadPlus, false)) out.push_back(ui::StepTextSize{+1});
        if (pressed(Key::Minus, false) || pressed(Key::KeypadMinus, false)) out.push_back(ui::StepTextSize{-1});
        if (pressed(Key::Num0, false) || pressed(Key::Keypad0, false)) out.push_back(ui::StepTextSize{0});
    }
    if (modified(io)) return out;
    if (pressed(Key::Space, false)) out.push_back(ui::TogglePlay{});
    if (pressed(Key::Left)) out.push_back(ui::SeekBy{-PlaybackController::kBackSeconds});
    if (pressed(Key::Right)) out.push_back(ui::SeekBy{PlaybackController::kForwardSeconds});
    if (pressed(Key::Up)) out.push_back(ui::ChangeVolume{0.05f});
    if (pressed(Key::Down)) out.push_back(ui::ChangeVolume{-0.05f});
    if (pressed(Key::M, false)) out.push_back(ui::ToggleMute{});
    if (pressed(Key::Home, false)) out.push_back(ui::SeekTo{0});
    if (pressed(Key::End, false)) out.push_back(ui::SeekTo{duration});
    if (pressed(Key::PageUp) || pressed(Key::Comma)) out.push_back(ui::PreviousChapter{});
    if (pressed(Key::PageDown) || pressed(Key::Period)) out.push_back(ui::NextChapter{});
    if (pressed(Key::Slash, false)) out.push_back(io.KeyShift ? ui::Command{ui::ShowKeyboardHelp{}} : ui::Command{ui::FocusSearch{}}); // Shift+/ is ?
    if (pressed(Key::F1, false)) out.push_back(ui::ShowKeyboardHelp{});
    if (pressed(Key::R, false)) out.push_back(ui::ReadCurrentSection{});
    if (pressed(Key::T, false))
        out.push_back(io.KeyShift ? ui::Command{ui::SetSleepTimer{ui::SleepMode::Off, 0}} : ui::Command{ui::NextSleepTimer{}});
    // Speed, with mpv's keys: [ ] by 0.05, Shift for 0.25, Backspace back to 1.0.
    double step = io.KeyShift ? 0.25 : 0.05;
    if (pressed(Key::LeftBracket)) out.push_back(ui::ChangeSpeed{-step});
    if (pressed(Key::RightBracket)) out.push_back(ui::ChangeSpeed{+step});
    if (pressed(Key::Backspace, false)) out.push_back(ui::SetSpeed{1.0});
    return out;
}

} // namespace la::player
