// Settings: defaults, ranges and clamping (settings.h), and the JSON file
// (settings_store.h): round trip, bad files moved aside, atomic saves. Uses
// real files in a fresh temp folder per test; fixtures in tests/data/settings/.

#include "player/config/settings.h"
#include "player/config/settings_store.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <chrono>
#include <cmath>
#include <csignal>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <limits>
#include <sstream>

#include <sys/resource.h>
#include <unistd.h>

namespace fs = std::filesystem;
using namespace la::player;

namespace {

/// A fresh folder under the system temp dir, removed at the end of the test.
struct TempDir {
    fs::path path;
    TempDir() {
        std::string pattern = (fs::temp_directory_path() / "la-settings-XXXXXX").string();
        REQUIRE(::mkdtemp(pattern.data()) != nullptr);
        path = pattern;
    }
    ~TempDir() {
        std::error_code ec;
        fs::permissions(path, fs::perms::owner_all, fs::perm_options::add, ec);
        fs::remove_all(path, ec);
    }
};

fs::path fixture(const std::string& name) { return fs::path(LA_TEST_DATA) / "settings" / name; }

std::string readText(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

void writeText(const fs::path& p, const std::string& text) {
    std::ofstream out(p, std::ios::binary);
    out << text;
}

/// Copies a fixture into dir as settings.json (load() may move it aside).
SettingsStore storeWithFixture(const TempDir& dir, const std::string& name) {
    fs::copy_file(fixture(name), dir.path / "settings.json");
    return SettingsStore(dir.path / "settings.json");
}

bool anyContains(const std::vector<std::string>& lines, const std::string& needle) {
    for (const auto& l : lines)
        if (l.find(needle) != std::string::npos) return true;
    return false;
}

std::string joined(const std::vector<std::string>& lines) {
    std::string s;
    for (const auto& l : lines) s += l + "\n";
    return s;
}

/// Each position's seconds, to compare with a literal map.
std::map<std::string, double> secondsOf(const std::map<std::string, SavedPosition>& positions) {
    std::map<std::string, double> out;
    for (const auto& [key, p] : positions) out[key] = p.seconds;
    return out;
}

/// A position as a played session saves it (rewind on).
SavedPosition played(double seconds, std::int64_t when = 0) { return SavedPosition{seconds, true, when}; }

size_t tempFilesIn(const fs::path& dir) {
    size_t n = 0;
    for (const auto& e : fs::directory_iterator(dir))
        if (e.path().filename().string().find(".tmp-") != std::string::npos) ++n;
    return n;
}

} // namespace

// ---- settings.h ------------------------------------------------------------

TEST_CASE("Settings defaults are the documented ones and already valid", "[settings]") {
    Settings s;
    CHECK(s.speed == 1.0);
    CHECK(s.textScale == 1.0);
    CHECK(s.controlsScale == 0); // automatic
    CHECK(s.lineSpacing == 1.5);
    CHECK(s.theme == la::ui::ThemeId::Light);
    CHECK(s.volume == 0.8);
    CHECK_FALSE(s.muted);
    CHECK(s.positions.empty());
    CHECK(sanitize(s).empty());
    CHECK(s == Settings{});
}

TEST_CASE("sanitize clamps every numeric field to its range, with a warning each", "[settings]") {
    struct Row {
        const char* field;
        double Settings::*member;
        double tooLow, min, tooHigh, max;
    };
    const Row rows[] = {
        {"speed", &Settings::speed, 0.1, 0.5, 3.5, 3.0},
        {"textSize", &Settings::textScale, 0.5, 1.0, 4.5, 4.0},
        {"controlsSize", &Settings::controlsScale, 0.5, 1.0, 10.0, 2.0},
        {"lineSpacing", &Settings::lineSpacing, 0.9, 1.0, 2.5, 2.0},
        {"volume", &Settings::volume, -0.5, 0.0, 1.5, 1.0},
    };
    for (const auto& row : rows) {
        SECTION(row.field) {
            Settings s;
            s.*row.member = row.tooLow;
            auto w = sanitize(s);
            CHECK(s.*row.member == Approx(row.min));
            REQUIRE(w.size() == 1);
            CHECK(w[0].find(row.field) != std::string::npos);

            s.*row.member = row.tooHigh;
            w = sanitize(s);
            CHECK(s.*row.member == Approx(row.max));
            CHECK(w.size() == 1);

            s.*row.member = std::numeric_limits<double>::quiet_NaN();
            w = sanitize(s);
            CHECK(s.*row.member == Approx(Settings{}.*row.member));
            CHECK(w.size() == 1);

            s.*row.member = std::numeric_limits<double>::infinity();
            sanitize(s);
            CHECK(std::isfinite(s.*row.member));

            s.*row.member = row.min; // the bounds themselves are fine
            CHECK(sanitize(s).empty());
            s.*row.member = row.max;
            CHECK(sanitize(s).empty());
        }
    }
}

TEST_CASE("sanitize snaps speed to the 0.05 grid and fixes theme and positions", "[settings]") {
    Settings s;
    s.speed = 1.03;
    auto w = sanitize(s);
    CHECK(s.speed == Approx(1.05));
    CHECK(anyContains(w, "0.05"));

    s.theme = static_cast<la::ui::ThemeId>(7);
    CHECK(sanitize(s).size() == 1);
    CHECK(s.theme == la::ui::ThemeId::Light);

    s.positions = {{"ok.ogg", played(12.0)}, {"neg.ogg", played(-1.0)}, {"", played(3.0)},
                   {"nan.ogg", played(std::numeric_limits<double>::quiet_NaN())}};
    w = sanitize(s);
    CHECK(w.size() == 3);
    CHECK(secondsOf(s.positions) == std::map<std::string, double>{{"ok.ogg", 12.0}});
}

TEST_CASE("theme names round-trip", "[settings]") {
    for (auto t : {la::ui::ThemeId::Light, la::ui::ThemeId::Dark, la::ui::ThemeId::HighContrast})
        CHECK(themeFromName(themeName(t)) == t);
    CHECK(themeName(la::ui::ThemeId::HighContrast) == "high-contrast");
    CHECK_FALSE(themeFromName("Dark").has_value());
    CHECK_FALSE(themeFromName("").has_value());
}

TEST_CASE("text size presets step through 100..400 %", "[settings]") {
    CHECK(nextTextScalePreset(1.0) == 1.25);
    CHECK(nextTextScalePreset(1.5) == 1.75);
    CHECK(nextTextScalePreset(3.0) == 3.5);
    CHECK(nextTextScalePreset(4.0) == 4.0);    // stays at the top
    CHECK(nextTextScalePreset(1.8) == 2.0);    // between presets: next one up
    CHECK(previousTextScalePreset(4.0) == 3.5);
    CHECK(previousTextScalePreset(1.25) == 1.0);
    CHECK(previousTextScalePreset(1.0) == 1.0); // stays at the bottom
    CHECK(previousTextScalePreset(1.7) == 1.5);
    // Walking up visits every preset exactly once.
    std::vector<double> seen{1.0};
    while (seen.back() < 4.0) seen.push_back(nextTextScalePreset(seen.back()));
    CHECK(seen == std::vector<double>(kTextScalePresets.begin(), kTextScalePresets.end()));
}

TEST_CASE("speed steps by 0.05 or 0.25 on the grid, within 0.5..3.0", "[settings]") {
    CHECK(speedUp(1.0) == Approx(1.05));
    CHECK(speedDown(1.0) == Approx(0.95));
    CHECK(speedUp(1.0, kSpeedCoarseStep) == Approx(1.25));
    CHECK(speedDown(1.0, kSpeedCoarseStep) == Approx(0.75));
    CHECK(speedUp(1.1, kSpeedCoarseStep) == Approx(1.25));   // off-grid: to the next grid point
    CHECK(speedDown(1.1, kSpeedCoarseStep) == Approx(1.0));
    CHECK(speedUp(3.0) == Approx(3.0));
    CHECK(speedUp(2.9, kSpeedCoarseStep) == Approx(3.0));
    CHECK(speedDown(0.5) == Approx(0.5));
    CHECK(speedDown(0.6, kSpeedCoarseStep) == Approx(0.5));
    // Twenty fine steps from 1.0 land exactly on 2.0 (no drift).
    double v = 1.0;
    for (int i = 0; i < 20; ++i) v = speedUp(v);
    CHECK(v == 2.0);
    for (int i = 0; i < 20; ++i) v = speedDown(v);
    CHECK(v == 1.0);
}

TEST_CASE("resume position: 5 s back, never below 0, start over near the end", "[settings]") {
    Settings s;
    CHECK(resumePositionFor(s, "new.ogg", 600) == 0.0);
    rememberPosition(s, "ep.ogg", 312.5, true, 0);
    CHECK(resumePositionFor(s, "ep.ogg", 600) == Approx(307.5));
    CHECK(resumePositionFor(s, "ep.ogg", 0) == Approx(307.5)); // duration unknown
    rememberPosition(s, "ep.ogg", 3.0, true, 0);
    CHECK(resumePositionFor(s, "ep.ogg", 600) == 0.0);
    rememberPosition(s, "ep.ogg", 590.0, true, 0); // exactly 10 s before the end: finished
    CHECK(resumePositionFor(s, "ep.ogg", 600) == 0.0);
    rememberPosition(s, "ep.ogg", 589.0, true, 0);
    CHECK(resumePositionFor(s, "ep.ogg", 600) == Approx(584.0));
    rememberPosition(s, "ep.ogg", -4.0, true, 0); // ignored
    CHECK(s.positions.at("ep.ogg").seconds == 589.0);
}

// ---- settings_store.h: loading ---------------------------------------------

TEST_CASE("missing settings file gives defaults and no warning", "[settings][store]") {
    TempDir dir;
    SettingsStore store(dir.path / "sub" / "settings.json");
    auto r = store.load();
    CHECK(r.settings == Settings{});
    INFO(joined(r.warnings));
    CHECK(r.warnings.empty());
    CHECK(r.movedTo.empty());
}

TEST_CASE("a valid file loads every field", "[settings][store]") {
    TempDir dir;
    auto r = storeWithFixture(dir, "valid.json").load();
    INFO(joined(r.warnings));
    CHECK(r.warnings.empty());
    CHECK(r.settings.speed == 1.25);
    CHECK(r.settings.textScale == 2.5);
    CHECK(r.settings.controlsScale == 1.5);
    CHECK(r.settings.lineSpacing == 1.75);
    CHECK(r.settings.theme == la::ui::ThemeId::HighContrast);
    CHECK(r.settings.volume == 0.5);
    CHECK(r.settings.muted);
    CHECK(secondsOf(r.settings.positions) == std::map<std::string, double>{{"episode-01.ogg", 312.5}, {"episode-02.ogg", 0}});
}

TEST_CASE("malformed JSON: warning with file:line:col, moved to .bad, defaults used", "[settings][store]") {
    TempDir dir;
    SettingsStore store = storeWithFixture(dir, "syntax_error.json");
    const std::string original = readText(store.file());
    auto r = store.load();
    CHECK(r.settings == Settings{});
    CHECK(r.movedTo == store.badFile());
    REQUIRE(r.warnings.size() == 1);
    INFO(r.warnings[0]);
    // '  "volume" 0.4' on line 4: the parser reports the last character it
    // read, the end of the unexpected "0.4" in column 14.
    CHECK(r.warnings[0].rfind(store.file().string() + ":4:14: ", 0) == 0);
    CHECK(r.warnings[0].find("expected ':'") != std::string::npos);
    CHECK(r.warnings[0].find("settings.json.bad") != std::string::npos);
    CHECK_FALSE(fs::exists(store.file()));
    CHECK(readText(store.badFile()) == original); // kept for the user/support to inspect

    // The next load is a quiet first run; a save creates a fresh file.
    CHECK(store.load().warnings.empty());
}

TEST_CASE("damaged settings files are moved aside with a warning naming the file", "[settings][store]") {
    TempDir dir;
    SECTION("a number too large for a double") {
        auto store = storeWithFixture(dir, "number_overflow.json");
        auto r = store.load();
        CHECK(r.movedTo == store.badFile());
        REQUIRE(r.warnings.size() == 1);
        CHECK(r.warnings[0].find(store.file().string()) == 0);
    }
    SECTION("empty file (e.g. left by an older, non-atomic writer)") {
        SettingsStore store(dir.path / "settings.json");
        writeText(store.file(), "");
        auto r = store.load();
        CHECK(r.movedTo == store.badFile());
        CHECK(r.settings == Settings{});
        REQUIRE(r.warnings.size() == 1);
        CHECK(r.warnings[0].find(store.file().string() + ":1:1: ") == 0);
    }
}

TEST_CASE("a path that is not a settings file is never renamed or overwritten", "[settings][store]") {
    // Issue #10 item 4: --settings song.wav renamed song.wav to song.wav.bad.
    TempDir dir;
    fs::path file = dir.path / "song.wav";
    std::string bytes;
    SECTION("a WAV file") {
        bytes = std::string("RIFF\x24\x08\0\0WAVEfmt \x10\0\0\0\x01\0\x01\0\x44\xac\0\0\x88\x58\x01\0\x02\0\x10\0data", 40) +
                std::string(2048, '\0');
    }
    SECTION("binary data") { bytes = std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16); }
    SECTION("plain text") { bytes = "remember to buy milk\n"; }
    SECTION("JSON that is not an object") { bytes = readText(fixture("not_object.json")); }
    writeText(file, bytes);
    SettingsStore store(file);
    auto r = store.load();
    CHECK(r.settings == Settings{});
    CHECK(r.notOurs);
    CHECK(r.movedTo.empty());
    REQUIRE(r.warnings.size() == 1);
    INFO(r.warnings[0]);
    CHECK(r.warnings[0].rfind(file.string() + ": is not a settings file", 0) == 0);
    std::string error;
    Settings changed;
    changed.speed = 2.0;
    CHECK_FALSE(store.save(changed, error));
    CHECK(error.rfind(file.string(), 0) == 0);
    CHECK(error.find("not saving") != std::string::npos);
    CHECK(readText(file) == bytes);
    CHECK_FALSE(fs::exists(store.badFile()));
    CHECK(tempFilesIn(dir.path) == 0);
}

