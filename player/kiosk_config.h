#pragma once
// Kiosk mode's configuration as one plain struct, with every default and range
// kept here as data (like settings.h), and the JSON reader for it.
//
// Where it comes from (player/ decides which, docs/kiosk.md tells admins):
//   - a standalone file given with --kiosk-config FILE: one JSON object whose
//     keys are the fields below (assets/kiosk/kiosk.example.json);
//   - otherwise the "kiosk" object inside settings.json
//     ($XDG_CONFIG_HOME/listenalong/settings.json, see settings_store.h);
//   - otherwise the defaults.
//
// A kiosk must always start. Nothing here throws: bad JSON, a value of the
// wrong type, an out-of-range number or an unknown key each give a warning
// (naming the file, with line:column for JSON syntax errors, and the key for bad
// values) and the safe value for what was bad. "Safe" means: numbers clamped to
// their range (or the default when not a number); anything doubtful about
// quitting (allowQuit not a boolean, pin not a string of 4-12 digits) turns
// quitting OFF, because a patient escaping to the desktop is worse than an admin
// having to stop the service (systemctl --user stop listenalong-kiosk).
//
// Quit policy (who may leave kiosk mode):
//   allowQuit false            -> nobody; the admin chord does nothing.
//   allowQuit true, pin "0420" -> hold Ctrl+Alt+Shift+Q for chordHoldSeconds,
//                                 then type the PIN on the on-screen pad.
//   allowQuit true, pin ""     -> holding the chord alone quits. Allowed so a
//                                 fresh install can be left, but every load
//                                 warns about it (kNoPinWarning).
//
// Units: seconds unless the name says Minutes; volumes are the 0..1 slider
// value of settings.h (the audio gain is its square); text scales are factors
// of the base font size (1.0 = 100 %).

#include "player/settings.h"

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace la::player {

// ---- ranges (inclusive) and defaults ----------------------------------------

/// No input for this long while paused or after the episode ended resets the kiosk.
inline constexpr NumericRange kIdleResetSecondsRange{30, 3600, 120};
/// No input for this long while playing resets the kiosk (someone may just be listening).
inline constexpr NumericRange kIdleResetWhilePlayingMinutesRange{5, 240, 20};
/// The "Still listening?" countdown: the last part of the idle time, shown on screen.
/// Its maximum stays below kIdleResetSecondsRange.min, so there is always quiet time first.
inline constexpr NumericRange kCountdownSecondsRange{5, 20, 10};
/// How long the admin chord (Ctrl+Alt+Shift+Q) must be held.
inline constexpr NumericRange kChordHoldSecondsRange{1, 10, 3};
/// Hearing safety: the volume (0..1 slider value) can never go above this.
inline constexpr NumericRange kMaxVolumeRange{0.0, 1.0, 0.8};
/// Text size each new person starts with: 200 %.
inline constexpr double kKioskDefaultTextScale = 2.0;
/// Volume each new person starts with (then limited to maxVolume).
inline constexpr double kKioskDefaultVolume = 0.5;
/// A PIN is 4 to 12 ASCII digits.
inline constexpr size_t kMinPinDigits = 4;
inline constexpr size_t kMaxPinDigits = 12;

/// What every new person starts with. Ranges are Settings' (settings.h).
struct KioskPersonDefaults {
    double textScale = kKioskDefaultTextScale; ///< kTextScaleRange: someone walking up reads from further away
    double controlsScale = 0;                  ///< kControlsScaleRange, 0: automatic
    ThemeChoice theme = ThemeChoice::Light;
    double speed = kSpeedRange.defaultValue;                   ///< kSpeedRange, 0.05 grid
    double volume = kKioskDefaultVolume;                       ///< kVolumeRange, and <= maxVolume
    bool showChapters = true;                                  ///< chapters pane shown

    bool operator==(const KioskPersonDefaults&) const = default;
};

struct KioskConfig {
    double idleResetSeconds = kIdleResetSecondsRange.defaultValue;
    double idleResetWhilePlayingMinutes = kIdleResetWhilePlayingMinutesRange.defaultValue;
    double countdownSeconds = kCountdownSecondsRange.defaultValue;
    bool allowQuit = true;          ///< false: the admin chord does nothing
    std::string pin;                ///< "" or 4-12 digits; "" with allowQuit = chord alone quits
    double chordHoldSeconds = kChordHoldSecondsRange.defaultValue;
    double maxVolume = kMaxVolumeRange.defaultValue;
    KioskPersonDefaults defaults;

    bool operator==(const KioskConfig&) const = default;
};

/// The warning given whenever quitting is allowed without a PIN.
inline constexpr const char* kNoPinWarning =
    "allowQuit is true but no pin is set: anyone who holds Ctrl+Alt+Shift+Q can leave kiosk mode. "
    "Set \"pin\" (4-12 digits) or \"allowQuit\": false";

/// Brings every field into range, in place (numbers clamped, NaN/inf to the
/// default, speed to the 0.05 grid, defaults.volume to <= maxVolume; a pin that
/// is not 4-12 digits turns quitting off). One warning per change, each naming
/// the key. Also warns (kNoPinWarning) when quitting needs no PIN; that one
/// changes nothing.
std::vector<std::string> sanitize(KioskConfig& c);

/// `requested` limited to [0, c.maxVolume]; NaN gives 0. Apply to every volume
/// change in kiosk mode (slider, keys, a reset).
double limitVolume(const KioskConfig& c, double requested);

/// The Settings a new person gets: c.defaults, no saved positions, unmuted.
Settings kioskSettings(const KioskConfig& c);

struct KioskConfigResult {
    KioskConfig config;                ///< always usable: safe values where the input was bad
    std::vector<std::string> warnings; ///< "FILE:LINE:COL: problem" or "FILE: key: problem"; for the log
};

/// Parses a standalone kiosk config: one JSON object of the keys above
/// ("version" is accepted and ignored). fileName only labels the warnings.
KioskConfigResult parseKioskConfig(std::string_view json, const std::string& fileName);

/// Parses a settings.json and reads its "kiosk" object the same way. The other
/// keys of settings.json are not looked at. No "kiosk" key: defaults (plus the
/// no-PIN warning).
KioskConfigResult parseKioskSection(std::string_view json, const std::string& fileName);

/// Reads `path` and parses it with parseKioskConfig. A missing or unreadable
/// file is a warning (the admin asked for it) and gives the defaults.
KioskConfigResult loadKioskConfig(const std::filesystem::path& path);

/// Reads settings.json and parses it with parseKioskSection. A missing file is
/// not a warning (a fresh install has none).
KioskConfigResult loadKioskSection(const std::filesystem::path& settingsFile);

} // namespace la::player
