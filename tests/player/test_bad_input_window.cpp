// Issue #10 item 12, through the real binary: a FIFO given as audio or
// transcript never hangs before the window opens, a folder as --article is
// named, a cut-off Ogg is said to end early, and bad --start values are
// explained. Each run is bounded by `timeout`, so a hang fails the test.
#include "support/ogg_fixture.h"
#include "support/test_files.h"

#include <catch2/catch.hpp>

#include <sys/stat.h>

#include <cstdlib>

using namespace la;

namespace {

struct Outcome {
    int status;         ///< exit status; 124: killed by timeout (a hang)
    std::string stderrText;
};

/// Runs the player for a few frames with its own settings folder and no sound device.
Outcome runFrames(const test::TempDir& dir, const std::string& args) {
    REQUIRE(std::getenv("DISPLAY") != nullptr); // the suite runs under xvfb-run
    const std::string log = dir.file("player-stderr.txt");
    const std::string cmd = "timeout 30 env SDL_AUDIODRIVER=dummy XDG_CONFIG_HOME='" + dir.file("cfg") + "' '" +
                            LA_PLAYER_EXE + "' --frames 3 " + args + " >/dev/null 2>'" + log + "'";
    const int raw = std::system(cmd.c_str());
    return {WIFEXITED(raw) ? WEXITSTATUS(raw) : -1, test::readFileBytes(log)};
}

} // namespace

TEST_CASE("A FIFO as audio or transcript gets a message, not a hang") {
    test::TempDir dir;
    const std::string fifo = dir.file("pipe.ogg");
    REQUIRE(mkfifo(fifo.c_str(), 0600) == 0);
    Outcome audio = runFrames(dir, "'" + fifo + "'");
    CHECK(audio.status == 1);
    CHECK_THAT(audio.stderrText, Catch::Contains("pipe.ogg: not a regular file (a FIFO)"));

    const std::string ogg = test::writeSignalOgg(dir, 24000, 2.0);
    Outcome transcript = runFrames(dir, "--transcript '" + fifo + "' '" + ogg + "'");
    CHECK(transcript.status == 0);
    CHECK_THAT(transcript.stderrText, Catch::Contains("pipe.ogg: not a regular file (a FIFO)"));
}

TEST_CASE("An --article that is a folder or a device says what is wrong") {
    test::TempDir dir;
    const std::string ogg = test::writeSignalOgg(dir, 24000, 2.0);
    Outcome folder = runFrames(dir, "--article '" + dir.path.string() + "' '" + ogg + "'");
    CHECK(folder.status == 0);
    CHECK_THAT(folder.stderrText, Catch::Contains("article could not be read") && Catch::Contains("is a directory"));
    Outcome zero = runFrames(dir, "--article /dev/zero '" + ogg + "'");
    CHECK_THAT(zero.stderrText, Catch::Contains("/dev/zero: not a regular file (a character device)"));
}

TEST_CASE("A cut-off Ogg plays, and the player says the file ends early") {
    test::TempDir dir;
    const std::string ogg = test::writeSignalOgg(dir, 24000, 6.0);
    const std::string bytes = test::readFileBytes(ogg);
    const std::string cut = dir.file("half.ogg");
    { std::ofstream(cut, std::ios::binary) << bytes.substr(0, bytes.size() / 2); }
    Outcome r = runFrames(dir, "'" + cut + "'");
    CHECK(r.status == 0);
    CHECK_THAT(r.stderrText, Catch::Contains("half.ogg: the file ends early: the audio stops at 0:0") &&
                                 Catch::Contains("damaged or incompletely copied"));
    Outcome whole = runFrames(dir, "'" + ogg + "'");
    CHECK_THAT(whole.stderrText, !Catch::Contains("ends early"));
}

TEST_CASE("Bad --start values and a missing option value are explained") {
    test::TempDir dir;
    const std::string ogg = test::writeSignalOgg(dir, 24000, 2.0);
    Outcome swallowed = runFrames(dir, "--state-file --frames 3 '" + ogg + "'");
    CHECK(swallowed.status == 2);
    CHECK_THAT(swallowed.stderrText, Catch::Contains("--state-file needs a value"));
    CHECK_FALSE(std::filesystem::exists("--frames"));
    Outcome negative = runFrames(dir, "--start 1:-30 '" + ogg + "'");
    CHECK(negative.status == 2);
    Outcome malformed = runFrames(dir, "--start 99:99:99 '" + ogg + "'");
    CHECK(malformed.status == 2);
    CHECK_THAT(malformed.stderrText, Catch::Contains("below 60"));
    Outcome late = runFrames(dir, "--start 5:00:00 '" + ogg + "'");
    CHECK(late.status == 0);
    CHECK_THAT(late.stderrText, Catch::Contains("--start 5:00:00 is after the end of the episode (0:02)"));
}