TEST_CASE("a folder at the settings path is reported and left alone", "[settings][store]") {
    TempDir dir;
    SettingsStore store(dir.path / "settings.json");
    fs::create_directory(store.file());
    writeText(store.file() / "inside.txt", "x");
    auto r = store.load();
    CHECK(r.settings == Settings{});
    CHECK(r.notOurs);
    REQUIRE(r.warnings.size() == 1);
    CHECK(r.warnings[0].find("is a directory") != std::string::npos);
    std::string error;
    CHECK_FALSE(store.save(Settings{}, error));
    CHECK(fs::is_directory(store.file()));
    CHECK(readText(store.file() / "inside.txt") == "x");
    CHECK_FALSE(fs::exists(store.badFile()));
}

TEST_CASE("every damaged settings file keeps its own backup", "[settings][store]") {
    // Issue #10 item 4: each new corruption overwrote the previous .bad.
    TempDir dir;
    SettingsStore store(dir.path / "settings.json");
    for (int i = 0; i < 4; ++i) {
        writeText(store.file(), "{ \"speed\": 1." + std::to_string(i) + ",");
        auto r = store.load();
        CHECK(r.movedTo == store.badFile(i));
        CHECK(anyContains(r.warnings, store.badFile(i).string()));
    }
    CHECK(store.badFile(0).filename() == "settings.json.bad");
    CHECK(store.badFile(3).filename() == "settings.json.bad.3");
    for (int i = 0; i < 4; ++i) CHECK(readText(store.badFile(i)) == "{ \"speed\": 1." + std::to_string(i) + ",");

    // A damaged file that appears while the player runs is set aside by save, not overwritten.
    writeText(store.file(), "{ truncated");
    std::string error;
    REQUIRE(store.save(Settings{}, error));
    CHECK(readText(store.badFile(4)) == "{ truncated");
    CHECK(store.load().warnings.empty());
}

