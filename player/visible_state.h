#pragma once
// Everything on screen that changes with time alone. The main loop draws a
// frame only when this changes (or after input), so a playing episode costs a
// few frames a second: the clock's second, the seek bar's position in 3-pixel
// steps, the cue and the word being heard, the kiosk's mode and countdown.

#include "media/audio_engine.h"
#include "transcripts/model.h"

#include <vector>

namespace la::player {

class KioskSession;

struct VisibleState {
    long clockSecond = -1;
    long seekPixel = -1;
    long cue = -1;
    long word = -1;
    bool playing = false;
    int kioskMode = -1;
    int countdown = -1;
    bool hasError = false;
    bool toast = false; ///< a confirmation is showing (it disappears by itself)
    int sleepMode = 0;     ///< the sleep timer's mode (SleepTimerMode)
    long sleepSecond = -1; ///< its whole seconds left, rounded up as shown ("Sleep in 14:59"); -1: none
    bool operator==(const VisibleState&) const = default;
};

/// `kiosk` may be null; `now` is the kiosk clock in seconds.
VisibleState visibleStateOf(const media::PlaybackStatus& status, int windowWidth,
                            const std::vector<transcripts::Cue>& cues, const KioskSession* kiosk, double now);

} // namespace la::player
