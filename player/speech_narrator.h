#pragma once
// What the talking kiosk says on its own, decided from each frame's semantic
// tree (issue #14 on #13's tree): where the focus went ("Speed, 1.5 times,
// button"), a focused control whose value or state changed ("Mute, toggle
// button, on"), a control a finger rests on, and the notifications the views
// and the router announce once ("Playing", "Chapter 4 of 9: ..."). Pure: no
// audio, no ImGui; SpeechOutput says what this returns.

#include "ui/semantic_tree.h"

#include <set>
#include <string>

namespace la::player {

class SpeechNarrator {
public:
    /// The phrase for this frame ("" when nothing new). `speakFocus`: the focus
    /// is the keyboard's (shown), so where it goes is said; a tap's result is
    /// said through its notification instead. `touchedId`: the element a
    /// finger has rested on ("" none); said once per touch. `personActed`: a
    /// key or touch in this frame; only then is a change of the focused
    /// element's own words said (the position slider's time moves by itself).
    std::string phraseFor(const ui::SemanticTree& tree, bool speakFocus, const std::string& touchedId, bool personActed);

    /// Forgets what was said (a new visitor: the same focus is news again).
    void reset();

private:
    std::string focusedId_;
    std::string focusedPhrase_;
    std::string touchedId_;
    bool focusShown_ = false;
    std::set<std::string> notifications_; ///< ids in the last frame's tree (said when they appeared)
};

/// The deepest element under a point that a person can use or read (a
/// control, a line, a paragraph), or -1. For the finger resting on the screen.
int elementAt(const ui::SemanticTree& tree, float x, float y);

} // namespace la::player