TEST_CASE("a symlinked settings file is written through the link", "[settings][store]") {
    // Issue #10 item 8: the link was replaced by a regular file.
    TempDir dir;
    fs::create_directory(dir.path / "dotfiles");
    fs::path target = dir.path / "dotfiles" / "listenalong.json";
    Settings old;
    old.speed = 1.5;
    std::string error;
    REQUIRE(SettingsStore(target).save(old, error));
    fs::create_directory(dir.path / "config");
    fs::create_symlink("../dotfiles/listenalong.json", dir.path / "config" / "settings.json");
    SettingsStore store(dir.path / "config" / "settings.json");
    // A save killed half-way leaves its temporary file beside the target.
    writeText(dir.path / "dotfiles" / "listenalong.json.tmp-k1LLed", "{ \"half");
    fs::last_write_time(dir.path / "dotfiles" / "listenalong.json.tmp-k1LLed",
                        fs::file_time_type::clock::now() - std::chrono::hours(1));
    CHECK(store.load().settings == old);
    CHECK_FALSE(fs::exists(dir.path / "dotfiles" / "listenalong.json.tmp-k1LLed"));
    Settings changed;
    changed.speed = 2.25;
    REQUIRE(store.save(changed, error));
    CHECK(fs::is_symlink(store.file()));
    CHECK(fs::read_symlink(store.file()) == "../dotfiles/listenalong.json");
    CHECK(SettingsStore(target).load().settings.speed == 2.25);
    CHECK(tempFilesIn(dir.path / "config") == 0);
    CHECK(tempFilesIn(dir.path / "dotfiles") == 0);
}

