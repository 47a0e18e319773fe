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
// A kiosk must always start, and it fails CLOSED. Nothing here throws: bad
// JSON, a value of the wrong type, an out-of-range number or an unknown key each
// give a warning (naming the file, with line:column for JSON syntax errors, and
// the key for bad values) and the safe value for what was bad. "Safe" means:
// numbers clamped to their range (or the default when not a number), and
// quitting OFF whenever anything about it is doubtful: no config at all, a
// config that cannot be read or parsed (missing, unreadable, a syntax error, a
// truncated settings.json), allowQuit not a boolean, a pin that is not a string
// of 4-12 digits, or allowQuit true without a pin. A visitor escaping to the
// desktop is worse than an admin having to fix the file and restart the
// service (systemctl --user restart listenalong-kiosk, from SSH or another TTY).
//
// Quit policy (who may leave kiosk mode):
//   allowQuit false            -> nobody; the admin chord does nothing.
//   allowQuit true, pin "0420" -> hold Ctrl+Alt+Shift+Q for chordHoldSeconds,
//                                 then type the PIN on the on-screen pad.
//   allowQuit true, pin ""     -> refused: treated as allowQuit false, with a
//                                 warning (kNoPinWarning). allowQuit defaults
//                                 to true, so a config with a pin can quit.
//
// Units: seconds unless the name says Minutes; volumes are the 0..1 slider
// value of settings.h (the audio gain is its square); text scales are factors
// of the base font size (1.0 = 100 %).

#include "player/config/settings.h"

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

/// What every new person starts with: Settings' preferences, with a larger
/// text (someone walking up reads from further away) and a quieter volume.
inline Preferences kioskDefaultPreferences() {
    Preferences p;
    p.textScale = kKioskDefaultTextScale;
    p.volume = kKioskDefaultVolume;
    p.speech = true; // a kiosk has no screen reader: it speaks for itself
    return p;
}

struct KioskConfig {
    /// Search and Copy line on the kiosk's screen: off, as a kiosk has no
    /// keyboard to type with and no clipboard anyone can use.
    bool searchAndCopy = false;
    double idleResetSeconds = kIdleResetSecondsRange.defaultValue;
    double idleResetWhilePlayingMinutes = kIdleResetWhilePlayingMinutesRange.defaultValue;
    double countdownSeconds = kCountdownSecondsRange.defaultValue;
    bool allowQuit = true;          ///< false: the admin chord does nothing; true needs a pin
    std::string pin;                ///< "" or 4-12 digits; "" means nobody can quit
    double chordHoldSeconds = kChordHoldSecondsRange.defaultValue;
    double maxVolume = kMaxVolumeRange.defaultValue;
    /// Each new person's preferences (ranges: settings.h; volume also <= maxVolume).
    Preferences defaults = kioskDefaultPreferences();

    bool operator==(const KioskConfig&) const = default;
};

/// The warning given when quitting is asked for without a PIN (and refused).
inline constexpr const char* kNoPinWarning =
    "no pin is set, so quitting is turned off: nobody can leave kiosk mode with Ctrl+Alt+Shift+Q. "
    "Set \"pin\" (4-12 digits) to let staff quit, or \"allowQuit\": false to keep it locked without this warning";

/// Brings every field into range, in place (numbers clamped, NaN/inf to the
/// default, speed to the 0.05 grid, defaults.volume to <= maxVolume; a pin that
/// is not 4-12 digits turns quitting off, and so does allowQuit without a pin,
/// with kNoPinWarning). One warning per change, each naming the key.
std::vector<std::string> sanitize(KioskConfig& c);

/// `requested` limited to [0, c.maxVolume]; NaN gives 0. Apply to every volume
/// change in kiosk mode (slider, keys, a reset).
double limitVolume(const KioskConfig& c, double requested);

/// The preferences a new person gets: c.defaults, volume limited to
/// maxVolume, unmuted.
Preferences kioskVisitorStart(const KioskConfig& c);

struct KioskConfigResult {
    KioskConfig config;                ///< always usable: safe values where the input was bad
    std::vector<std::string> warnings; ///< "FILE:LINE:COL: problem" or "FILE: key: problem"; for the log
    /// The config could not be used at all (missing, unreadable, not JSON, not
    /// an object): `config` is the locked defaults.
    bool unusable = false;
};

/// Parses a standalone kiosk config: one JSON object of the keys above
/// ("version" is accepted and ignored). fileName only labels the warnings.
KioskConfigResult parseKioskConfig(std::string_view json, const std::string& fileName);

/// Parses a settings.json and reads its "kiosk" object the same way. The other
/// keys of settings.json are not looked at. No "kiosk" key: the locked
/// defaults, with a warning (a kiosk nobody configured cannot be left).
KioskConfigResult parseKioskSection(std::string_view json, const std::string& fileName);

/// Reads `path` and parses it with parseKioskConfig. A missing or unreadable
/// file (or a FIFO, a device, a folder) is a warning and gives the locked defaults.
KioskConfigResult loadKioskConfig(const std::filesystem::path& path);

/// Reads settings.json and parses it with parseKioskSection. A missing file
/// gives the locked defaults with a warning, like a missing "kiosk" key.
KioskConfigResult loadKioskSection(const std::filesystem::path& settingsFile);

} // namespace la::player
