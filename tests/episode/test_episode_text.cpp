// The committed episode text files: VTT and JSON agree, cue lengths, word
// timings, chapters and anchors, the script follows the article, and the
// required health statements are everywhere they must be.
#include "episode/episode_fixture.h"

#include "transcripts/article.h"
#include "transcripts/chapters_parser.h"
#include "transcripts/json_transcript_parser.h"

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <regex>
#include <set>
#include <sstream>

using namespace episode_test;

namespace {

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return char(std::tolower(c)); });
    return s;
}

// Independent of the player's parser: '##' lines of article.md, slugged GitHub-style.
std::vector<std::string> simpleAnchors() {
    std::vector<std::string> out;
    std::istringstream in(readText(assetPath("article.md")));
    std::string l;
    while (std::getline(in, l)) {
        if (l.rfind("## ", 0) != 0) continue;
        std::string slug;
        for (unsigned char c : l.substr(3)) {
            if (std::isalnum(c) || c == '-' || c == '_') slug += char(std::tolower(c));
            else if (c == ' ') slug += '-';
        }
        out.push_back(slug);
    }
    return out;
}

std::string transcriptText() {
    std::string s;
    for (const Cue& c : jsonCues()) s += c.text + "\n";
    return s;
}

std::string scriptText() {
    std::string s;
    for (const ScriptLine& l : script().lines) s += l.shown + "\n";
    return s;
}

} // namespace

TEST_CASE("WebVTT and JSON transcripts have the same cues", "[episode][transcript]") {
    std::string vtt = readText(assetPath("episode.vtt"));
    REQUIRE(vtt.rfind("WEBVTT", 0) == 0);
    const auto& v = vttCues();
    const auto& j = jsonCues();
    REQUIRE(v.size() == j.size());
    REQUIRE(v.size() > 50);
    for (size_t i = 0; i < v.size(); ++i) {
        INFO("cue " << i + 1 << ": " << j[i].text);
        CHECK(std::fabs(v[i].start - j[i].start) < 0.0005);
        CHECK(std::fabs(v[i].end - j[i].end) < 0.0005);
        CHECK(v[i].speaker == j[i].speaker);
        CHECK(v[i].text == j[i].text);
        CHECK((j[i].speaker == "Host" || j[i].speaker == "Nurse"));
    }
    nlohmann::json doc = nlohmann::json::parse(readText(assetPath("episode.transcript.json")));
    CHECK(doc.at("version") == "1.0.0");
}

TEST_CASE("cues are short, ordered and do not overlap", "[episode][transcript]") {
    const auto& cues = jsonCues();
    for (size_t i = 0; i < cues.size(); ++i) {
        INFO("cue " << i + 1 << ": " << cues[i].text);
        CHECK(cues[i].end > cues[i].start);
        CHECK(cues[i].end - cues[i].start <= 7.0 + 0.002);
        CHECK_FALSE(cues[i].text.empty());
        if (i) CHECK(cues[i].start >= cues[i - 1].end);
    }
}

TEST_CASE("word timings increase within each cue and lie inside it", "[episode][transcript]") {
    size_t words = 0;
    for (const Cue& c : vttCues()) {
        INFO(c.start << " --> " << c.end << ": " << c.text);
        REQUIRE_FALSE(c.words.empty());
        CHECK(c.words.front().start == c.start);
        std::string joined;
        for (size_t k = 0; k < c.words.size(); ++k) {
            joined += (k ? " " : "") + c.words[k].text;
            CHECK(c.words[k].start >= c.start);
            CHECK(c.words[k].start < c.end);
            if (k) CHECK(c.words[k].start > c.words[k - 1].start);
        }
        CHECK(joined == c.text); // a timestamp before every word after the first
        words += c.words.size();
    }
    CHECK(words > 900);
}

TEST_CASE("the transcript says exactly the script, in order", "[episode][transcript][traceability]") {
    const auto& perLine = cuesPerLine();
    REQUIRE(perLine.size() == script().lines.size());
    for (size_t i = 0; i < perLine.size(); ++i) {
        INFO("script line " << script().lines[i].lineNumber);
        REQUIRE_FALSE(perLine[i].empty());
        for (size_t c : perLine[i]) CHECK(jsonCues()[c].speaker == script().lines[i].speaker);
    }
}