TEST_CASE("orphan temporary files from a killed save are removed at load, and only those", "[settings][store]") {
    // Issue #10 item 8: settings.json.tmp-XXXXXX left by a kill was never cleaned up.
    TempDir dir;
    SettingsStore store(dir.path / "settings.json");
    std::string error;
    REQUIRE(store.save(Settings{}, error));
    const auto hourAgo = fs::file_time_type::clock::now() - std::chrono::hours(1);
    auto make = [&](const std::string& name, bool old) {
        writeText(dir.path / name, "{ \"half\": ");
        if (old) fs::last_write_time(dir.path / name, hourAgo);
    };
    make("settings.json.tmp-a1B2c3", true);  // an orphan: removed
    make("settings.json.tmp-Zz9Yy8", true);  // another orphan: removed
    make("settings.json.tmp-q7W8e9", false); // newer than this process: another player may be writing it
    make("settings.json.tmp-abc", true);     // not our pattern (3 characters)
    make("settings.json.tmp-abc-12", true);  // not our pattern
    make("other.json.tmp-a1B2c3", true);     // another file's
    auto r = store.load();
    CHECK(r.warnings.empty());
    CHECK_FALSE(fs::exists(dir.path / "settings.json.tmp-a1B2c3"));
    CHECK_FALSE(fs::exists(dir.path / "settings.json.tmp-Zz9Yy8"));
    CHECK(fs::exists(dir.path / "settings.json.tmp-q7W8e9"));
    CHECK(fs::exists(dir.path / "settings.json.tmp-abc"));
    CHECK(fs::exists(dir.path / "settings.json.tmp-abc-12"));
    CHECK(fs::exists(dir.path / "other.json.tmp-a1B2c3"));
    CHECK(fs::exists(store.file()));
}

