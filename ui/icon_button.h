#pragma once
// Buttons with a drawn icon AND a text label (an icon alone is not enough for
// our listeners). Icons are vector shapes, so they stay crisp at any size.

namespace la::ui {

enum class Icon { None, Play, Pause, Back, Forward, SpeakerOn, SpeakerOff, Previous, Next };

/// A button at least `minHeight` pixels tall (touch targets). Returns true
/// when clicked/activated. `label` may contain "##id" like any ImGui label.
bool iconButton(const char* label, Icon icon, float minHeight);

/// Height of a large control at the current font size: 2.2 x font size, and
/// never below 48 px (touch target).
float largeControlHeight();

} // namespace la::ui
