// `listenalong inspect FILE`: the JSON it prints, its exit codes, and one run of
// the real binary (LA_PLAYER_EXE).

#include "player/cli/inspect_command.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <array>
#include <cstdio>
#include <sstream>
#include <sys/wait.h>

namespace {

std::string dataPath(const std::string& relative) { return std::string(LA_TEST_DATA) + "/transcripts/" + relative; }

struct Run {
    int code;
    std::string out, err;
};

Run inspect(const std::vector<std::string>& args) {
    std::ostringstream out, err;
    int code = la::player::runInspectCommand(args, out, err);
    return {code, out.str(), err.str()};
}

} // namespace

TEST_CASE("inspect prints a transcript as JSON", "[inspect]") {
    Run r = inspect({dataPath("vtt/words.vtt")});
    REQUIRE(r.code == 0);
    CHECK(r.err.empty());
    auto j = nlohmann::json::parse(r.out);
    CHECK(j["kind"] == "transcript");
    CHECK(j["format"] == "vtt");
    CHECK(j["warnings"] == nlohmann::json::array());
    REQUIRE(j["cues"].size() == 1);
    const auto& cue = j["cues"][0];
    CHECK(cue["start"] == 1.0);
    CHECK(cue["end"] == 4.0);
    CHECK(cue["speaker"] == "Dr. Okafor");
    CHECK(cue["text"] == "It uses your\nimmune system.");
    CHECK_FALSE(cue.contains("id")); // empty fields are left out
    REQUIRE(cue["words"].size() == 5);
    CHECK(cue["words"][1] == nlohmann::json({{"start", 1.5}, {"text", "uses"}}));
}

TEST_CASE("inspect omits empty id, speaker and words, and lists warnings", "[inspect]") {
    Run r = inspect({dataPath("vtt/bad-timings.vtt")});
    REQUIRE(r.code == 0);
    auto j = nlohmann::json::parse(r.out);
    REQUIRE(j["cues"].size() == 2);
    for (const auto& cue : j["cues"]) {
        CHECK_FALSE(cue.contains("id"));
        CHECK_FALSE(cue.contains("speaker"));
        CHECK_FALSE(cue.contains("words"));
    }
    REQUIRE(j["warnings"].size() == 3);
    CHECK(j["warnings"][0].get<std::string>().find(":6: cue skipped: bad end time") != std::string::npos);

    Run srt = inspect({dataPath("srt/basic.srt")});
    REQUIRE(srt.code == 0);
    auto s = nlohmann::json::parse(srt.out);
    CHECK(s["format"] == "srt");
    CHECK(s["cues"][0]["id"] == "1");
}

TEST_CASE("inspect prints chapters with null end and title when absent", "[inspect]") {
    Run r = inspect({dataPath("detect/episode.chapters.json")});
    REQUIRE(r.code == 0);
    auto j = nlohmann::json::parse(r.out);
    CHECK(j["kind"] == "chapters");
    REQUIRE(j["chapters"].size() == 3);
    CHECK(j["chapters"][0] == nlohmann::json({{"start", 0.0}, {"end", nullptr}, {"title", "Intro"},
                                              {"url", "article.md#intro"}, {"img", ""}, {"toc", true}}));
    CHECK(j["chapters"][1]["title"].is_null());
    CHECK(j["chapters"][1]["toc"] == false);
}

TEST_CASE("inspect: errors and usage", "[inspect]") {
    SECTION("a file it cannot accept: stderr, exit 1") {
        Run r = inspect({dataPath("vtt/bad-signature.vtt")});
        CHECK(r.code == 1);
        CHECK(r.out.empty());
        CHECK(r.err == "listenalong inspect: " + dataPath("vtt/bad-signature.vtt") +
                           ":1:6: not a WebVTT file: it must start with WEBVTT\n");
    }
    SECTION("missing file") {
        Run r = inspect({dataPath("nope.srt")});
        CHECK(r.code == 1);
        CHECK(r.err.find("nope.srt: file not found") != std::string::npos);
    }
    SECTION("--help") {
        Run r = inspect({"--help"});
        CHECK(r.code == 0);
        CHECK(r.out.rfind("usage: listenalong inspect FILE", 0) == 0);
    }
    SECTION("usage mistakes: exit 2") {
        CHECK(inspect({}).code == 2);
        CHECK(inspect({"--frobnicate", "x.vtt"}).code == 2);
        Run two = inspect({"a.vtt", "b.vtt"});
        CHECK(two.code == 2);
        CHECK(two.err.find("only one FILE") != std::string::npos);
    }
}

TEST_CASE("the listenalong binary runs inspect", "[inspect]") {
    std::string cmd = std::string("'") + LA_PLAYER_EXE + "' inspect '" + dataPath("srt/bom-crlf.srt") + "' 2>&1";
    FILE* pipe = popen(cmd.c_str(), "r");
    REQUIRE(pipe != nullptr);
    std::string out;
    std::array<char, 4096> buf{};
    size_t n;
    while ((n = fread(buf.data(), 1, buf.size(), pipe)) > 0) out.append(buf.data(), n);
    int status = pclose(pipe);
    REQUIRE(WIFEXITED(status));
    CHECK(WEXITSTATUS(status) == 0);
    auto j = nlohmann::json::parse(out);
    CHECK(j["cues"].size() == 2);
    CHECK(j["cues"][0]["text"] == "BOM and CRLF");
}
