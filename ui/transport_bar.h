#pragma once
// The transport bar: play/pause, skip back 15 s / forward 30 s, elapsed and
// remaining time, a seek bar that can be clicked or dragged, and volume.

#include "ui/chapters_pane.h"
#include "ui/commands.h"

#include <imgui.h>

#include <optional>
#include <string>
#include <vector>

namespace la::ui {

/// What the bar shows; filled by player/ each frame.
struct TransportState {
    double position = 0;
    double duration = 0;
    bool playing = false;
    bool audioLoaded = false;  ///< false: controls are shown disabled
    float volume = 0.8f;
    bool muted = false;
    std::string chapterTitle;  ///< shown above the seek bar when not empty
    std::string sleepText;     ///< the sleep timer's time left ("Sleep in 14:59"), at the chapter line's end; "": off
    bool compact = false;      ///< large text in a small window: leave out the chapter line
    bool showVolume = true;    ///< Mute and the volume slider (else the caller shows them elsewhere)
    std::vector<double> chapterMarks; ///< chapter start times (seconds), marked on the seek bar
    double speed = 1.0;        ///< shown on the speed chip
    const std::vector<ChapterRow>* chapters = nullptr; ///< compact: the chapter picker's list (not owned)
    std::optional<size_t> currentChapter;              ///< chapter index being heard
    ImFont* listFont = nullptr; ///< the chapter picker's list (the reading font); nullptr: the current one
    bool finishButton = false;  ///< kiosk: "I'm finished" at the end of the row
    bool sayAgainButton = false; ///< the program's own voice is on: "Say it again" before it
};

/// The bar's own interaction state (kept by the caller across frames).
struct TransportViewState {
    bool dragging = false;
    double dragSeconds = 0;
    ImVec2 playMin{0, 0}, playMax{0, 0}; ///< where Play/Pause was drawn last frame (tests, layout checks)
    ImVec2 speedMin{0, 0}, speedMax{0, 0};   ///< the speed chip
    ImVec2 pickerMin{0, 0}, pickerMax{0, 0}; ///< the chapter picker (compact only; zero: not drawn)
    ImVec2 finishMin{0, 0}, finishMax{0, 0}; ///< "I'm finished" (kiosk only; zero: not drawn)
};

/// Height the bar needs at the current font size, in pixels (an estimate:
/// its rows wrap at large text).
float transportBarHeight();

/// Space left below the bar's last row, in pixels.
float transportBarMargin();

/// Whether Back, Play/Pause, Forward, Mute and the volume slider fit one row
/// of the current window's width at this text size.
/// `withPicker`: the chapter picker is on the row too (compact layout).
bool transportFitsOneRow(bool withPicker = false);

/// Mute and the volume slider, flowing after the cursor's item (in the bar,
/// or on their own where the bar leaves them out).
Commands drawVolumeControls(const TransportState& state);

/// Draws into the current window at the cursor, full width.
Commands drawTransportBar(const TransportState& state, TransportViewState& view);

} // namespace la::ui
