#include "player/config/kiosk_config.h"

#include "player/config/clamp_field.h"
#include "player/config/json_fields.h"
#include "player/config/json_syntax_message.h"
#include "player/config/small_file.h"
#include "player/config/theme_key.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <fstream>

namespace la::player {

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

bool isValidPin(const std::string& pin) {
    return pin.size() >= kMinPinDigits && pin.size() <= kMaxPinDigits &&
           std::all_of(pin.begin(), pin.end(), [](char ch) { return ch >= '0' && ch <= '9'; });
}

// ---- reading values --------------------------------------------------------

/// Every key a kiosk config may hold, for the unknown-key warning.
constexpr const char* kKnownKeys[] = {"version",          "idleResetSeconds", "idleResetWhilePlayingMinutes",
                                      "countdownSeconds", "allowQuit",        "pin",
                                      "chordHoldSeconds", "maxVolume",        "textSize",
                                      "controlsSize",     "theme",            "speed",
                                      "volume",           "searchAndCopy",    "speech",
                                      "speechVoice",      "speechRate",       "speechVolume",
                                      "speechOverEpisode", "evenLoudness",     "loudnessTarget",
                                      "voiceBoost",       "shortenPauses"};

void readTheme(const json& j, JsonFields& in, ui::ThemeId& out) {
    if (std::string problem = readThemeKey(j, out); !problem.empty()) in.warn(problem);
}

/// A pin that is present but not a string turns quitting off (the admin meant to set one).
void readPin(const json& j, JsonFields& in, KioskConfig& c) {
    auto it = j.find("pin");
    if (it == j.end()) return;
    if (it->is_string()) {
        c.pin = it->get<std::string>();
        return;
    }
    c.pin.clear();
    c.allowQuit = false;
    in.warn("pin should be a string of digits in quotes (e.g. \"0420\"), not " + it->dump() +
            "; quitting is turned off until it is fixed");
}

void warnUnknownKeys(const json& j, JsonFields& in) {
    for (const auto& item : j.items()) {
        // A named copy, not a structured binding: clang 14 cannot capture those in a lambda.
        const std::string& key = item.key();
        bool known =
            std::any_of(std::begin(kKnownKeys), std::end(kKnownKeys), [&](const char* k) { return key == k; });
        if (!known) in.warn("unknown key \"" + key + "\" is ignored");
    }
}

/// Reads the kiosk keys of object j (already known to be an object), then sanitizes.
KioskConfigResult fromObject(const json& j, const std::string& source) {
    KioskConfigResult r;
    KioskConfig& c = r.config;
    // Admins edit this file without the app at hand: warnings name the value used.
    JsonFields in(j, source, r.warnings, JsonFields::Wording::NamesValue);
    in.number("idleResetSeconds", c.idleResetSeconds);
    in.number("idleResetWhilePlayingMinutes", c.idleResetWhilePlayingMinutes);
    in.number("countdownSeconds", c.countdownSeconds);
    in.boolean("allowQuit", c.allowQuit, false, " (quitting turned off to be safe)");
    readPin(j, in, c);
    in.number("chordHoldSeconds", c.chordHoldSeconds);
    in.number("maxVolume", c.maxVolume);
    in.number("textSize", c.defaults.textScale);
    in.number("controlsSize", c.defaults.controlsScale);
    readTheme(j, in, c.defaults.theme);
    in.number("speed", c.defaults.speed);
    in.number("volume", c.defaults.volume);
    in.boolean("searchAndCopy", c.searchAndCopy, false, "");
    in.boolean("speech", c.defaults.speech);
    in.string("speechVoice", c.defaults.speechVoice);
    in.number("speechRate", c.defaults.speechRate);
    in.number("speechVolume", c.defaults.speechVolume);
    in.speechOverEpisode("speechOverEpisode", c.defaults.speechOverEpisode);
    in.boolean("evenLoudness", c.defaults.evenLoudness);
    in.number("loudnessTarget", c.defaults.loudnessTarget);
    in.boolean("voiceBoost", c.defaults.voiceBoost);
    in.boolean("shortenPauses", c.defaults.shortenPauses);
    warnUnknownKeys(j, in);
    for (std::string& w : sanitize(c)) r.warnings.push_back(source + ": " + w);
    return r;
}

/// The locked defaults (nobody can quit), for a config that could not be used.
KioskConfigResult lockedDefaults(std::vector<std::string> warnings) {
    KioskConfigResult r;
    r.warnings = std::move(warnings);
    r.config.allowQuit = false;
    r.config.pin.clear();
    r.unusable = true;
    return r;
}


/// Parses text into an object. On failure returns false with a warning that names the file.
bool parseObject(std::string_view text, const std::string& source, json& out, std::string& warning) {
    try {
        out = json::parse(text.begin(), text.end());
    } catch (const json::parse_error& e) {
        warning = jsonSyntaxMessage(source, text, e);
        return false;
    } catch (const json::exception& e) { // e.g. a number too large for a double
        warning = source + ": " + e.what();
        return false;
    }
    if (!out.is_object()) {
        warning = source + ": should contain a JSON object { ... }, not " + std::string(out.type_name());
        return false;
    }
    return true;
}

const char* kNoKioskSection = "no \"kiosk\" section, so the kiosk uses its safe defaults and nobody can quit it "
                              "(add one with allowQuit and a pin, see docs/kiosk.md)";
const char* kUsingSafeDefaults = "; the kiosk uses its safe defaults and nobody can quit it";


} // namespace