TEST_CASE("wrong-typed values fall back to defaults with a warning each", "[settings][store]") {
    TempDir dir;
    auto store = storeWithFixture(dir, "wrong_types.json");
    auto r = store.load();
    INFO(joined(r.warnings));
    CHECK(r.movedTo.empty()); // the file is valid JSON: only the bad values are dropped
    CHECK(fs::exists(store.file()));
    Settings expected;
    expected.positions = {{"b.ogg", played(42)}};
    CHECK(r.settings == expected);
    CHECK(r.warnings.size() == 8);
    for (const char* field : {"speed", "textSize", "controlsSize", "lineSpacing", "theme", "volume",
                              "muted", "a.ogg"})
        CHECK(anyContains(r.warnings, field));
    for (const auto& w : r.warnings) CHECK(w.find(store.file().string()) == 0);
}

TEST_CASE("out-of-range values are clamped with a warning each", "[settings][store]") {
    TempDir dir;
    auto r = storeWithFixture(dir, "out_of_range.json").load();
    INFO(joined(r.warnings));
    CHECK(r.settings.speed == 3.0);
    CHECK(r.settings.textScale == 1.0);
    CHECK(r.settings.controlsScale == 2.0);
    CHECK(r.settings.lineSpacing == 1.0);
    CHECK(r.settings.volume == 0.0);
    CHECK(secondsOf(r.settings.positions) == std::map<std::string, double>{{"b.ogg", 7}});
    CHECK(r.warnings.size() == 7);
}

TEST_CASE("off-grid speed is snapped and unknown keys are ignored", "[settings][store]") {
    TempDir dir;
    auto r = storeWithFixture(dir, "off_grid_speed.json").load();
    CHECK(r.settings.speed == Approx(1.05));
    CHECK(r.warnings.size() == 1);
}

// ---- settings_store.h: saving ----------------------------------------------

TEST_CASE("save then load gives the same settings", "[settings][store]") {
    TempDir dir;
    SettingsStore store(dir.path / "new" / "folder" / "settings.json"); // folders are created
    Settings s;
    s.speed = 1.75;
    s.textScale = 3.0;
    s.controlsScale = 1.25;
    s.lineSpacing = 2.0;
    s.theme = la::ui::ThemeId::Dark;
    s.volume = 0.35;
    s.muted = true;
    s.positions = {{"ep 1 “quoted” ’.ogg", played(61.25, 1764860000)}, {"b", SavedPosition{0, false, 7}}};
    std::string error;
    REQUIRE(store.save(s, error));
    CHECK(error.empty());
    auto r = store.load();
    CHECK(r.warnings.empty());
    CHECK(r.settings == s);
    CHECK(tempFilesIn(store.file().parent_path()) == 0);
    auto j = nlohmann::json::parse(readText(store.file()));
    CHECK(j.at("version") == 1);
    CHECK(j.at("theme") == "dark");
}

