// Saved listening positions (issue #10 items 6 and 7): opening and closing an
// episode without playing never moves its resume point; a played session
// steps back 5 s once; every file has its own position even when two share a
// name; old name-only keys still resume; the list stays bounded. And the save
// schedule that bounds what a kill can lose. Real Ogg files and real
// settings.json files on disk.
#include "support/ogg_fixture.h"

#include "player/episode_identity.h"
#include "player/resume_tracker.h"
#include "player/save_schedule.h"
#include "player/config/settings_store.h"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <limits>
#include <optional>

using namespace la;
using namespace la::player;
namespace fs = std::filesystem;

namespace {

constexpr double kDuration = 600; // what the player would pass for a 10-minute episode

/// One run of the player, as player_app.cpp does it: load, open, (play),
/// record at exit, save only when something changed. Returns where it started.
double session(const SettingsStore& store, const fs::path& episode, std::optional<double> playTo,
               std::optional<double> seekTo = std::nullopt) {
    Settings s = store.load().settings;
    ResumeTracker tracker;
    double start = tracker.open(s, episode, kDuration);
    double position = start;
    if (seekTo) position = *seekTo;
    if (playTo) {
        tracker.notePlaying();
        position = *playTo;
    }
    std::string error;
    if (tracker.record(s, position, 1000)) REQUIRE(store.save(s, error));
    return start;
}

double savedSeconds(const SettingsStore& store, const std::string& key) {
    return store.load().settings.positions.at(key).seconds;
}

} // namespace

TEST_CASE("opening and closing an episode without playing never moves its position", "[resume]") {
    test::TempDir dir;
    std::string ogg = test::writeSignalOgg(dir, 8000, 1.0, "episode.ogg");
    SettingsStore store(dir.path / "settings.json");
    Settings s;
    rememberPosition(s, episodeIdentityKey(ogg), 200.5, true, 1);
    std::string error;
    REQUIRE(store.save(s, error));
    for (int i = 0; i < 5; ++i) {
        INFO("open/close " << i + 1);
        CHECK(session(store, ogg, std::nullopt) == Approx(195.5));
        CHECK(savedSeconds(store, episodeIdentityKey(ogg)) == 200.5);
    }
}

TEST_CASE("a played session steps back 5 s at the next open, once", "[resume]") {
    test::TempDir dir;
    std::string ogg = test::writeSignalOgg(dir, 8000, 1.0, "episode.ogg");
    SettingsStore store(dir.path / "settings.json");
    CHECK(session(store, ogg, 230.0) == 0.0); // first listen, stopped at 230 s
    CHECK(savedSeconds(store, episodeIdentityKey(ogg)) == 230.0);
    CHECK(session(store, ogg, std::nullopt) == Approx(225.0));
    CHECK(session(store, ogg, std::nullopt) == Approx(225.0)); // not 220
    CHECK(session(store, ogg, 300.0) == Approx(225.0));        // listened on to 300 s
    CHECK(session(store, ogg, std::nullopt) == Approx(295.0));
}

TEST_CASE("a position moved without playing resumes exactly there", "[resume]") {
    test::TempDir dir;
    std::string ogg = test::writeSignalOgg(dir, 8000, 1.0, "episode.ogg");
    SettingsStore store(dir.path / "settings.json");
    session(store, ogg, std::nullopt, 120.0); // seek to 2:00 while paused, close
    CHECK(store.load().settings.positions.at(episodeIdentityKey(ogg)).rewind == false);
    CHECK(session(store, ogg, std::nullopt) == Approx(120.0));
}

TEST_CASE("two episode.ogg files in two folders keep separate positions", "[resume]") {
    test::TempDir dir;
    fs::create_directories(dir.path / "show-a");
    fs::create_directories(dir.path / "show-b");
    auto signal = test::makeSignal(8000, 1.0);
    std::string a = (dir.path / "show-a" / "episode.ogg").string(), b = (dir.path / "show-b" / "episode.ogg").string();
    test::writeOgg(a, signal, 8000, 1, "Show A");
    test::writeOgg(b, signal, 8000, 1, "Show B, a different episode");
    CHECK(episodeIdentityKey(a) != episodeIdentityKey(b));
    CHECK(episodeIdentityKey(a).rfind("episode.ogg#", 0) == 0);
    SettingsStore store(dir.path / "settings.json");
    session(store, a, 100.0);
    session(store, b, 400.0);
    CHECK(session(store, a, std::nullopt) == Approx(95.0));
    CHECK(session(store, b, std::nullopt) == Approx(395.0));

    // The same file in a moved folder is still the same episode.
    fs::rename(dir.path / "show-a", dir.path / "moved-a");
    CHECK(session(store, dir.path / "moved-a" / "episode.ogg", std::nullopt) == Approx(95.0));
}

TEST_CASE("an old name-only position is used until the file has its own, then replaced", "[resume]") {
    test::TempDir dir;
    std::string ogg = test::writeSignalOgg(dir, 8000, 1.0, "episode.ogg");
    SettingsStore store(dir.path / "settings.json");
    {
        std::ofstream f(store.file());
        f << R"({ "version": 1, "positions": { "episode.ogg": 312.5, "other.ogg": 20 } })";
    }
    CHECK(session(store, ogg, std::nullopt) == Approx(307.5)); // read as before, nothing written
    CHECK(store.load().settings.positions.count("episode.ogg") == 1);
    CHECK(session(store, ogg, 330.0) == Approx(307.5));
    auto positions = store.load().settings.positions;
    CHECK(positions.count("episode.ogg") == 0); // it may belong to another episode.ogg: gone
    CHECK(positions.at(episodeIdentityKey(ogg)).seconds == 330.0);
    CHECK(positions.at("other.ogg").seconds == 20.0); // other entries are kept
}

TEST_CASE("only the most recently saved positions are kept", "[resume]") {
    Settings s;
    for (std::int64_t i = 0; i < std::int64_t(kMaxSavedPositions) + 50; ++i)
        rememberPosition(s, "ep" + std::to_string(i), 10.0, true, 1000 + i);
    CHECK(s.positions.size() == kMaxSavedPositions);
    CHECK(s.positions.count("ep0") == 0);
    CHECK(s.positions.count("ep49") == 0);
    CHECK(s.positions.count("ep50") == 1);
    CHECK(s.positions.count("ep249") == 1);
}

TEST_CASE("save schedule: every 5 s of playback, at once on stop, 1 s after a burst of changes", "[resume]") {
    SaveSchedule sch;
    CHECK_FALSE(sch.due(0));
    CHECK(sch.secondsUntilDue(0) == std::numeric_limits<double>::infinity()); // idle: never wakes up to save

    sch.notePlaying(10, true);
    CHECK_FALSE(sch.due(14.9));
    CHECK(sch.due(15.0));
    sch.saved(15.0);
    CHECK(sch.secondsUntilDue(16) == Approx(4.0));
    sch.notePlaying(17, false); // pause: now
    CHECK(sch.due(17));
    sch.saved(17);
    CHECK_FALSE(sch.due(100)); // paused: nothing more

    // A slider drag: 60 changes a second for 2 s, then one save 1 s after the last.
    int saves = 0;
    for (double t = 200; t < 204; t += 1.0 / 60) {
        if (t < 202) sch.noteChange(t);
        if (sch.due(t)) {
            ++saves;
            sch.saved(t);
        }
    }
    CHECK(saves == 1);

    // A long pause is not playback time: no save the moment play resumes.
    sch.notePlaying(500, true);
    CHECK_FALSE(sch.due(500));
    CHECK(sch.due(505));
}
