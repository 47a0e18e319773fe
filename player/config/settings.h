#pragma once
// The user's preferences as one plain struct, with every default and range kept
// here as data and checked by one function (sanitize). Nothing in this file
// touches files, JSON or ImGui: settings_store.h reads and writes it, the views
// read it, and only player/ changes it.
//
// Units: speed is a playback-rate factor (1.0 = normal); text scales are
// factors of the base font size (1.0 = 100 %); lineSpacing is a factor of the
// font's line height; volume is linear gain 0..1; positions are seconds.

#include "ui/theme_id.h"

#include <array>
#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace la::player {


/// One numeric setting's range and default, inclusive at both ends.
struct NumericRange {
    double min;
    double max;
    double defaultValue;
};

inline constexpr NumericRange kSpeedRange{0.5, 3.0, 1.0};
inline constexpr NumericRange kTextScaleRange{1.0, 4.0, 1.0};  ///< textScale
/// controlsScale when set by hand (0 means automatic: see controlsScaleFor).
inline constexpr NumericRange kControlsScaleRange{1.0, 2.0, 1.0};
inline constexpr NumericRange kLineSpacingRange{1.0, 2.0, 1.5};
inline constexpr NumericRange kVolumeRange{0.0, 1.0, 0.8};
/// Even loudness's target, LUFS (EBU R128 integrated loudness). -16 is what
/// Apple and most podcast hosts ask of a stereo episode; quieter leaves room.
inline constexpr NumericRange kLoudnessTargetRange{-30.0, -10.0, -16.0};
inline constexpr double kSpeedFineStep = 0.05;   ///< speed is always a multiple of this
inline constexpr double kSpeedCoarseStep = 0.25;
/// The text sizes, ascending: Smaller/Bigger text and Ctrl+-/= step through
/// them, and any other value (a file, --text-size) goes to the nearest.
inline constexpr std::array<double, 9> kTextScalePresets{1.0, 1.25, 1.5, 1.75, 2.0, 2.5, 3.0, 3.5, 4.0};
/// Automatic controls grow at half the rate of the text, up to this: a
/// bigger button no longer helps, and it would take the words' room.
inline constexpr double kAutoControlsScaleMax = 1.75;

/// Where the listener was in one episode.
struct SavedPosition {
    double seconds = 0; ///< >= 0, from the start, exactly where playback was
    /// The session that saved it played the episode, so the next open steps
    /// back kResumeRewindSeconds for context. False when it was only moved
    /// (seek while paused): the listener placed it there, so resume exactly.
    /// Only saving a played session sets it, so open/close without playing
    /// never moves the resume point (issue #10 item 6).
    bool rewind = true;
    std::int64_t lastUsed = 0; ///< Unix seconds when saved: the oldest are dropped past kMaxSavedPositions

    bool operator==(const SavedPosition&) const = default;
};

/// Only this many episodes' positions are kept (the most recently saved), so
/// settings.json does not grow without bound.
inline constexpr std::size_t kMaxSavedPositions = 200;

/// How the words look. DisplayController owns these while the app runs.
struct DisplayPreferences {
    /// The one text size: the transcript, the article and chapter titles are
    /// drawn at it; controls follow it more slowly (controlsScaleFor).
    double textScale = kTextScaleRange.defaultValue;
    double controlsScale = 0; ///< buttons and labels by hand (advanced); 0: automatic
    double lineSpacing = kLineSpacingRange.defaultValue;       ///< reading text only
    ui::ThemeId theme = ui::ThemeId::Light;

    bool operator==(const DisplayPreferences&) const = default;
};

/// How it sounds. PlaybackController owns these while the app runs.
struct ListeningPreferences {
    double speed = kSpeedRange.defaultValue;
    double volume = kVolumeRange.defaultValue;
    bool muted = false;
    /// Every episode at the same loudness (issue #15): measured once per file
    /// (EBU R128), then a gain to loudnessTarget with a true-peak limiter.
    bool evenLoudness = true;
    double loudnessTarget = kLoudnessTargetRange.defaultValue;
    /// Quiet words raised, a speech-band lift (off by default; a kiosk may turn it on).
    bool voiceBoost = false;
    /// Pauses over half a second shortened to 0.3 s (off by default).
    bool shortenPauses = false;

    bool operator==(const ListeningPreferences&) const = default;
};

/// Words per minute of the program's own speech: espeak-ng's range; the
/// default is a clear, unhurried rate (espeak-ng's own is 175).
inline constexpr NumericRange kSpeechRateRange{80, 450, 150};
/// The speech's loudness relative to the player's volume (0..1).
inline constexpr NumericRange kSpeechVolumeRange{0.0, 1.0, 1.0};