TEST_CASE("script lines name existing sections, in the article's order, covering all of them",
          "[episode][script][traceability]") {
    std::vector<std::string> anchors = simpleAnchors();
    REQUIRE(anchors == articleAnchors()); // our slugs agree with the player's article parser
    REQUIRE(anchors.size() == 9);
    CHECK(anchors.front() == "what-immunotherapy-is");
    CHECK(anchors.back() == "review-date-and-support");
    std::set<std::string> covered, nurseCovered;
    size_t last = 0;
    for (const ScriptLine& l : script().lines) {
        INFO("script.tsv:" << l.lineNumber);
        CHECK((l.speaker == "Host" || l.speaker == "Nurse"));
        auto it = std::find(anchors.begin(), anchors.end(), l.anchor);
        REQUIRE(it != anchors.end());
        size_t index = size_t(it - anchors.begin());
        CHECK(index >= last);
        last = index;
        covered.insert(l.anchor);
        if (l.speaker == "Nurse") nurseCovered.insert(l.anchor);
    }
    CHECK(covered.size() == anchors.size());
    CHECK(nurseCovered.size() == anchors.size()); // the nurse speaks to every section
}

TEST_CASE("every number said in the episode is a number in the article", "[episode][script][traceability]") {
    // Guards against invented statistics: digits in the script and transcript
    // must appear in article.md, and no spelled-out number is said that the
    // article does not give.
    std::string article = readText(assetPath("article.md"));
    std::regex digits("[0-9]+");
    for (const std::string& text : {scriptText(), transcriptText()}) {
        for (auto it = std::sregex_iterator(text.begin(), text.end(), digits); it != std::sregex_iterator(); ++it) {
            INFO("number " << it->str());
            CHECK(article.find(it->str()) != std::string::npos);
        }
    }
    std::set<std::string> allowedSpoken = {"two", "three", "thirteen", "eleven", "twenty", "one", "first", "second"};
    std::regex spelled("\\b(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|"
                       "fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|hundred|thousand|"
                       "percent|half|first|second|third)\\b",
                       std::regex::icase);
    for (const ScriptLine& l : script().lines) {
        for (auto it = std::sregex_iterator(l.spoken.begin(), l.spoken.end(), spelled); it != std::sregex_iterator();
             ++it) {
            INFO("script.tsv:" << l.lineNumber << ": " << it->str());
            CHECK(allowedSpoken.count(lower(it->str())) == 1);
        }
    }
}

TEST_CASE("the review date, the doctor advice and the support line are in the script, transcript and article",
          "[episode][script][transcript]") {
    std::string article = readText(assetPath("article.md"));
    for (const auto& [name, text] : {std::pair<std::string, std::string>{"script", scriptText()},
                                     {"transcript", transcriptText()},
                                     {"article.md", article}}) {
        INFO(name);
        CHECK(text.find("last reviewed in June 2017") != std::string::npos);
        CHECK(text.find("talk to your doctor") != std::string::npos);
        CHECK(text.find("Cancer Council") != std::string::npos);
        CHECK(text.find("13 11 20") != std::string::npos);
    }
    // The VTT carries the same statements.
    std::string vtt;
    for (const Cue& c : vttCues()) vtt += c.text + "\n";
    CHECK(vtt.find("13 11 20") != std::string::npos);
    CHECK(vtt.find("last reviewed in June 2017") != std::string::npos);
    // Said as a phone number, not as digits one by one.
    bool spokenNumber = false;
    for (const ScriptLine& l : script().lines)
        if (l.shown.find("13 11 20") != std::string::npos)
            spokenNumber = spokenNumber || l.spoken.find("thirteen eleven twenty") != std::string::npos;
    CHECK(spokenNumber);
}

TEST_CASE("chapters: one per article section, linked to its anchor, covering the episode", "[episode][chapters]") {
    nlohmann::json doc = nlohmann::json::parse(readText(assetPath("episode.chapters.json")));
    CHECK(doc.at("version") == "1.2.0");
    const auto& chapters = doc.at("chapters");
    std::vector<std::string> anchors = simpleAnchors();
    REQUIRE(chapters.size() == anchors.size());
    double seconds = double(audio().totalFrames) / audio().rate;
    const auto& cues = jsonCues();
    const auto& perLine = cuesPerLine();
    REQUIRE_FALSE(perLine.empty());
    for (size_t i = 0; i < chapters.size(); ++i) {
        const auto& ch = chapters[i];
        INFO("chapter " << i);
        double start = ch.at("startTime").get<double>(), end = ch.at("endTime").get<double>();
        CHECK(ch.at("url").get<std::string>() == "article.md#" + anchors[i]);
        CHECK_FALSE(ch.at("title").get<std::string>().empty());
        if (i == 0) CHECK(start == 0.0);
        else CHECK(start == chapters[i - 1].at("endTime").get<double>());
        if (i + 1 == chapters.size()) CHECK(std::fabs(end - seconds) < 0.002);
        // Every cue of this section's lines lies inside the chapter.
        for (size_t l = 0; l < script().lines.size(); ++l) {
            if (script().lines[l].anchor != anchors[i]) continue;
            for (size_t c : perLine[l]) {
                CHECK(cues[c].start >= start);
                CHECK(cues[c].end <= end);
            }
        }
    }
}

