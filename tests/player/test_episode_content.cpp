// Loading an episode's transcript, chapters and article: the bundled episode
// loads cleanly, each broken or missing file becomes a notice naming it while
// the rest still loads, and the chapter/cue helpers the loop uses.

#include "player/episode_content.h"
#include "support/ogg_fixture.h"
#include "transcripts/time_lookup.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <fstream>

using namespace la;
using namespace la::player;

namespace {

const std::string kEpisodeDir = std::string(LA_SOURCE_DIR) + "/assets/episode";
const std::string kEpisode = kEpisodeDir + "/episode.ogg";

bool hasNotice(const EpisodeContent& c, ui::Notice::Level level, const std::string& part) {
    for (const auto& n : c.notices) {
        if (n.level == level && n.text.find(part) != std::string::npos) return true;
    }
    return false;
}

int count(const EpisodeContent& c, ui::Notice::Level level) {
    int n = 0;
    for (const auto& x : c.notices) n += x.level == level;
    return n;
}

} // namespace

TEST_CASE("The bundled episode's transcript, chapters and article load without problems") {
    EpisodeContent c = loadEpisodeContent(kEpisode, {});
    CHECK(c.paths.transcript == kEpisodeDir + "/episode.vtt");
    CHECK(count(c, ui::Notice::Level::Warning) == 0);
    CHECK(count(c, ui::Notice::Level::Error) == 0);
    CHECK(c.transcript.cues.size() > 50);
    CHECK_FALSE(c.transcript.cues[0].words.empty());
    REQUIRE(c.chapterRows.size() == 9);
    REQUIRE(c.article);
    for (size_t i = 0; i < c.chapterRows.size(); ++i) {
        INFO("chapter " << i);
        CHECK_FALSE(c.chapterRows[i].sectionLink.empty()); // every chapter has its section
        REQUIRE(c.chapterSections[i]);
        CHECK(c.sectionStarts[*c.chapterSections[i]] == c.chapterRows[i].start);
    }
    // The review date and support lines are in the last section.
    const auto& last = c.article->sections.back();
    CHECK(last.title == "Review date and support");
    bool reviewed = false;
    for (const auto& b : last.blocks) reviewed |= b.text.find("last reviewed") != std::string::npos;
    CHECK(reviewed);
}

TEST_CASE("A missing or broken file becomes a notice naming it; the rest still loads") {
    SECTION("missing transcript") {
        EpisodeContent c = loadEpisodeContent(kEpisode, {"/nonexistent/talk.vtt", "", ""});
        CHECK(hasNotice(c, ui::Notice::Level::Warning, "/nonexistent/talk.vtt"));
        CHECK(c.transcript.cues.empty());
        CHECK(c.transcriptMessage.find("could not be read") != std::string::npos);
        CHECK(c.chapterRows.size() == 9);
        CHECK(c.article);
    }
    SECTION("broken chapters") {
        std::string bad = std::string(LA_TEST_DATA) + "/transcripts/chapters/syntax-missing-comma.json";
        EpisodeContent c = loadEpisodeContent(kEpisode, {"", bad, ""});
        CHECK(hasNotice(c, ui::Notice::Level::Warning, "syntax-missing-comma.json"));
        CHECK(c.chapterRows.empty());
        CHECK_FALSE(c.transcript.cues.empty());
    }
    SECTION("a transcript given as chapters") {
        EpisodeContent c = loadEpisodeContent(kEpisode, {"", kEpisodeDir + "/episode.vtt", ""});
        CHECK(hasNotice(c, ui::Notice::Level::Warning, "episode.vtt"));
        CHECK(c.chapterRows.empty());
    }
    SECTION("missing article") {
        EpisodeContent c = loadEpisodeContent(kEpisode, {"", "", "/nonexistent/article.md"});
        CHECK(hasNotice(c, ui::Notice::Level::Warning, "/nonexistent/article.md"));
        CHECK_FALSE(c.article);
        CHECK(c.chapterRows.size() == 9);
        for (const auto& r : c.chapterRows) CHECK(r.sectionLink.empty()); // no "Read" without an article
    }
    SECTION("no sidecars at all") {
        test::TempDir dir;
        EpisodeContent c = loadEpisodeContent(dir.file("lonely.ogg"), {});
        CHECK(c.notices.empty());
        CHECK(c.transcript.cues.empty());
        CHECK(c.chapterRows.empty());
        CHECK_FALSE(c.article);
    }
}

TEST_CASE("fillContentViews: current cue (kept through pauses), chapter title and marks") {
    EpisodeContent c = loadEpisodeContent(kEpisode, {});
    ui::MainViewState s;
    // The middle of the Nurse's first cue (in chapter 1): that cue is current.
    size_t nurse = 0;
    while (nurse < c.transcript.cues.size() && c.transcript.cues[nurse].speaker != "Nurse") ++nurse;
    REQUIRE(nurse < c.transcript.cues.size());
    fillContentViews(c, (c.transcript.cues[nurse].start + c.transcript.cues[nurse].end) / 2, s);
    REQUIRE(s.transcript.currentCue);
    CHECK(*s.transcript.currentCue == nurse);
    CHECK(s.transport.chapterTitle == "Chapter 1 of 9: What immunotherapy is");
    CHECK(s.transport.chapterMarks.size() == 9);
    // Between the first two cues the first stays highlighted.
    REQUIRE(c.transcript.cues[0].end < c.transcript.cues[1].start);
    fillContentViews(c, (c.transcript.cues[0].end + c.transcript.cues[1].start) / 2, s);
    CHECK(s.transcript.currentCue == 0u);
    fillContentViews(c, 0.1, s);
    CHECK_FALSE(s.transcript.currentCue);
    const double inChapter6 = c.chapters.chapters[5].start + 5;
    fillContentViews(c, inChapter6, s);
    CHECK(c.article->sections[*s.article.currentSection].anchor == "how-immunotherapy-is-given");
    CHECK(sectionAt(c, inChapter6) == s.article.currentSection); // what the R key opens
}

TEST_CASE("Previous/next chapter steps") {
    EpisodeContent c = loadEpisodeContent(kEpisode, {});
    auto start = [&](size_t i) { return c.chapters.chapters[i].start; };
    const double mid = start(2) + 5; // inside chapter 3
    CHECK(transcripts::chapterStep(c.chapters.chapters, mid, +1) == start(3));
    CHECK(transcripts::chapterStep(c.chapters.chapters, mid, -1) == start(2));        // to this chapter's start
    CHECK(transcripts::chapterStep(c.chapters.chapters, start(2) + 1, -1) == start(1)); // near its start: the one before
    CHECK(transcripts::chapterStep(c.chapters.chapters, 1, -1) == start(0));
    CHECK_FALSE(transcripts::chapterStep(c.chapters.chapters, start(8) + 1, +1));
}

TEST_CASE("playbackStateJson reports position, cue and chapter") {
    EpisodeContent c = loadEpisodeContent(kEpisode, {});
    const double t = c.transcript.cues[5].start + 0.1;
    auto j = nlohmann::json::parse(playbackStateJson(c, t, true));
    CHECK(j["position"].get<double>() == t);
    CHECK(j["playing"].get<bool>());
    CHECK(j["cue"].get<size_t>() == 5);
    CHECK(j["cueStart"].get<double>() == c.transcript.cues[5].start);
    CHECK(j["chapter"].get<size_t>() == 0);
}
