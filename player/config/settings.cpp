#include "player/config/settings.h"

#include "player/config/clamp_field.h"

#include <algorithm>
#include <cmath>

namespace la::player {

namespace {

constexpr double kEpsilon = 1e-6;

/// Rounds to two decimals so grid arithmetic never leaves 1.2000000000000002.
double tidy(double v) { return std::round(v * 100.0) / 100.0; }

double clampSpeed(double v) { return std::clamp(tidy(v), kSpeedRange.min, kSpeedRange.max); }

constexpr const char* kDefaultSpeechVoice = "en-us";
constexpr std::size_t kMaxSpeechVoiceLength = 64;

bool isVoiceNameChar(char ch) {
    return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9') || ch == '_' ||
           ch == '+' || ch == '-';
}

/// What is wrong with an espeak-ng voice name ("en-us", "en-gb-x-rp", "en+f3"),
/// or "" when nothing is. It goes to espeak-ng and into the log, so it is kept
/// to 1-64 letters, digits, _, + and -.
std::string voiceNameProblem(const std::string& voice) {
    if (voice.empty()) return "is empty";
    if (voice.size() > kMaxSpeechVoiceLength)
        return "is longer than " + std::to_string(kMaxSpeechVoiceLength) + " characters";
    if (std::all_of(voice.begin(), voice.end(), isVoiceNameChar)) return {};
    // The name itself only when it prints on one line of the log.
    const bool printable = std::all_of(voice.begin(), voice.end(), [](char ch) { return ch >= ' ' && ch != '\x7f'; });
    return (printable ? "\"" + voice + "\" " : std::string()) + "may only hold letters, digits, _, + and -";
}

void sanitizeSpeech(SpeechPreferences& s, std::vector<std::string>& warnings) {
    if (std::string problem = voiceNameProblem(s.speechVoice); !problem.empty()) {
        warnings.push_back("speechVoice " + problem + "; using " + kDefaultSpeechVoice);
        s.speechVoice = kDefaultSpeechVoice;
    }
    clampField(s.speechRate, kSpeechRateRange, "speechRate", warnings);
    if (double whole = std::round(s.speechRate); whole != s.speechRate) {
        warnings.push_back("speechRate " + formatNumber(s.speechRate) + " is not a whole number; using " +
                           formatNumber(whole));
        s.speechRate = whole;
    }
    clampField(s.speechVolume, kSpeechVolumeRange, "speechVolume", warnings);
    if (s.speechOverEpisode != SpeechOverEpisode::Duck && s.speechOverEpisode != SpeechOverEpisode::Pause) {
        warnings.push_back("speechOverEpisode " + std::to_string(static_cast<int>(s.speechOverEpisode)) +
                           " is unknown; using duck");
        s.speechOverEpisode = SpeechOverEpisode::Duck;
    }
}

} // namespace

std::vector<std::string> sanitize(Preferences& s) {
    std::vector<std::string> warnings;
    clampField(s.speed, kSpeedRange, "speed", warnings);
    double snapped = tidy(std::round(s.speed / kSpeedFineStep) * kSpeedFineStep);
    if (std::abs(snapped - s.speed) > kEpsilon)
        warnings.push_back("speed " + formatNumber(s.speed) + " is not a multiple of 0.05; using " +
                           formatNumber(snapped));
    s.speed = snapped;
    clampField(s.textScale, kTextScaleRange, "textSize", warnings);
    if (double preset = nearestTextScalePreset(s.textScale); std::abs(preset - s.textScale) > kEpsilon) {
        warnings.push_back("textSize " + formatNumber(s.textScale) + " is not one of the sizes offered; using " +
                           formatNumber(preset));
        s.textScale = preset;
    }
    if (!std::isfinite(s.controlsScale)) {
        warnings.push_back("controlsSize is not a number; using automatic");
        s.controlsScale = 0;
    } else if (s.controlsScale != 0) { // 0: automatic
        clampField(s.controlsScale, kControlsScaleRange, "controlsSize", warnings);
        s.controlsScale = tidy(std::round(s.controlsScale * 4) / 4); // 100, 125, ... 200 %
    }
    clampField(s.lineSpacing, kLineSpacingRange, "lineSpacing", warnings);
    clampField(s.volume, kVolumeRange, "volume", warnings);
    clampField(s.loudnessTarget, kLoudnessTargetRange, "loudnessTarget", warnings);
    int themeIndex = static_cast<int>(s.theme);
    if (themeIndex < 0 || themeIndex > static_cast<int>(ui::ThemeId::HighContrast)) {
        warnings.push_back("theme " + std::to_string(themeIndex) + " is unknown; using light");
        s.theme = ui::ThemeId::Light;
    }
    sanitizeSpeech(s, warnings);
    return warnings;
}

std::vector<std::string> sanitize(Settings& s) {
    std::vector<std::string> warnings = sanitize(static_cast<Preferences&>(s));
    for (auto it = s.positions.begin(); it != s.positions.end();) {
        if (it->first.empty() || !std::isfinite(it->second.seconds) || it->second.seconds < 0) {
            warnings.push_back("position for episode \"" + it->first + "\" (" + formatNumber(it->second.seconds) +
                               ") is not a valid time; forgetting it");
            it = s.positions.erase(it);
        } else {
            ++it;
        }
    }
    if (!std::isfinite(s.pausesSavedSeconds) || s.pausesSavedSeconds < 0) {
        warnings.push_back("timeSavedByShorterPauses " + formatNumber(s.pausesSavedSeconds) + " is not a valid time; starting from 0");
        s.pausesSavedSeconds = 0;
    }
    return warnings;
}

bool samePreferences(const Settings& a, const Settings& b) {
    return static_cast<const Preferences&>(a) == static_cast<const Preferences&>(b);
}

std::string_view themeName(ui::ThemeId t) {
    switch (t) {
    case ui::ThemeId::Light: return "light";
    case ui::ThemeId::Dark: return "dark";
    case ui::ThemeId::HighContrast: return "high-contrast";
    }
    return "light";
}

std::optional<ui::ThemeId> themeFromName(std::string_view name) {
    for (ui::ThemeId t : {ui::ThemeId::Light, ui::ThemeId::Dark, ui::ThemeId::HighContrast})
        if (themeName(t) == name) return t;
    return std::nullopt;
}

double controlsScaleFor(const DisplayPreferences& s, double windowHeight) {
    if (s.controlsScale > 0) return std::min(s.controlsScale, s.textScale);
    double cap = kAutoControlsScaleMax;
    // 480 points tall: 100 %; 600: 150 %; 700 and taller: the usual cap. In
    // steps of 25 %, so that resizing a window rebuilds the fonts only when a
    // step is crossed, not at every pixel.
    if (windowHeight > 0) cap = std::clamp(std::floor(windowHeight / 400.0 * 4.0) / 4.0, 1.0, kAutoControlsScaleMax);
    return std::min(1.0 + (s.textScale - 1.0) * 0.5, cap);
}

double nearestTextScalePreset(double scale) {
    if (!std::isfinite(scale)) return kTextScaleRange.defaultValue;
    double best = kTextScalePresets.front();
    for (double p : kTextScalePresets)
        if (std::abs(p - scale) < std::abs(best - scale) - kEpsilon) best = p;
    return best;
}

double nextTextScalePreset(double current) {
    for (double p : kTextScalePresets)
        if (p > current + kEpsilon) return p;
    return kTextScalePresets.back();
}

double previousTextScalePreset(double current) {
    for (auto it = kTextScalePresets.rbegin(); it != kTextScalePresets.rend(); ++it)
        if (*it < current - kEpsilon) return *it;
    return kTextScalePresets.front();
}

double snappedSpeed(double speed) {
    if (!std::isfinite(speed)) return kSpeedRange.defaultValue;
    return tidy(std::round(std::clamp(speed, kSpeedRange.min, kSpeedRange.max) / kSpeedFineStep) * kSpeedFineStep);
}

double speedUp(double current, double step) {
    if (!std::isfinite(current)) return kSpeedRange.defaultValue;
    double k = std::floor(current / step + kEpsilon) + 1.0;
    return clampSpeed(k * step);
}

double speedDown(double current, double step) {
    if (!std::isfinite(current)) return kSpeedRange.defaultValue;
    double k = std::ceil(current / step - kEpsilon) - 1.0;
    return clampSpeed(k * step);
}

double resumePositionFor(const Settings& s, const std::string& episodeKey, double durationSeconds) {
    auto it = s.positions.find(episodeKey);
    if (it == s.positions.end() || !std::isfinite(it->second.seconds)) return 0.0;
    double saved = it->second.seconds;
    if (durationSeconds > 0 && saved >= durationSeconds - kResumeFinishedWindowSeconds) return 0.0;
    return it->second.rewind ? std::max(0.0, saved - kResumeRewindSeconds) : saved;
}

void rememberPosition(Settings& s, const std::string& episodeKey, double seconds, bool rewind, std::int64_t now) {
    if (episodeKey.empty() || !std::isfinite(seconds) || seconds < 0) return;
    s.positions[episodeKey] = SavedPosition{seconds, rewind, now};
    while (s.positions.size() > kMaxSavedPositions) {
        auto oldest = std::min_element(s.positions.begin(), s.positions.end(), [](const auto& a, const auto& b) {
            return a.second.lastUsed < b.second.lastUsed;
        });
        s.positions.erase(oldest);
    }
}

} // namespace la::player
