// The real player, killed the ways a session really ends (issue #10 item 5),
// and reopened: SIGKILL mid-play loses at most the few seconds since the last
// periodic save; SIGHUP (terminal closed) saves exactly and exits 0; opening
// and closing five times without playing leaves the position where it was
// (item 6); losing the X server bounds the loss the same way; --settings at
// a sound file leaves it alone (item 4). Runs under Xvfb with SDL's "disk"
// audio driver, which plays in real time.
#include "support/ogg_fixture.h"
#include "support/test_files.h"

#include "player/episode_identity.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <chrono>
#include <csignal>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <thread>

#include <spawn.h>
#include <sys/wait.h>

extern char** environ;

using namespace la;
using nlohmann::json;

namespace {

/// Starts the player with `args` (shell words) and returns its pid.
/// display: an X display for this run only, or empty for $DISPLAY.
pid_t startPlayer(const test::TempDir& dir, const std::string& args, const std::string& display = "") {
    REQUIRE(std::getenv("DISPLAY") != nullptr); // scripts/test.sh runs the suite under xvfb-run
    std::string cmd = (display.empty() ? "" : "DISPLAY='" + display + "' ") + "XDG_CONFIG_HOME='" + dir.file("config") + "' SDL_AUDIODRIVER=disk SDL_DISKAUDIOFILE='" +
                      dir.file("out.raw") + "' exec '" LA_PLAYER_EXE "' " + args + " 2>>'" + dir.file("stderr.txt") +
                      "' >/dev/null";
    const char* argv[] = {"/bin/sh", "-c", cmd.c_str(), nullptr};
    pid_t pid = 0;
    REQUIRE(::posix_spawn(&pid, "/bin/sh", nullptr, nullptr, const_cast<char**>(argv), environ) == 0);
    return pid;
}

/// Waits for the process; its exit status, or 128 + signal.
int waitFor(pid_t pid) {
    int status = 0;
    REQUIRE(::waitpid(pid, &status, 0) == pid);
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

int runPlayer(const test::TempDir& dir, const std::string& args) { return waitFor(startPlayer(dir, args)); }

void sleepSeconds(double s) { std::this_thread::sleep_for(std::chrono::duration<double>(s)); }

json readJson(const std::string& path) { return json::parse(test::readFileBytes(path)); }

double savedSeconds(const std::string& settings, const std::string& episode) {
    return readJson(settings).at("positions").at(player::episodeIdentityKey(episode)).at("seconds").get<double>();
}

/// Nothing is saved before 5 s of playback; waits for that first save (the
/// start-up time varies) and returns the seconds it took.
double waitForFirstSave(const std::string& settings) {
    auto started = std::chrono::steady_clock::now();
    while (!std::filesystem::exists(settings) && std::chrono::steady_clock::now() - started < std::chrono::seconds(30))
        sleepSeconds(0.05);
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
}

double statePosition(const std::string& stateFile) { return readJson(stateFile).at("position").get<double>(); }

} // namespace

TEST_CASE("Killed with SIGKILL mid-play, the player resumes within a few seconds of where it was") {
    test::TempDir dir;
    std::string ogg = test::writeSignalOgg(dir, 8000, 60.0, "episode.ogg");
    std::string settings = dir.file("settings.json"), state = dir.file("state.json");
    pid_t pid = startPlayer(dir, "--settings '" + settings + "' --start 20 --play '" + ogg + "'");
    double firstSaveAfter = waitForFirstSave(settings);
    sleepSeconds(3.0);
    ::kill(pid, SIGKILL);
    REQUIRE(waitFor(pid) == 128 + SIGKILL);
    INFO(test::readFileBytes(dir.file("stderr.txt")));
    CHECK(firstSaveAfter >= 4.9); // not earlier than 5 s of playback: the disk is not written needlessly
    // Saved after 5 s of playback from 20 s; killed about 3 s later, before the next save.
    double saved = savedSeconds(settings, ogg);
    CHECK(saved >= 23.5); // the audio clock may lag the playing flag by a moment under load
    CHECK(saved <= 26.0);

    REQUIRE(runPlayer(dir, "--settings '" + settings + "' --frames 2 --state-file '" + state + "' '" + ogg + "'") == 0);
    CHECK(statePosition(state) == Approx(saved - 5.0).margin(0.01));
}

TEST_CASE("SIGHUP (the terminal closed) saves the exact position and exits 0") {
    test::TempDir dir;
    std::string ogg = test::writeSignalOgg(dir, 8000, 60.0, "episode.ogg");
    std::string settings = dir.file("settings.json"), state = dir.file("state.json");
    pid_t pid = startPlayer(dir, "--settings '" + settings + "' --play --state-file '" + state + "' '" + ogg + "'");
    sleepSeconds(3.0);
    ::kill(pid, SIGHUP);
    int code = waitFor(pid);
    INFO(test::readFileBytes(dir.file("stderr.txt")));
    REQUIRE(code == 0);
    double where = statePosition(state);
    CHECK(where > 1.0);
    CHECK(savedSeconds(settings, ogg) == where); // exactly: the same reading of the clock
}

TEST_CASE("Opening and closing five times without playing keeps the saved position") {
    test::TempDir dir;
    std::string ogg = test::writeSignalOgg(dir, 8000, 60.0, "episode.ogg");
    std::string settings = dir.file("settings.json"), state = dir.file("state.json");
    json j = {{"version", 1}, {"positions", {{player::episodeIdentityKey(ogg), {{"seconds", 40.5}, {"rewind", true}}}}}};
    std::ofstream(settings) << j.dump(2);
    for (int i = 0; i < 5; ++i) {
        INFO("open/close " << i + 1);
        REQUIRE(runPlayer(dir, "--settings '" + settings + "' --frames 2 --state-file '" + state + "' '" + ogg + "'") == 0);
        CHECK(statePosition(state) == Approx(35.5));
        CHECK(savedSeconds(settings, ogg) == 40.5);
    }
}

TEST_CASE("Losing the X connection mid-play (logout) loses at most the last few seconds") {
    // A private X server that the test can pull away, as a logout does.
    test::TempDir dir;
    std::string ogg = test::writeSignalOgg(dir, 8000, 60.0, "episode.ogg");
    std::string settings = dir.file("settings.json");
    std::string displayFile = dir.file("display.txt");
    std::string xcmd = "exec Xvfb -displayfd 1 -screen 0 1280x800x24 -nolisten tcp >'" + displayFile + "' 2>/dev/null";
    const char* xargv[] = {"/bin/sh", "-c", xcmd.c_str(), nullptr};
    pid_t xvfb = 0;
    REQUIRE(::posix_spawn(&xvfb, "/bin/sh", nullptr, nullptr, const_cast<char**>(xargv), environ) == 0);
    std::string display;
    for (int i = 0; i < 100 && display.empty(); ++i) {
        sleepSeconds(0.1);
        std::ifstream in(displayFile);
        std::getline(in, display);
    }
    REQUIRE_FALSE(display.empty());
    pid_t pid = startPlayer(dir, "--settings '" + settings + "' --start 20 --play '" + ogg + "'", ":" + display);
    waitForFirstSave(settings);
    sleepSeconds(3.0);
    ::kill(xvfb, SIGKILL);
    waitFor(xvfb);
    int code = waitFor(pid); // Xlib ends the program on a lost connection
    INFO("exit " << code << ": " << test::readFileBytes(dir.file("stderr.txt")));
    // Saved after 5 s of playback from 20 s; the last 3 s are what a logout costs.
    double saved = savedSeconds(settings, ogg);
    CHECK(saved >= 23.5); // the audio clock may lag the playing flag by a moment under load
    CHECK(saved <= 26.0);
}

TEST_CASE("A sound file given as --settings is left untouched and the player runs with defaults") {
    // Issue #10 item 4: song.wav became song.wav.bad and JSON took its place.
    test::TempDir dir;
    std::string ogg = test::writeSignalOgg(dir, 8000, 10.0, "episode.ogg");
    std::string song = test::writeSignalOgg(dir, 8000, 1.0, "song.ogg");
    const std::string before = test::readFileBytes(song);
    REQUIRE(runPlayer(dir, "--settings '" + song + "' --play --frames 5 '" + ogg + "'") == 0);
    CHECK(test::readFileBytes(song) == before);
    CHECK_FALSE(std::filesystem::exists(song + ".bad"));
    std::string err = test::readFileBytes(dir.file("stderr.txt"));
    CHECK_THAT(err, Catch::Contains(song + ": is not a settings file"));
    CHECK_THAT(err, Catch::Contains("not saving settings over it"));
}