std::vector<std::string> sanitize(KioskConfig& c) {
    std::vector<std::string> warnings;
    clampField(c.idleResetSeconds, kIdleResetSecondsRange, "idleResetSeconds", warnings, RangeWording::Outside);
    clampField(c.idleResetWhilePlayingMinutes, kIdleResetWhilePlayingMinutesRange, "idleResetWhilePlayingMinutes",
               warnings, RangeWording::Outside);
    clampField(c.countdownSeconds, kCountdownSecondsRange, "countdownSeconds", warnings, RangeWording::Outside);
    clampField(c.chordHoldSeconds, kChordHoldSecondsRange, "chordHoldSeconds", warnings, RangeWording::Outside);
    clampField(c.maxVolume, kMaxVolumeRange, "maxVolume", warnings, RangeWording::Outside);

    // The visitor defaults are preferences like a listener's: the same ranges and checks.
    for (std::string& w : sanitize(c.defaults)) warnings.push_back(std::move(w));
    if (c.defaults.volume > c.maxVolume) {
        warnings.push_back("volume " + formatNumber(c.defaults.volume) + " is above maxVolume " +
                           formatNumber(c.maxVolume) + "; using " + formatNumber(c.maxVolume));
        c.defaults.volume = c.maxVolume;
    }

    if (!c.pin.empty() && !isValidPin(c.pin)) {
        warnings.push_back("pin should be " + std::to_string(kMinPinDigits) + "-" + std::to_string(kMaxPinDigits) +
                           " digits 0-9; quitting is turned off until it is fixed");
        c.pin.clear();
        c.allowQuit = false;
    }
    if (c.allowQuit && c.pin.empty()) {
        warnings.push_back(kNoPinWarning);
        c.allowQuit = false;
    }
    return warnings;
}

double limitVolume(const KioskConfig& c, double requested) {
    if (!std::isfinite(requested)) return 0.0;
    double top = std::isfinite(c.maxVolume) ? std::clamp(c.maxVolume, 0.0, 1.0) : kMaxVolumeRange.defaultValue;
    return std::clamp(requested, 0.0, top);
}

Preferences kioskVisitorStart(const KioskConfig& c) {
    Preferences p = c.defaults;
    p.volume = limitVolume(c, p.volume);
    p.muted = false;
    return p;
}

KioskConfigResult parseKioskConfig(std::string_view text, const std::string& fileName) {
    json j;
    std::string warning;
    if (!parseObject(text, fileName, j, warning)) return lockedDefaults({warning + kUsingSafeDefaults});
    return fromObject(j, fileName);
}

KioskConfigResult parseKioskSection(std::string_view text, const std::string& fileName) {
    json j;
    std::string warning;
    if (!parseObject(text, fileName, j, warning)) return lockedDefaults({warning + kUsingSafeDefaults});
    auto it = j.find("kiosk");
    if (it == j.end()) return lockedDefaults({fileName + ": " + kNoKioskSection});
    const std::string source = fileName + ": kiosk";
    if (!it->is_object())
        return lockedDefaults({source + " should be a JSON object { ... }, not " + std::string(it->type_name()) +
                               kUsingSafeDefaults});
    return fromObject(*it, source);
}

KioskConfigResult loadKioskConfig(const fs::path& path) {
    const std::string name = path.string();
    std::string text, problem;
    if (!readSmallFile(path, text, problem)) return lockedDefaults({name + ": " + problem + kUsingSafeDefaults});
    return parseKioskConfig(text, name);
}

KioskConfigResult loadKioskSection(const fs::path& settingsFile) {
    const std::string name = settingsFile.string();
    std::string text, problem;
    if (!readSmallFile(settingsFile, text, problem))
        return lockedDefaults({name + ": " + problem + kUsingSafeDefaults});
    return parseKioskSection(text, name);
}

} // namespace la::player
