// The real player binary in a real window (tests run under Xvfb): it opens,
// plays through the SDL "disk" driver, and survives bad input and a missing
// sound device with a message instead of a crash.
#include "support/disk_audio.h"
#include "support/ogg_fixture.h"

#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

using namespace la;

namespace {

struct Run {
    int exitCode;
    std::string err;
};

Run runPlayer(const std::string& env, const std::string& args, const test::TempDir& dir) {
    REQUIRE(std::getenv("DISPLAY") != nullptr); // scripts/test.sh runs the suite under xvfb-run
    std::string errFile = dir.file("stderr.txt");
    // Each run gets its own settings folder: no resume from another test.
    std::string cmd = "XDG_CONFIG_HOME='" + dir.file("config") + "' " + env + " '" LA_PLAYER_EXE "' " + args + " 2>'" + errFile + "' >/dev/null";
    int status = std::system(cmd.c_str());
    std::ifstream in(errFile);
    std::stringstream ss;
    ss << in.rdbuf();
    return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, ss.str()};
}

bool isPng(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    char sig[8] = {};
    in.read(sig, 8);
    return in && std::string(sig, 8) == "\x89PNG\r\n\x1a\n";
}

} // namespace

TEST_CASE("The player plays a file from --start through the sound device") {
    test::TempDir dir;
    std::string ogg = test::writeSignalOgg(dir, 24000, 30.0);
    std::string raw = dir.file("out.raw"), png = dir.file("shot.png");
    Run r = runPlayer("SDL_AUDIODRIVER=disk SDL_DISKAUDIOFILE='" + raw + "'",
                      "--start 10 --play --quit-after 2 --screenshot '" + png + "' '" + ogg + "'", dir);
    INFO(r.err);
    REQUIRE(r.exitCode == 0);
    CHECK(isPng(png));
    auto out = test::readDiskAudioLeft(raw, 2);
    size_t start = test::firstSound(out) + 600;
    REQUIRE(start + 2400 < out.size());
    auto source = test::makeSignal(24000, 30.0);
    auto [offset, corr] = test::bestMatch(source, out.data() + start, 1200, 9 * 24000, 11 * 24000);
    CHECK(corr > 0.9);
    // 600 samples of settling were skipped: the first sound is the source at 10 s.
    CHECK(std::abs(double(offset - 600) / 24000 - 10.0) < 0.05);
}

TEST_CASE("A bad audio file opens the window with a message and exits non-zero") {
    test::TempDir dir;
    std::string bad = dir.file("broken.ogg"), png = dir.file("shot.png");
    std::ofstream(bad) << "not audio";
    Run r = runPlayer("SDL_AUDIODRIVER=dummy", "--frames 3 --screenshot '" + png + "' '" + bad + "'", dir);
    CHECK(r.exitCode == 1);
    CHECK_THAT(r.err, Catch::Contains("broken.ogg") && Catch::Contains("not an audio file"));
    CHECK(isPng(png)); // the window still came up and drew

    Run missing = runPlayer("SDL_AUDIODRIVER=dummy", "--frames 2 '" + dir.file("gone.ogg") + "'", dir);
    CHECK(missing.exitCode == 1);
    CHECK_THAT(missing.err, Catch::Contains("gone.ogg: file not found"));
}

TEST_CASE("Without a sound device the player still opens and runs") {
    test::TempDir dir;
    std::string ogg = test::writeSignalOgg(dir, 24000, 5.0), png = dir.file("shot.png");
    Run r = runPlayer("SDL_AUDIODRIVER=no-such-driver", "--play --frames 5 --screenshot '" + png + "' '" + ogg + "'", dir);
    INFO(r.err);
    CHECK(r.exitCode == 0);
    CHECK(isPng(png));
}

TEST_CASE("Command-line mistakes are explained") {
    test::TempDir dir;
    Run r = runPlayer("", "--start soon", dir);
    CHECK(r.exitCode == 2);
    CHECK_THAT(r.err, Catch::Contains("--start expects"));
    Run u = runPlayer("", "--bogus", dir);
    CHECK(u.exitCode == 2);
    CHECK_THAT(u.err, Catch::Contains("unknown option --bogus"));
}