/// What the episode does while the program speaks.
enum class SpeechOverEpisode { Duck, Pause };

/// Speech from the program itself (issue #14): the controls and what they do,
/// said aloud without a screen reader. SpeechOutput owns these while the app runs.
struct SpeechPreferences {
    /// Desktop: "Speak controls" (off: people with a screen reader use Orca).
    /// Kiosk: "speech" (on by default, kioskDefaultPreferences).
    bool speech = false;
    std::string speechVoice = "en-us"; ///< an espeak-ng voice name
    double speechRate = kSpeechRateRange.defaultValue;
    double speechVolume = kSpeechVolumeRange.defaultValue;
    SpeechOverEpisode speechOverEpisode = SpeechOverEpisode::Duck;

    bool operator==(const SpeechPreferences&) const = default;
};

/// What one person can choose: a listener's saved preferences, or what a
/// kiosk visitor starts with (KioskConfig::defaults) and changes.
struct Preferences : DisplayPreferences, ListeningPreferences, SpeechPreferences {
    bool operator==(const Preferences&) const = default;
};

/// What settings.json holds: the preferences, and where each episode was left.
struct Settings : Preferences {
    /// Last listening position per episode: episode key (episode_identity.h;
    /// settings from older versions used the bare file name) -> position.
    std::map<std::string, SavedPosition> positions;
    /// Episode time Shorten pauses has cut out, in all sessions so far (shown
    /// beside the option, like Overcast's "time saved"). Not a preference: a
    /// tally the player keeps.
    double pausesSavedSeconds = 0;

    bool operator==(const Settings&) const = default;
};

/// True when every field but positions is equal: whether the preferences
/// changed, without copying the positions map each frame.
bool samePreferences(const Settings& a, const Settings& b);

/// `speed` clamped to kSpeedRange and put on the 0.05 grid (NaN/inf: the
/// default): the one rule for a speed, wherever it comes from.
double snappedSpeed(double speed);

/// Brings every field into range, in place: numbers outside their range are
/// clamped, NaN/inf become the default, speed snaps to the 0.05 grid, positions
/// that are negative or not finite, or have an empty key, are dropped.
/// Returns one human-readable warning per change ("speed 7 is above 3; using 3").
std::vector<std::string> sanitize(Settings& s);
/// The same for the preferences alone (a kiosk's visitor defaults).
std::vector<std::string> sanitize(Preferences& p);

/// "light", "dark", "high-contrast": the names used in settings.json.
std::string_view themeName(ui::ThemeId t);
/// The inverse of themeName; nullopt for anything else.
std::optional<ui::ThemeId> themeFromName(std::string_view name);

/// The size of buttons and labels for these settings: never above the text
/// size (the words being read are never smaller than a control's label). In
/// a short window (`windowHeight` points; 0: unknown) automatic controls are
/// capped lower still, so that the words keep half of the height.
double controlsScaleFor(const DisplayPreferences& s, double windowHeight = 0);

/// The preset nearest to `scale` (clamped to kTextScaleRange).
double nearestTextScalePreset(double scale);

/// The next larger text-size preset, or the largest one when already there.
/// A value between presets goes to the next preset above it.
double nextTextScalePreset(double current);
/// The next smaller preset, or the smallest one.
double previousTextScalePreset(double current);

/// Speed one step up/down on the grid of `step` (0.05 or 0.25), clamped to
/// kSpeedRange. An off-grid value moves to the nearest grid point in that
/// direction (1.1 up by 0.25 gives 1.25, not 1.35).
double speedUp(double current, double step = kSpeedFineStep);
double speedDown(double current, double step = kSpeedFineStep);

/// Seconds rewound when resuming, so the listener hears a little context again.
inline constexpr double kResumeRewindSeconds = 5.0;
/// A saved position this close to the end means "finished": start over.
inline constexpr double kResumeFinishedWindowSeconds = 10.0;

/// Where to start `episodeKey`: the saved position, minus 5 s (not below 0)
/// when that entry's rewind flag is set; 0 when nothing is saved, or when the
/// saved position is within the last 10 s of the episode. durationSeconds <= 0
/// means "unknown" (the end rule is skipped).
double resumePositionFor(const Settings& s, const std::string& episodeKey, double durationSeconds);

/// Records the position for episodeKey (negative/not finite values are
/// ignored), stamped `now` (Unix seconds); then drops the least recently
/// saved entries beyond kMaxSavedPositions.
void rememberPosition(Settings& s, const std::string& episodeKey, double seconds, bool rewind, std::int64_t now);

} // namespace la::player