TEST_CASE("the project's parsers read the episode files without warnings", "[episode][parsers]") {
    using namespace la::transcripts;
    Transcript t = parseJsonTranscript(readText(assetPath("episode.transcript.json")), "episode.transcript.json");
    CHECK(t.warnings.empty());
    REQUIRE(t.cues.size() == jsonCues().size());
    for (size_t i = 0; i < t.cues.size(); ++i) {
        CHECK(t.cues[i].start == Approx(jsonCues()[i].start).margin(1e-9));
        CHECK(t.cues[i].end == Approx(jsonCues()[i].end).margin(1e-9));
        CHECK(t.cues[i].speaker == jsonCues()[i].speaker);
        CHECK(t.cues[i].text == jsonCues()[i].text);
    }

    ChapterList chapters = parseChapters(readText(assetPath("episode.chapters.json")), "episode.chapters.json");
    CHECK(chapters.warnings.empty());
    Article article = parseArticle(readText(assetPath("article.md")), "article.md");
    CHECK(article.warnings.empty());
    CHECK(article.title == "Immunotherapy");
    REQUIRE(chapters.chapters.size() == 9);
    for (size_t i = 0; i < chapters.chapters.size(); ++i) {
        const Chapter& ch = chapters.chapters[i];
        INFO(ch.url);
        auto section = findSection(article, ch.url);
        REQUIRE(section.has_value());
        CHECK(article.sections[*section].anchor == ch.url.substr(ch.url.find('#') + 1));
        REQUIRE(ch.title.has_value());
        CHECK(*ch.title == article.sections[*section].title);
    }
}

TEST_CASE("the figure of the organs has a text alternative naming the article's organs", "[episode][article]") {
    using namespace la::transcripts;
    Article article = parseArticle(readText(assetPath("article.md")), "article.md");
    auto section = findSection(article, "article.md#organs-of-the-immune-system");
    REQUIRE(section.has_value());
    const auto& blocks = article.sections[*section].blocks;
    auto fig = std::find_if(blocks.begin(), blocks.end(), [](const ArticleBlock& b) { return b.kind == ArticleBlock::Figure; });
    REQUIRE(fig != blocks.end());
    CHECK(lower(fig->text).find("organs of the immune system") != std::string::npos);
    std::string alternative;
    for (auto it = fig + 1; it != blocks.end() && it->quoted; ++it) alternative += it->text + "\n";
    for (const char* organ : {"tonsils", "lymph nodes", "appendix", "thymus", "spleen", "bone marrow"}) {
        INFO(organ);
        CHECK(alternative.find(organ) != std::string::npos);
    }
}

TEST_CASE("article.md keeps the article's headings and wording", "[episode][article]") {
    std::string article = readText(assetPath("article.md"));
    for (const char* heading :
         {"## What immunotherapy is", "## How immunotherapy works", "## About the immune system",
          "## Cancer and the immune system", "## Organs of the immune system", "## How immunotherapy is given",
          "## Who may benefit from immunotherapy", "## How do you access immunotherapy treatment?"}) {
        INFO(heading);
        CHECK(article.find(std::string(heading) + "\n") != std::string::npos);
    }
    // A few sentences verbatim from the source article.
    for (const char* sentence :
         {"Immunotherapy is a type of cancer drug treatment that focuses on using the body’s own immune system to "
          "fight cancer.",
          "Checkpoint immunotherapy is usually given directly into a vein (intravenously).",
          "Immunotherapy is not right for everyone, so talk to your doctor to find out whether you may benefit from "
          "this treatment.",
          "Call Cancer Council 13 11 20 or see Clinical trials and research."}) {
        INFO(sentence);
        CHECK(article.find(sentence) != std::string::npos);
    }
}
