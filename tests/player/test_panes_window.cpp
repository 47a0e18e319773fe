// The panes in the real player window (tests run under xvfb-run): a screenshot
// of the episode playing with its transcript, chapters and article, and a tap
// on a transcript line (sent with xdotool) that moves playback to that line.

#include "player/episode_content.h"
#include "support/ogg_fixture.h"
#include "support/x11_session.h"
#include "transcripts/time_lookup.h"
#include "transcripts/transcript_file.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>

using namespace la;

namespace {

const std::string kEpisode = std::string(LA_SOURCE_DIR) + "/assets/episode/episode.ogg";

int run(const std::string& cmd) {
    int status = std::system(cmd.c_str());
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

std::string capture(const std::string& cmd) {
    std::string out;
    if (FILE* p = popen(cmd.c_str(), "r")) {
        char buf[256];
        while (fgets(buf, sizeof buf, p)) out += buf;
        pclose(p);
    }
    return out;
}

bool isPng(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    char sig[8] = {};
    in.read(sig, 8);
    return in && std::string(sig, 8) == "\x89PNG\r\n\x1a\n";
}

nlohmann::json readJson(const std::string& path) {
    std::ifstream in(path);
    std::stringstream ss;
    ss << in.rdbuf();
    return nlohmann::json::parse(ss.str(), nullptr, false);
}

bool waitForFile(const std::string& path, int seconds) {
    for (int i = 0; i < seconds * 10; ++i) {
        if (std::filesystem::exists(path) && std::filesystem::file_size(path) > 0) return true;
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    return false;
}

} // namespace

TEST_CASE("Screenshot of the episode playing with its panes") {
    REQUIRE(std::getenv("DISPLAY") != nullptr); // scripts/test.sh runs the suite under xvfb-run
    test::TempDir dir;
    std::string png = dir.file("panes.png"), state = dir.file("state.json"), err = dir.file("stderr.txt");
    int code = run("SDL_AUDIODRIVER=dummy timeout 60 '" LA_PLAYER_EXE "' --start 60 --play --quit-after 2 --screenshot '" + png +
                   "' --state-file '" + state + "' 2>'" + err + "' >/dev/null");
    std::ifstream e(err);
    std::stringstream ss;
    ss << e.rdbuf();
    INFO("stderr: " << ss.str());
    CHECK(code == 0);
    REQUIRE(isPng(png));
    CHECK(std::filesystem::file_size(png) > 10000);
    auto j = readJson(state);
    REQUIRE(j.is_object());
    CHECK(j["position"].get<double>() > 60.5); // it played
    auto chapters = transcripts::loadChapters(std::string(LA_SOURCE_DIR) + "/assets/episode/episode.chapters.json");
    CHECK(j["chapter"].get<size_t>() == *transcripts::chapterAt(chapters.chapters, j["position"].get<double>()));
}

TEST_CASE("Tapping a transcript line moves playback there (xdotool)") {
    REQUIRE(test::haveX11Tools()); // scripts/test.sh runs under xvfb-run with xdotool installed
    test::TempDir dir;
    std::string state = dir.file("state.json"), err = dir.file("stderr.txt");
    // Paused at 60 s, so the position after the tap is exactly the line's start.
    std::string title = "ListenAlong-test-" + std::to_string(::getpid());
    run("SDL_AUDIODRIVER=dummy timeout 60 '" LA_PLAYER_EXE "' --start 60 --quit-after 6 --size 1280x800 --state-file '" +
        state + "' 2>'" + err + "' >/dev/null &");
    std::string wid = capture("timeout 10 xdotool search --sync --onlyvisible --name '^ListenAlong' | tail -1");
    REQUIRE_FALSE(wid.empty());
    wid.erase(wid.find_last_not_of(" \n") + 1);
    std::this_thread::sleep_for(std::chrono::milliseconds(700)); // a few frames: the list has scrolled to 1:00
    // The transcript fills the left half; a point low in it is a line after the one at 1:00.
    std::string geo = capture("xdotool getwindowgeometry " + wid);
    INFO("window " << wid << ": " << geo);
    CHECK(run("xdotool mousemove --window " + wid + " 250 520 click 1") == 0);
    REQUIRE(waitForFile(state, 20));

    auto j = readJson(state);
    REQUIRE(j.is_object());
    transcripts::Transcript t = transcripts::loadTranscript(std::string(LA_SOURCE_DIR) + "/assets/episode/episode.vtt");
    size_t before = transcripts::cueBeingHeard(t.cues, 60.0).value();
    REQUIRE(j["cue"].is_number());
    size_t cue = j["cue"].get<size_t>();
    INFO("position " << j["position"].get<double>() << ", cue " << cue << " (was " << before << ")");
    CHECK(cue > before);
    CHECK(j["position"].get<double>() == Approx(t.cues[cue].start).margin(0.05));
    CHECK_FALSE(j["playing"].get<bool>());
}