TEST_CASE("save keeps keys it does not own, such as the kiosk section", "[settings][store]") {
    TempDir dir;
    SettingsStore store(dir.path / "settings.json");
    writeText(store.file(), R"({ "speed": 2.0, "kiosk": { "enabled": true, "idleResetSeconds": 120 },
                                  "futureOption": [1, 2] })");
    auto loaded = store.load();
    CHECK(loaded.warnings.empty());
    loaded.settings.speed = 1.5;
    std::string error;
    REQUIRE(store.save(loaded.settings, error));
    auto j = nlohmann::json::parse(readText(store.file()));
    CHECK(j.at("speed") == 1.5);
    CHECK(j.at("kiosk").at("enabled") == true);
    CHECK(j.at("kiosk").at("idleResetSeconds") == 120);
    CHECK(j.at("futureOption") == nlohmann::json::array({1, 2}));
}

TEST_CASE("save writes sanitized values, never what it was handed", "[settings][store]") {
    TempDir dir;
    SettingsStore store(dir.path / "settings.json");
    Settings s;
    s.speed = 99;
    s.volume = std::numeric_limits<double>::quiet_NaN();
    std::string error;
    REQUIRE(store.save(s, error));
    auto r = store.load();
    CHECK(r.warnings.empty());
    CHECK(r.settings.speed == 3.0);
    CHECK(r.settings.volume == 0.8);
}

TEST_CASE("save replaces the old file and leaves no temporary files", "[settings][store]") {
    TempDir dir;
    SettingsStore store(dir.path / "settings.json");
    std::string error;
    Settings s;
    for (int i = 0; i < 5; ++i) {
        s.volume = i / 10.0;
        REQUIRE(store.save(s, error));
    }
    CHECK(store.load().settings.volume == Approx(0.4));
    CHECK(tempFilesIn(dir.path) == 0);
}

TEST_CASE("a failed save leaves the old file intact", "[settings][store]") {
    TempDir dir;
    SettingsStore store(dir.path / "settings.json");
    Settings old;
    old.speed = 1.5;
    std::string error;
    REQUIRE(store.save(old, error));
    const std::string before = readText(store.file());
    Settings changed;
    changed.speed = 2.0;
    changed.positions = {{"a-long-episode-name-to-make-the-file-bigger.ogg", played(1234.5)}};

    SECTION("the folder is read-only") {
        fs::permissions(dir.path, fs::perms::owner_write | fs::perms::group_write | fs::perms::others_write,
                        fs::perm_options::remove);
        // root ignores folder permissions; the disk-full case below covers root.
        bool canStillWrite = ::access(dir.path.c_str(), W_OK) == 0;
        if (canStillWrite) {
            WARN("running as root: read-only folder does not stop writes, skipped");
        } else {
            CHECK_FALSE(store.save(changed, error));
            CHECK(error.find(store.file().string()) == 0);
            CHECK(readText(store.file()) == before);
            CHECK(tempFilesIn(dir.path) == 0);
        }
    }
    SECTION("the disk fills up while writing the temporary file") {
        // RLIMIT_FSIZE applies to root too: writes past 16 bytes fail with EFBIG.
        struct rlimit saved{};
        REQUIRE(::getrlimit(RLIMIT_FSIZE, &saved) == 0);
        auto oldHandler = std::signal(SIGXFSZ, SIG_IGN);
        struct rlimit tiny = saved;
        tiny.rlim_cur = 16;
        REQUIRE(::setrlimit(RLIMIT_FSIZE, &tiny) == 0);
        bool ok = store.save(changed, error);
        ::setrlimit(RLIMIT_FSIZE, &saved);
        std::signal(SIGXFSZ, oldHandler);

        CHECK_FALSE(ok);
        INFO(error);
        CHECK(error.find(store.file().string()) == 0);
        CHECK(error.find("temporary") != std::string::npos);
        CHECK(readText(store.file()) == before);
        CHECK(store.load().settings == old);
        CHECK(tempFilesIn(dir.path) == 0);
    }
    SECTION("the folder cannot be created") {
        writeText(dir.path / "blocker", "x");
        SettingsStore blocked(dir.path / "blocker" / "settings.json");
        CHECK_FALSE(blocked.save(changed, error));
        CHECK(error.find("blocker") != std::string::npos);
        CHECK(readText(dir.path / "blocker") == "x");
    }
}

