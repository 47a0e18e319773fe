#pragma once
// Kiosk mode's overlays, drawn over the main view (call after it, same frame):
//   - "Still listening?": a gentle countdown before the kiosk starts over for
//     the next person, with one large "Yes, I'm still here" button. A tap
//     anywhere on the overlay also counts as "still here".
//   - the admin PIN pad: keys 1-9 / Clear 0 OK as a phone-style grid, Cancel
//     at the top right, the digits typed shown only as dots. The keys shrink
//     (never below 48 px) so the pad fits the screen at large text. A keyboard
//     works too (digits, Enter, Backspace = Clear, Escape = Cancel).
// Both fill the display with a dimmed layer and take input from everything
// under them. Sizes are multiples of the font size; buttons are at least
// largeControlHeight() (>= 48 px) tall; a single tap activates.

#include "ui/attract_screen.h"   // ScreenRect
#include "ui/commands.h"

#include <array>
#include <cstddef>
#include <string>

namespace la::ui {

struct CountdownVM {
    int secondsLeft = 0;   ///< shown as "in 8 seconds"
};

struct CountdownLayout {
    ScreenRect stillHere;  ///< the "Yes, I'm still here" button
    ScreenRect panel;
};

/// Returns KioskDismissCountdown (once) when the button or the overlay is tapped.
Commands drawStillListeningOverlay(const CountdownVM& vm, CountdownLayout* layout = nullptr);

struct PinPadVM {
    size_t digitsEntered = 0;       ///< drawn as that many dots
    size_t maxDigits = 12;          ///< digit buttons are disabled when this many are typed
    bool lastWasWrong = false;      ///< "That PIN is not right."
    double cooldownSecondsLeft = 0; ///< > 0: "Too many tries. Wait N s." and digits/OK disabled
};

struct PinPadLayout {
    std::array<ScreenRect, 10> digit; ///< indexed by the digit
    ScreenRect clear, ok, cancel;
};

/// Returns PinDigit / PinClear / PinSubmit / PinCancel for taps and keys.
Commands drawPinPad(const PinPadVM& vm, PinPadLayout* layout = nullptr);

} // namespace la::ui
