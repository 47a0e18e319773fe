// Issue #10 item 12: a path that is not a regular file, or is too large, or too
// long, gets a clear message at once (never a hang, never bad_alloc); times in
// VTT and SRT are bounded like JSON's.
#include "player/cli/inspect_command.h"
#include "transcripts/regular_file.h"
#include "transcripts/srt_parser.h"
#include "transcripts/transcript_file.h"
#include "transcripts/webvtt_parser.h"
#include "support/ogg_fixture.h"

#include <catch2/catch.hpp>

#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

namespace fs = std::filesystem;
using namespace la;
using namespace la::transcripts;

namespace {

/// The message loadTranscriptFile gives for `path` ("" if it loads).
std::string loadProblem(const std::string& path) {
    try {
        loadTranscriptFile(path);
    } catch (const ParseError& e) {
        return e.what();
    }
    return "";
}

bool anyWarningHas(const Transcript& t, const std::string& part) {
    for (const auto& w : t.warnings)
        if (w.find(part) != std::string::npos) return true;
    return false;
}

} // namespace

TEST_CASE("Only regular files are read: a FIFO, a folder, a device each get their own message at once") {
    test::TempDir dir;
    const std::string fifo = dir.file("talk.vtt");
    REQUIRE(mkfifo(fifo.c_str(), 0600) == 0);
    CHECK_THAT(loadProblem(fifo), Catch::Contains("talk.vtt") && Catch::Contains("not a regular file (a FIFO)"));
    CHECK_THAT(loadProblem(dir.path.string()), Catch::Contains("is a directory, not a file"));
    CHECK_THAT(loadProblem("/dev/zero"), Catch::Contains("/dev/zero") &&
                                             Catch::Contains("not a regular file (a character device)"));
    CHECK_THAT(loadProblem(dir.file("gone.srt")), Catch::Contains("gone.srt") && Catch::Contains("file not found"));

    // `listenalong inspect /dev/zero` used to read until bad_alloc.
    std::ostringstream out, err;
    CHECK(player::runInspectCommand({"/dev/zero"}, out, err) == 1);
    CHECK_THAT(err.str(), Catch::Contains("/dev/zero") && Catch::Contains("not a regular file"));
    CHECK(out.str().empty());
}

TEST_CASE("Text files over 32 MB are refused with their size and the limit") {
    test::TempDir dir;
    const std::string big = dir.file("huge.srt");
    {
        std::ofstream(big) << "1\n00:00:01,000 --> 00:00:02,000\nhello\n";
    }
    fs::resize_file(big, kMaxTextFileBytes + 1); // sparse: costs no disk
    CHECK_THAT(loadProblem(big), Catch::Contains("huge.srt") && Catch::Contains("is too large (33554433 bytes") &&
                                     Catch::Contains("the limit is 32 MB"));
    fs::resize_file(big, kMaxTextFileBytes); // exactly at the limit: read
    std::string text, problem;
    CHECK(readRegularFile(big, kMaxTextFileBytes, text, problem));
    CHECK(text.size() == kMaxTextFileBytes);
}

TEST_CASE("A path too long for the system that exists is not reported as 'file not found'") {
    test::TempDir dir;
    // Nested folders, each a legal name, together over PATH_MAX (4096): made
    // with chdir + relative mkdir, as no single call may name the whole path.
    char here[4096];
    REQUIRE(::getcwd(here, sizeof here));
    REQUIRE(::chdir(dir.path.c_str()) == 0);
    const std::string name(200, 'd');
    std::string deep = dir.path.string();
    int levels = 0;
    for (; deep.size() < 4200; ++levels) {
        REQUIRE(::mkdir(name.c_str(), 0700) == 0);
        REQUIRE(::chdir(name.c_str()) == 0);
        deep += "/" + name;
    }
    { std::ofstream("cues.vtt") << "WEBVTT\n\n00:01.000 --> 00:02.000\nhi\n"; }
    const std::string path = deep + "/cues.vtt";
    const std::string problem = loadProblem(path);
    // Clean up from the inside (remove_all cannot name these paths either).
    ::unlink("cues.vtt");
    for (int i = 0; i < levels; ++i) {
        REQUIRE(::chdir("..") == 0);
        ::rmdir(name.c_str());
    }
    REQUIRE(::chdir(here) == 0);
    REQUIRE(path.size() > 4096);
    CHECK_THAT(problem, Catch::Contains("path too long") && Catch::Contains("the system limit is 4095"));
    CHECK_THAT(problem, !Catch::Contains("not found"));
    // One name over NAME_MAX (255) is the same error, with the same message.
    CHECK_THAT(loadProblem(std::string(300, 'x')), Catch::Contains("path too long"));
}

TEST_CASE("WebVTT and SubRip hours are bounded like JSON times: the cue is skipped with its line number") {
    const std::string vtt = "WEBVTT\n\n"
                            "00:01.000 --> 00:02.000\nfine\n\n"
                            "10000000000:00:00.000 --> 10000000000:00:01.000\nin 1.1 million years\n\n"
                            "277777:46:40.000 --> 277777:46:41.000\nover 1e9 s by one second\n";
    Transcript t = parseWebVtt(vtt, "far.vtt");
    REQUIRE(t.cues.size() == 1);
    CHECK(t.cues[0].text == "fine");
    CHECK(anyWarningHas(t, "far.vtt:6: cue skipped: time too large"));
    CHECK(anyWarningHas(t, "far.vtt:9: cue skipped: time too large"));
    // Exactly the limit is accepted.
    Transcript edge = parseWebVtt("WEBVTT\n\n277777:46:40.000 --> 277777:46:40.000\nlast\n", "edge.vtt");
    CHECK(edge.cues.size() == 1);

    const std::string srt = "1\n00:00:01,000 --> 00:00:02,000\nfine\n\n"
                            "2\n10000000000000:00:00,000 --> 10000000000000:00:01,000\nfar\n";
    Transcript s = parseSrt(srt, "far.srt");
    REQUIRE(s.cues.size() == 1);
    CHECK(s.cues[0].text == "fine");
    CHECK(anyWarningHas(s, "far.srt:6: cue skipped: time too large"));
    CHECK_THROWS_WITH(parseSrt("1\n99999999999:00:00,000 --> 99999999999:00:01,000\nfar\n", "only.srt"),
                      Catch::Contains("only.srt:2"));
}
