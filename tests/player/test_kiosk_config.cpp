// Kiosk config (kiosk_config.h): defaults, every key, bad JSON with
// line:column, wrong types, out-of-range values clamped, the quit policy's safe
// fallbacks, maxVolume enforced. Fixtures in tests/data/kiosk/.

#include "player/config/kiosk_config.h"

#include <catch2/catch.hpp>

#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace fs = std::filesystem;
using namespace la::player;

namespace {

fs::path fixture(const std::string& name) { return fs::path(LA_TEST_DATA) / "kiosk" / name; }

std::string readText(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

/// Is there a warning containing every one of `parts`?
bool hasWarning(const std::vector<std::string>& warnings, std::initializer_list<std::string> parts) {
    return std::any_of(warnings.begin(), warnings.end(), [&](const std::string& w) {
        return std::all_of(parts.begin(), parts.end(), [&](const std::string& p) { return w.find(p) != w.npos; });
    });
}

/// The defaults with quitting off: what every broken or PIN-less config gives.
KioskConfig lockedDefaults() {
    KioskConfig c;
    c.allowQuit = false;
    return c;
}

std::string joined(const std::vector<std::string>& warnings) {
    std::string all;
    for (const auto& w : warnings) all += w + "\n";
    return all;
}

} // namespace

TEST_CASE("Kiosk config defaults are the documented ones and in range") {
    KioskConfig c;
    CHECK(c.idleResetSeconds == 120);
    CHECK(c.idleResetWhilePlayingMinutes == 20);
    CHECK(c.countdownSeconds == 10);
    CHECK(c.allowQuit);
    CHECK(c.pin.empty());
    CHECK(c.chordHoldSeconds == 3);
    CHECK(c.maxVolume == Approx(0.8));
    CHECK(c.defaults.textScale == 2.0); // someone walking up to the screen: 200 %
    CHECK(c.defaults.controlsScale == 0); // automatic
    CHECK(c.defaults.theme == la::ui::ThemeId::Light);
    CHECK(c.defaults.speed == 1.0);
    CHECK(c.defaults.volume == Approx(0.5));
    // The countdown always fits inside the shortest idle time, with quiet time first.
    CHECK(kCountdownSecondsRange.max < kIdleResetSecondsRange.min);

    // Sanitizing the defaults locks quitting (no PIN) and says so; nothing else changes.
    KioskConfig copy = c;
    auto warnings = sanitize(copy);
    CHECK_FALSE(copy.allowQuit);
    copy.allowQuit = true;
    CHECK(copy == c);
    REQUIRE(warnings.size() == 1);
    CHECK(warnings[0] == kNoPinWarning);
}

TEST_CASE("An empty kiosk config object gives the defaults, locked, and the no-PIN warning naming the file") {
    auto r = parseKioskConfig("{}", "kiosk.json");
    KioskConfig locked;
    locked.allowQuit = false;
    CHECK(r.config == locked);
    CHECK_FALSE(r.unusable);
    REQUIRE(r.warnings.size() == 1);
    CHECK(r.warnings[0] == std::string("kiosk.json: ") + kNoPinWarning);
}

TEST_CASE("Every kiosk config key is read") {
    auto r = loadKioskConfig(fixture("valid.json"));
    INFO(joined(r.warnings));
    CHECK(r.warnings.empty());
    const KioskConfig& c = r.config;
    CHECK(c.idleResetSeconds == 90);
    CHECK(c.idleResetWhilePlayingMinutes == 30);
    CHECK(c.countdownSeconds == 15);
    CHECK(c.allowQuit);
    CHECK(c.pin == "0420");
    CHECK(c.chordHoldSeconds == 4);
    CHECK(c.maxVolume == Approx(0.7));
    CHECK(c.defaults.textScale == 1.5);
    CHECK(c.defaults.controlsScale == 1.25);
    CHECK(c.defaults.theme == la::ui::ThemeId::HighContrast);
    CHECK(c.defaults.speed == Approx(0.9));
    CHECK(c.defaults.volume == Approx(0.4));
}

TEST_CASE("The example kiosk config shipped in assets lists every key with its default") {
    auto r = loadKioskConfig(fs::path(LA_SOURCE_DIR) / "assets" / "kiosk" / "kiosk.example.json");
    CHECK(r.config == lockedDefaults());
    // Only the no-PIN warning: no unknown keys, nothing out of range.
    REQUIRE(r.warnings.size() == 1);
    CHECK(r.warnings[0].find(kNoPinWarning) != std::string::npos);
    std::string text = readText(fs::path(LA_SOURCE_DIR) / "assets" / "kiosk" / "kiosk.example.json");
    for (const char* key : {"idleResetSeconds", "idleResetWhilePlayingMinutes", "countdownSeconds", "allowQuit", "pin",
                            "chordHoldSeconds", "maxVolume", "textSize", "controlsSize", "theme", "speed",
                            "volume", "searchAndCopy", "speech", "speechVoice", "speechRate", "speechVolume",
                            "speechOverEpisode"}) {
        INFO(key);
        CHECK(text.find(std::string("\"") + key + "\"") != std::string::npos);
    }
}

TEST_CASE("Malformed kiosk JSON is reported with file, line and column, and the kiosk still starts") {
    auto r = loadKioskConfig(fixture("syntax_error.json"));
    CHECK(r.config == lockedDefaults());
    REQUIRE_FALSE(r.warnings.empty());
    const std::string name = fixture("syntax_error.json").string();
    INFO(joined(r.warnings));
    CHECK(r.warnings[0].rfind(name + ":4:", 0) == 0);
    CHECK(r.warnings[0].find("syntax error") != std::string::npos);
    CHECK(r.warnings[0].find("safe defaults") != std::string::npos);

    auto inline1 = parseKioskConfig("{\n  \"pin\": \"1234\",,\n}", "k.json");
    REQUIRE_FALSE(inline1.warnings.empty());
    CHECK(inline1.warnings[0].rfind("k.json:2:", 0) == 0);
    CHECK(inline1.config.pin.empty()); // nothing half-read from a broken file

    for (const char* bad : {"", "[1, 2]", "42", "\"kiosk\"", "{\"pin\": \"12"}) {
        INFO(bad);
        auto r2 = parseKioskConfig(bad, "k.json");
        CHECK(r2.config == lockedDefaults());
        CHECK(r2.warnings.size() == 1); // the problem (which already says nobody can quit)
        CHECK(r2.warnings[0].rfind("k.json", 0) == 0);
    }
}

TEST_CASE("Wrong-typed kiosk values are named and replaced by safe values") {
    auto r = loadKioskConfig(fixture("wrong_types.json"));
    const KioskConfig& c = r.config;
    const auto& w = r.warnings;
    INFO(joined(w));
    CHECK(c.idleResetSeconds == 120);
    CHECK(hasWarning(w, {"wrong_types.json", "idleResetSeconds", "should be a number", "\"two minutes\""}));
    CHECK(c.countdownSeconds == 10);
    CHECK(hasWarning(w, {"countdownSeconds", "should be a number"}));
    // Doubt about quitting turns quitting off.
    CHECK_FALSE(c.allowQuit);
    CHECK(hasWarning(w, {"allowQuit", "should be true or false", "quitting turned off"}));
    CHECK(c.pin.empty());
    CHECK(hasWarning(w, {"pin", "string of digits", "4200", "quitting is turned off"}));
    CHECK(c.maxVolume == Approx(0.8));
    CHECK(hasWarning(w, {"maxVolume", "null"}));
    CHECK(c.defaults.theme == la::ui::ThemeId::Light);
    CHECK(hasWarning(w, {"theme", "\"purple\""}));
    // Quitting is off, so there is no no-PIN warning.
    CHECK_FALSE(hasWarning(w, {kNoPinWarning}));
}

TEST_CASE("Out-of-range kiosk values are clamped, with the key in the warning") {
    auto r = loadKioskConfig(fixture("out_of_range.json"));
    const KioskConfig& c = r.config;
    const auto& w = r.warnings;
    INFO(joined(w));
    CHECK(c.idleResetSeconds == kIdleResetSecondsRange.min);
    CHECK(hasWarning(w, {"out_of_range.json", "idleResetSeconds 5", "using 30"}));
    CHECK(c.idleResetWhilePlayingMinutes == kIdleResetWhilePlayingMinutesRange.max);
    CHECK(hasWarning(w, {"idleResetWhilePlayingMinutes 10000"}));
    CHECK(c.countdownSeconds == kCountdownSecondsRange.min);
    CHECK(hasWarning(w, {"countdownSeconds 0"}));
    CHECK(c.chordHoldSeconds == kChordHoldSecondsRange.max);
    CHECK(hasWarning(w, {"chordHoldSeconds 60"}));
    CHECK(c.maxVolume == 1.0);
    CHECK(hasWarning(w, {"maxVolume 1.5"}));
    CHECK(c.defaults.textScale == kTextScaleRange.max);
    CHECK(hasWarning(w, {"textSize 9"}));
    CHECK(c.defaults.controlsScale == kControlsScaleRange.min);
    CHECK(hasWarning(w, {"controlsSize 0.1"}));
    CHECK(c.defaults.speed == kSpeedRange.max);
    CHECK(hasWarning(w, {"speed 7"}));
    CHECK(c.pin == "2468");
    CHECK(c.allowQuit);
}

TEST_CASE("The starting volume never exceeds maxVolume") {
    auto r = parseKioskConfig(R"({"maxVolume": 0.3, "volume": 0.9, "pin": "1234"})", "k.json");
    CHECK(r.config.maxVolume == Approx(0.3));
    CHECK(r.config.defaults.volume == Approx(0.3));
    CHECK(hasWarning(r.warnings, {"k.json", "volume 0.9", "maxVolume 0.3"}));

    CHECK(limitVolume(r.config, 1.0) == Approx(0.3));
    CHECK(limitVolume(r.config, 0.2) == Approx(0.2));
    CHECK(limitVolume(r.config, -1.0) == 0.0);
    CHECK(limitVolume(r.config, std::nan("")) == 0.0);
    CHECK(kioskVisitorStart(r.config).volume == Approx(0.3));

    // Even a config that skipped sanitize() cannot lift the ceiling above 1.
    KioskConfig raw;
    raw.maxVolume = 7;
    CHECK(limitVolume(raw, 5) == 1.0);
}

TEST_CASE("A PIN must be 4 to 12 digits - anything else turns quitting off") {
    struct Row { const char* pin; bool valid; };
    for (Row row : {Row{"1234", true}, Row{"000000000000", true}, Row{"123", false}, Row{"1234567890123", false},
                    Row{"12a4", false}, Row{" 1234", false}, Row{"١٢٣٤", false}}) {
        INFO(row.pin);
        KioskConfig c;
        c.pin = row.pin;
        auto warnings = sanitize(c);
        CHECK(c.allowQuit == row.valid);
        CHECK(c.pin == (row.valid ? std::string(row.pin) : std::string()));
        CHECK(warnings.size() == (row.valid ? 0u : 1u));
        if (!row.valid) CHECK(hasWarning(warnings, {"pin should be 4-12 digits", "quitting is turned off"}));
    }
    KioskConfig off;
    off.allowQuit = false;
    CHECK(sanitize(off).empty()); // quitting off: no PIN needed, no warning
}

TEST_CASE("Unknown kiosk keys are reported by name (likely typos)") {
    auto r = parseKioskConfig(R"({"idleResetSecs": 60, "pin": "1234", "version": 1})", "k.json");
    CHECK(r.config.idleResetSeconds == 120);
    REQUIRE(r.warnings.size() == 1);
    CHECK(r.warnings[0] == "k.json: unknown key \"idleResetSecs\" is ignored");
}

TEST_CASE("showChapters, which no view ever read, is now an unknown kiosk key") {
    auto r = parseKioskConfig(R"({"showChapters": false, "pin": "1234"})", "k.json");
    CHECK(r.config.pin == "1234");
    REQUIRE(r.warnings.size() == 1);
    CHECK(r.warnings[0] == "k.json: unknown key \"showChapters\" is ignored");
}

TEST_CASE("NaN-like and huge numbers never reach the kiosk") {
    KioskConfig c;
    c.idleResetSeconds = std::nan("");
    c.maxVolume = std::numeric_limits<double>::infinity();
    c.defaults.speed = -std::numeric_limits<double>::infinity();
    c.pin = "1234";
    auto warnings = sanitize(c);
    CHECK(c.idleResetSeconds == 120);
    CHECK(c.maxVolume == Approx(0.8));
    CHECK(c.defaults.speed == 1.0);
    CHECK(warnings.size() == 3);

    auto r = parseKioskConfig(R"({"idleResetSeconds": 1e999})", "k.json");
    CHECK(r.config.idleResetSeconds == 120);
    CHECK(r.warnings.size() >= 1);
}

TEST_CASE("The kiosk section of settings.json is read - other settings keys are not kiosk keys") {
    auto r = loadKioskSection(fixture("settings_with_kiosk.json"));
    INFO(joined(r.warnings));
    CHECK(r.config.idleResetSeconds == 60);
    CHECK(r.config.pin == "97531");
    CHECK(r.config.maxVolume == Approx(0.6));
    CHECK(r.config.defaults.volume == Approx(0.6));
    CHECK(r.config.defaults.speed == 1.0); // settings.json's own speed is the desktop user's, not the kiosk's
    REQUIRE(r.warnings.size() == 1);
    CHECK(hasWarning(r.warnings, {"settings_with_kiosk.json: kiosk: volume 0.75 is above maxVolume 0.6"}));

    auto none = parseKioskSection(R"({"version": 1, "speed": 1.5})", "settings.json");
    CHECK(none.config == lockedDefaults());
    CHECK(none.warnings.size() == 1); // no-PIN only

    auto notObject = parseKioskSection(R"({"kiosk": [1]})", "settings.json");
    CHECK(notObject.config == lockedDefaults());
    CHECK(hasWarning(notObject.warnings, {"settings.json: kiosk should be a JSON object", "safe defaults"}));

    auto broken = parseKioskSection("{\n\"kiosk\": {\n", "settings.json");
    CHECK(hasWarning(broken.warnings, {"settings.json:3:"}));
}

TEST_CASE("Missing kiosk files: locked defaults, and a warning naming the file") {
    fs::path missing = fs::path(LA_TEST_DATA) / "kiosk" / "does-not-exist.json";
    auto r = loadKioskConfig(missing);
    CHECK_FALSE(r.config.allowQuit);
    CHECK(r.unusable);
    CHECK(hasWarning(r.warnings, {missing.string(), "file not found", "safe defaults", "nobody can quit"}));

    auto s = loadKioskSection(missing);
    CHECK_FALSE(s.config.allowQuit);
    CHECK(hasWarning(s.warnings, {missing.string(), "nobody can quit"}));

    auto dir = loadKioskConfig(fs::path(LA_TEST_DATA) / "kiosk");
    CHECK_FALSE(dir.config.allowQuit);
    CHECK(hasWarning(dir.warnings, {"is a directory"}));
}

// Issue #10 item 9: whatever is wrong with the config, nobody can quit without a PIN.
TEST_CASE("Every broken kiosk config gives the locked policy: quitting off") {
    const std::string valid = R"({"allowQuit": true, "pin": "2468", "idleResetSeconds": 60})";
    REQUIRE(parseKioskConfig(valid, "k.json").config.allowQuit); // the baseline can quit

    struct Case {
        const char* what;
        std::string text;
    };
    const Case cases[] = {
        {"a JSON syntax error", R"({"allowQuit": true "pin": "2468"})"},
        {"truncated", valid.substr(0, valid.size() / 2)},
        {"truncated to nothing", ""},
        {"an array, not an object", "[1, 2]"},
        {"allowQuit not a boolean", R"({"allowQuit": "yes", "pin": "2468"})"},
        {"pin not a string", R"({"allowQuit": true, "pin": 2468})"},
        {"pin too short", R"({"allowQuit": true, "pin": "12"})"},
        {"allowQuit without a pin", R"({"allowQuit": true})"},
        {"no keys at all", "{}"},
    };
    for (const Case& c : cases) {
        INFO(c.what);
        KioskConfigResult r = parseKioskConfig(c.text, "k.json");
        CHECK_FALSE(r.config.allowQuit); // a pin may remain; with allowQuit false it opens nothing
        CHECK_FALSE(r.warnings.empty());
        // The same text as the "kiosk" section of a settings.json.
        KioskConfigResult s = parseKioskSection("{\"kiosk\": " + c.text + "}", "settings.json");
        CHECK_FALSE(s.config.allowQuit);
        CHECK_FALSE(s.warnings.empty());
    }
    // A settings.json cut short by a full disk or a power cut.
    const std::string settings = "{\"theme\": \"dark\", \"kiosk\": " + valid + "}";
    REQUIRE(parseKioskSection(settings, "settings.json").config.allowQuit);
    for (size_t cut : {settings.size() - 1, settings.size() / 2, size_t(1)}) {
        KioskConfigResult r = parseKioskSection(settings.substr(0, cut), "settings.json");
        INFO(settings.substr(0, cut));
        CHECK_FALSE(r.config.allowQuit);
        CHECK(r.unusable);
        CHECK(hasWarning(r.warnings, {"settings.json:", "nobody can quit"}));
    }
}

TEST_CASE("An unreadable kiosk config (no permission, a FIFO) is locked too, and never blocks") {
    char tmpl[] = "/tmp/la-kiosk-XXXXXX";
    REQUIRE(mkdtemp(tmpl));
    const fs::path dir = tmpl;
    const fs::path fifo = dir / "kiosk.json";
    REQUIRE(mkfifo(fifo.c_str(), 0600) == 0);
    auto r = loadKioskConfig(fifo); // would block in open() without O_NONBLOCK
    CHECK_FALSE(r.config.allowQuit);
    CHECK(hasWarning(r.warnings, {fifo.string(), "not a regular file (a FIFO)"}));
    fs::remove(fifo);
    if (geteuid() != 0) { // root reads anything
        const fs::path secret = dir / "secret.json";
        std::ofstream(secret) << R"({"pin": "2468"})";
        fs::permissions(secret, fs::perms::none);
        auto u = loadKioskConfig(secret);
        CHECK_FALSE(u.config.allowQuit);
        CHECK(hasWarning(u.warnings, {"Permission denied"}));
    }
    fs::remove_all(dir);
}

TEST_CASE("kioskVisitorStart gives a new person the kiosk defaults, unmuted") {
    KioskConfig c;
    c.defaults.textScale = 2.0;
    c.defaults.controlsScale = 1.5;
    c.defaults.theme = la::ui::ThemeId::Dark;
    c.defaults.speed = 0.75;
    c.defaults.volume = 0.6;
    c.defaults.muted = true; // not a config key: whatever it holds, a new person starts unmuted
    Preferences s = kioskVisitorStart(c);
    CHECK(s.textScale == 2.0);
    CHECK(s.controlsScale == 1.5);
    CHECK(s.theme == la::ui::ThemeId::Dark);
    CHECK(s.speed == 0.75);
    CHECK(s.volume == Approx(0.6));
    CHECK_FALSE(s.muted);
}

// ---- speech (issue #14) -----------------------------------------------------

TEST_CASE("A kiosk config without speech keys speaks, with the default voice, rate and volume") {
    auto r = parseKioskConfig(R"({"pin": "1234"})", "k.json");
    INFO(joined(r.warnings));
    CHECK(r.warnings.empty());
    const Preferences& d = r.config.defaults;
    CHECK(d.speech); // a kiosk has no screen reader: it speaks for itself
    CHECK(d.speechVoice == "en-us");
    CHECK(d.speechRate == 150);
    CHECK(d.speechVolume == 1.0);
    CHECK(d.speechOverEpisode == SpeechOverEpisode::Duck);
    CHECK(kioskVisitorStart(r.config).speech);
}

TEST_CASE("\"speech\": false turns the kiosk's speech off, and every speech key is read") {
    auto off = parseKioskConfig(R"({"speech": false, "pin": "1234"})", "k.json");
    INFO(joined(off.warnings));
    CHECK(off.warnings.empty());
    CHECK_FALSE(off.config.defaults.speech);
    CHECK_FALSE(kioskVisitorStart(off.config).speech);

    auto all = parseKioskConfig(R"({"speech": true, "speechVoice": "en-gb", "speechRate": 200, "speechVolume": 0.6,
                                    "speechOverEpisode": "pause", "pin": "1234"})",
                                "k.json");
    INFO(joined(all.warnings));
    CHECK(all.warnings.empty()); // known keys: no "unknown key" warning
    const Preferences& d = all.config.defaults;
    CHECK(d.speech);
    CHECK(d.speechVoice == "en-gb");
    CHECK(d.speechRate == 200);
    CHECK(d.speechVolume == Approx(0.6));
    CHECK(d.speechOverEpisode == SpeechOverEpisode::Pause);
}