TEST_CASE("default path follows XDG_CONFIG_HOME, then HOME", "[settings][store]") {
    const char* oldXdg = std::getenv("XDG_CONFIG_HOME");
    const char* oldHome = std::getenv("HOME");
    std::string savedXdg = oldXdg ? oldXdg : "", savedHome = oldHome ? oldHome : "";

    ::setenv("XDG_CONFIG_HOME", "/xdg/conf", 1);
    CHECK(defaultSettingsPath() == fs::path("/xdg/conf/listenalong/settings.json"));
    ::setenv("XDG_CONFIG_HOME", "relative/ignored", 1); // the XDG spec says relative paths are invalid
    ::setenv("HOME", "/home/pat", 1);
    CHECK(defaultSettingsPath() == fs::path("/home/pat/.config/listenalong/settings.json"));
    ::unsetenv("XDG_CONFIG_HOME");
    CHECK(defaultSettingsPath() == fs::path("/home/pat/.config/listenalong/settings.json"));

    if (oldXdg) ::setenv("XDG_CONFIG_HOME", savedXdg.c_str(), 1);
    if (oldHome) ::setenv("HOME", savedHome.c_str(), 1);
    else ::unsetenv("HOME");
}

TEST_CASE("one text size: the words at it, controls slower and capped, never larger than the words", "[settings]") {
    Settings s;
    const std::pair<double, double> automatic[] = {{1.0, 1.0}, {1.5, 1.25}, {2.0, 1.5}, {2.5, 1.75}, {3.0, 1.75}, {4.0, 1.75}};
    for (auto [text, controls] : automatic) {
        s.textScale = text;
        CHECK(controlsScaleFor(s) == Approx(controls));
    }
    s.controlsScale = 2.0; // by hand
    s.textScale = 1.5;
    CHECK(controlsScaleFor(s) == Approx(1.5)); // not above the words
    s.textScale = 4.0;
    CHECK(controlsScaleFor(s) == Approx(2.0));
}

TEST_CASE("text sizes are the offered ones: a value between them goes to the nearest, with a warning", "[settings]") {
    Settings s;
    s.textScale = 3.05; // "305 %"
    auto w = sanitize(s);
    CHECK(s.textScale == 3.0);
    REQUIRE(w.size() == 1);
    CHECK(w[0].find("textSize") != std::string::npos);
    s.textScale = 1.4;
    sanitize(s);
    CHECK(s.textScale == 1.5);
}

TEST_CASE("a file from before one text size reads the larger of its two sizes and drops the old keys", "[settings]") {
    TempDir dir;
    const fs::path file = dir.path / "settings.json";
    SettingsStore store = storeWithFixture(dir, "legacy_text_sizes.json");
    SettingsLoadResult r = store.load();
    CHECK(r.settings.textScale == 2.5);
    CHECK(r.settings.controlsScale == 0);
    CHECK(r.settings.theme == la::ui::ThemeId::Dark);
    std::string error;
    REQUIRE(store.save(r.settings, error));
    const std::string text = readText(file);
    CHECK(text.find("uiTextScale") == std::string::npos);
    CHECK(text.find("transcriptTextScale") == std::string::npos);
    CHECK(text.find("\"textSize\": 2.5") != std::string::npos);
}

// ---- speech preferences (issue #14) ----------------------------------------

TEST_CASE("speech preferences: off by default, and a round trip through JSON keeps every one", "[settings][speech]") {
    Settings defaults;
    CHECK_FALSE(defaults.speech); // "Speak controls": people with a screen reader use Orca
    CHECK(defaults.speechVoice == "en-us");
    CHECK(defaults.speechRate == 150);
    CHECK(defaults.speechVolume == 1.0);
    CHECK(defaults.speechOverEpisode == SpeechOverEpisode::Duck);

    Settings s;
    s.speech = true;
    s.speechVoice = "en-gb-x-rp";
    s.speechRate = 220;
    s.speechVolume = 0.6;
    s.speechOverEpisode = SpeechOverEpisode::Pause;
    const nlohmann::json j = settingsToJson(s);
    CHECK(j.at("speech") == true);
    CHECK(j.at("speechVoice") == "en-gb-x-rp");
    CHECK(j.at("speechRate") == 220);
    CHECK(j.at("speechVolume") == 0.6);
    CHECK(j.at("speechOverEpisode") == "pause");
    std::vector<std::string> warnings;
    CHECK(settingsFromJson(j, "settings.json", warnings) == s);
    INFO(joined(warnings));
    CHECK(warnings.empty());
    CHECK(settingsToJson(defaults).at("speechOverEpisode") == "duck");

    TempDir dir; // and through the file
    SettingsStore store(dir.path / "settings.json");
    std::string error;
    REQUIRE(store.save(s, error));
    auto r = store.load();
    CHECK(r.warnings.empty());
    CHECK(r.settings == s);
}

