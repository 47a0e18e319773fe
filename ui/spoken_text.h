#pragma once
// What a talking kiosk says for an element of the semantic tree (issue #14,
// built on #13's tree): its name, its value where the name does not already
// say it, what kind of control it is, and the states that matter to someone
// who cannot see it — "Speed 1.5 times, button", "Mute, toggle button, on",
// "Transcript, tab, selected". Plain text for a speech synthesizer; no
// ImGui, no audio here.

#include "ui/semantic_tree.h"

#include <string>

namespace la::ui {

/// The phrase said when the focus reaches `node`.
std::string spokenText(const SemanticNode& node);

/// Clock times written for the eye ("2:09 of 7:01", "1:02:03") in words for
/// the ear ("2 minutes 9 seconds of 7 minutes 1 second"); a synthesizer reads
/// "2:09" as "two colon zero nine".
std::string speakableTimes(const std::string& text);

} // namespace la::ui