TEST_CASE("Bad kiosk speech values are named and replaced, and speech stays on") {
    auto r = parseKioskConfig(R"({"speech": "on", "speechVoice": "", "speechRate": 20, "speechVolume": 3,
                                  "speechOverEpisode": "loud", "pin": "1234"})",
                              "k.json");
    const auto& w = r.warnings;
    INFO(joined(w));
    const Preferences& d = r.config.defaults;
    CHECK(d.speech);
    CHECK(hasWarning(w, {"k.json: speech should be true or false, not \"on\"; using the default true"}));
    CHECK(d.speechVoice == "en-us");
    CHECK(hasWarning(w, {"k.json: speechVoice is empty; using en-us"}));
    CHECK(d.speechRate == 80);
    CHECK(hasWarning(w, {"k.json: speechRate 20", "using 80"}));
    CHECK(d.speechVolume == 1.0);
    CHECK(hasWarning(w, {"k.json: speechVolume 3", "using 1"}));
    CHECK(d.speechOverEpisode == SpeechOverEpisode::Duck);
    CHECK(hasWarning(w, {"k.json: speechOverEpisode should be \"duck\" or \"pause\", not \"loud\"; using duck"}));
    CHECK(w.size() == 5);

    auto wrongType = parseKioskConfig(R"({"speechVoice": ["en"], "pin": "1234"})", "k.json");
    CHECK(wrongType.config.defaults.speechVoice == "en-us");
    CHECK(hasWarning(wrongType.warnings, {"speechVoice should be a string in quotes, not [\"en\"]; using the default \"en-us\""}));
}
