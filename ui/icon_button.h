#pragma once
// Buttons with a drawn icon AND a text label (an icon alone is not enough for
// our listeners). Icons are vector shapes, so they stay crisp at any size.

struct ImVec2;

namespace la::ui {

enum class Icon { None, Play, Pause, Back, Forward, SpeakerOn, SpeakerOff, Previous, Next, Menu };

/// A button at least `minHeight` pixels tall (touch targets) and `minWidth`
/// wide (a fixed slot, so that a label that changes, Play/Pause, does not
/// move what follows). Returns true when clicked/activated. `label` may
/// contain "##id" like any ImGui label.
bool iconButton(const char* label, Icon icon, float minHeight, float minWidth = 0);

/// The width iconButton(label, icon, ...) will take, for laying out rows.
float iconButtonWidth(const char* label, Icon icon);

/// Puts the next item on the same line as the last one when `nextWidth`
/// still fits there; returns whether it did (else it starts a new line).
bool sameLineIfFits(float nextWidth);

/// Places the next item of a row that wraps: on the same line when `width`
/// still fits, else on a new line. Call before every item but the first.
void flowNext(float width);

/// A line of text as tall as a row of controls (`rowHeight`), centred on
/// them, so it can stand in that row: "Chapters  [Previous] [Next]".
void rowText(const char* text, float rowHeight);

/// ImGui::BeginChild for a borderless child window that holds controls, padded
/// by the controls' border width: a frame's outline is drawn half outside its
/// rectangle, and at 400 % (7 px borders) an unpadded child cut it off at its
/// edges. End with ImGui::EndChild() as usual.
bool beginControlsChild(const char* id, ImVec2 size, int flags);

/// Height of a large control at the current font size: 1.7 x font size, and
/// never below 48 px (touch target).
float largeControlHeight();

} // namespace la::ui