TEST_CASE("sanitize brings the speech preferences into range, naming each key", "[settings][speech]") {
    Settings s;
    s.speechRate = 20;
    s.speechVolume = 3;
    s.speechVoice = "";
    auto w = sanitize(s);
    INFO(joined(w));
    CHECK(s.speechRate == 80);
    CHECK(s.speechVolume == 1.0);
    CHECK(s.speechVoice == "en-us");
    REQUIRE(w.size() == 3);
    CHECK(anyContains(w, "speechRate 20 is below 80; using 80"));
    CHECK(anyContains(w, "speechVolume 3 is above 1; using 1"));
    CHECK(anyContains(w, "speechVoice is empty; using en-us"));

    s.speechRate = 600;
    s.speechVolume = std::numeric_limits<double>::quiet_NaN();
    w = sanitize(s);
    CHECK(s.speechRate == 450);
    CHECK(s.speechVolume == 1.0);
    CHECK(w.size() == 2);

    s.speechRate = 150.4; // words per minute: a whole number
    w = sanitize(s);
    CHECK(s.speechRate == 150);
    REQUIRE(w.size() == 1);
    CHECK(w[0] == "speechRate 150.4 is not a whole number; using 150");

    for (const std::string& bad : {std::string("en us"), std::string("../../etc/passwd"), std::string("en\n-us"),
                                  std::string(65, 'a')}) {
        INFO(bad);
        s.speechVoice = bad;
        w = sanitize(s);
        CHECK(s.speechVoice == "en-us");
        REQUIRE(w.size() == 1);
        CHECK(w[0].rfind("speechVoice", 0) == 0);
        CHECK(w[0].find('\n') == std::string::npos);
    }
    for (const char* good : {"en-us", "en-gb-x-rp", "en+f3", "mb_en1", "de"}) {
        s.speechVoice = good;
        CHECK(sanitize(s).empty());
        CHECK(s.speechVoice == good);
    }
    s.speechVoice = std::string(64, 'a'); // the longest name allowed
    CHECK(sanitize(s).empty());

    s.speechOverEpisode = static_cast<SpeechOverEpisode>(7);
    CHECK(sanitize(s).size() == 1);
    CHECK(s.speechOverEpisode == SpeechOverEpisode::Duck);
}

TEST_CASE("bad speech values in settings.json fall back with a warning naming the key", "[settings][speech][store]") {
    std::vector<std::string> w;
    Settings s = settingsFromJson(nlohmann::json::parse(R"({"speech": "yes", "speechVoice": 5, "speechRate": 20,
                                                            "speechVolume": 3, "speechOverEpisode": "loud"})"),
                                  "settings.json", w);
    INFO(joined(w));
    CHECK_FALSE(s.speech);
    CHECK(s.speechVoice == "en-us");
    CHECK(s.speechRate == 80);
    CHECK(s.speechVolume == 1.0);
    CHECK(s.speechOverEpisode == SpeechOverEpisode::Duck);
    CHECK(w.size() == 5);
    CHECK(anyContains(w, "settings.json: speech should be true or false, not \"yes\"; using the default"));
    CHECK(anyContains(w, "settings.json: speechVoice should be a string in quotes, not 5; using the default"));
    CHECK(anyContains(w, "settings.json: speechRate 20 is below 80; using 80"));
    CHECK(anyContains(w, "settings.json: speechVolume 3 is above 1; using 1"));
    CHECK(anyContains(w, "settings.json: speechOverEpisode should be \"duck\" or \"pause\", not \"loud\"; using duck"));

    w.clear();
    s = settingsFromJson(nlohmann::json::parse(R"({"speechVoice": "", "speechOverEpisode": "Pause"})"), "settings.json", w);
    CHECK(s.speechVoice == "en-us");
    CHECK(s.speechOverEpisode == SpeechOverEpisode::Duck); // names are lower case, like the themes
    CHECK(anyContains(w, "settings.json: speechVoice is empty; using en-us"));
    CHECK(anyContains(w, "not \"Pause\"; using duck"));
}
