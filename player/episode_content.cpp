#include "player/episode_content.h"

#include "media/vorbis_source.h"
#include "transcripts/parse_error.h"
#include "transcripts/regular_file.h"
#include "transcripts/time_lookup.h"
#include "transcripts/transcript_file.h"
#include "ui/time_format.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <exception>

namespace la::player {
namespace {

using ui::Notice;

void warnCount(EpisodeContent& c, const std::string& path, const std::vector<std::string>& warnings) {
    if (warnings.empty()) return;
    std::string first = warnings.front();
    c.notices.push_back({Notice::Level::Info, path + ": " + std::to_string(warnings.size()) +
                                                  (warnings.size() == 1 ? " part was" : " parts were") +
                                                  " skipped or changed (first: " + first + ")"});
}

// Runs `load`, turning any failure into a Warning notice about `what`.
template <class F>
bool tryLoad(EpisodeContent& c, const char* what, const std::string& path, F&& load) {
    try {
        load();
        return true;
    } catch (const transcripts::ParseError& e) {
        c.notices.push_back({Notice::Level::Warning, std::string("The ") + what + " could not be read: " + e.what()});
    } catch (const std::exception& e) {
        c.notices.push_back({Notice::Level::Warning, std::string("The ") + what + " could not be read: " + path + ": " + e.what()});
    }
    return false;
}

// Regular files only, and at most kMaxTextFileBytes: a folder, a FIFO or
// /dev/zero given as --article gets a message instead of nothing or a hang.
std::string readArticleFile(const std::string& path) {
    std::string text, problem;
    if (!transcripts::readRegularFile(path, transcripts::kMaxTextFileBytes, text, problem))
        throw transcripts::ParseError(path, 0, 0, problem);
    return text;
}

} // namespace

EpisodeContent loadEpisodeContent(const std::string& audioPath, const SidecarPaths& overrides) {
    EpisodeContent c;
    c.paths = findSidecars(audioPath, overrides);
    c.transcriptMessage = "There is no transcript for this episode.";
    c.chaptersMessage = "There are no chapters for this episode.";
    c.articleMessage = "There is no article for this episode.";

    // The decoder plays a cut-off Ogg to its last whole page in silence; say so.
    if (std::optional<double> stops = media::vorbisEndsEarly(audioPath))
        c.notices.push_back({Notice::Level::Warning, audioPath + ": the file ends early: the audio stops at " +
                                                         ui::formatClock(*stops) +
                                                         ", before the end of the recording. The file may be "
                                                         "damaged or incompletely copied."});
    if (!c.paths.transcript.empty()) {
        bool ok = tryLoad(c, "transcript", c.paths.transcript, [&] { c.transcript = transcripts::loadTranscript(c.paths.transcript); });
        if (ok) warnCount(c, c.paths.transcript, c.transcript.warnings);
        else c.transcriptMessage = "The transcript could not be read (see the message above).";
        if (ok && c.transcript.cues.empty()) c.transcriptMessage = "The transcript file has no lines: " + c.paths.transcript;
    }
    if (!c.paths.chapters.empty()) {
        bool ok = tryLoad(c, "chapter list", c.paths.chapters, [&] { c.chapters = transcripts::loadChapters(c.paths.chapters); });
        if (ok) warnCount(c, c.paths.chapters, c.chapters.warnings);
        else c.chaptersMessage = "The chapter list could not be read (see the message above).";
    }
    if (!c.paths.article.empty()) {
        bool ok = tryLoad(c, "article", c.paths.article, [&] {
            c.article = transcripts::parseArticle(readArticleFile(c.paths.article), c.paths.article);
        });
        if (ok) warnCount(c, c.paths.article, c.article->warnings);
        else c.articleMessage = "The article could not be read (see the message above).";
    }
    buildPaneModels(c);
    return c;
}

void buildPaneModels(EpisodeContent& c) {
    const auto& chapters = c.chapters.chapters;
    c.chapterRows.clear();
    c.chapterSections.assign(chapters.size(), std::nullopt);
    c.sectionStarts.assign(c.article ? c.article->sections.size() : 0, std::nullopt);
    for (size_t i = 0; i < chapters.size(); ++i) {
        const transcripts::Chapter& ch = chapters[i];
        std::optional<size_t> section;
        if (c.article && !ch.url.empty()) section = transcripts::findSection(*c.article, ch.url);
        c.chapterSections[i] = section;
        if (section && !c.sectionStarts[*section]) c.sectionStarts[*section] = ch.start;
        if (!ch.toc) continue;
        std::string title = ch.title && !ch.title->empty() ? *ch.title : "Chapter " + std::to_string(c.chapterRows.size() + 1);
        c.chapterRows.push_back({i, ch.start, title, section ? ch.url : std::string()});
    }
}

void fillContentViews(const EpisodeContent& c, double position, ui::MainViewState& state) {
    state.transcript.cues = &c.transcript.cues;
    state.transcript.position = position;
    state.transcript.currentCue = transcripts::cueBeingHeard(c.transcript.cues, position);
    state.transcript.unavailableMessage = c.transcriptMessage;

    std::optional<size_t> chapter = transcripts::chapterAt(c.chapters.chapters, position);
    state.chapters.rows = &c.chapterRows;
    state.chapters.currentChapter = chapter;
    state.chapters.unavailableMessage = c.chaptersMessage;

    state.article.article = c.article ? &*c.article : nullptr;
    state.article.listenFrom = &c.sectionStarts;
    state.article.currentSection = chapter ? c.chapterSections[*chapter] : std::nullopt;
    state.article.unavailableMessage = c.articleMessage;

    state.transport.chapterMarks.clear();
    for (const ui::ChapterRow& row : c.chapterRows) state.transport.chapterMarks.push_back(row.start);
    if (chapter) {
        for (size_t r = 0; r < c.chapterRows.size(); ++r) {
            if (c.chapterRows[r].chapter != *chapter) continue;
            state.transport.chapterTitle = "Chapter " + std::to_string(r + 1) + " of " +
                                           std::to_string(c.chapterRows.size()) + ": " + c.chapterRows[r].title;
        }
    }
}

std::optional<size_t> sectionAt(const EpisodeContent& c, double position) {
    std::optional<size_t> chapter = transcripts::chapterAt(c.chapters.chapters, position);
    return chapter && *chapter < c.chapterSections.size() ? c.chapterSections[*chapter] : std::nullopt;
}

std::string playbackStateJson(const EpisodeContent& content, double position, bool playing) {
    nlohmann::json j;
    j["position"] = position;
    j["playing"] = playing;
    std::optional<size_t> cue = transcripts::cueBeingHeard(content.transcript.cues, position);
    j["cue"] = cue ? nlohmann::json(*cue) : nlohmann::json();
    j["cueStart"] = cue ? nlohmann::json(content.transcript.cues[*cue].start) : nlohmann::json();
    std::optional<size_t> chapter = transcripts::chapterAt(content.chapters.chapters, position);
    j["chapter"] = chapter ? nlohmann::json(*chapter) : nlohmann::json();
    return j.dump(2) + "\n";
}

size_t chapterNumberAt(const EpisodeContent& content, double position) {
    return size_t(std::count_if(content.chapterRows.begin(), content.chapterRows.end(),
                                [&](const ui::ChapterRow& r) { return r.start <= position; }));
}

std::string chapterAnnouncement(const EpisodeContent& content, double position) {
    const size_t n = chapterNumberAt(content, position);
    if (n == 0) return "";
    return "Chapter " + std::to_string(n) + " of " + std::to_string(content.chapterRows.size()) + ": " +
           content.chapterRows[n - 1].title;
}

std::string sectionSpeech(const transcripts::Article& article, size_t index) {
    if (index >= article.sections.size()) return "";
    const transcripts::ArticleSection& section = article.sections[index];
    std::string out;
    auto sentence = [&out](const std::string& text) {
        if (text.empty()) return;
        if (!out.empty()) out += ' ';
        out += text;
        // A heading or a list item has no full stop of its own: the voice pauses there.
        char last = out.back();
        if (last != '.' && last != '!' && last != '?' && last != ':') out += '.';
    };
    sentence(section.title);
    for (const transcripts::ArticleBlock& b : section.blocks) {
        if (b.kind == transcripts::ArticleBlock::Code) continue;
        if (b.kind == transcripts::ArticleBlock::Figure) sentence("Figure: " + b.text);
        else sentence(b.text);
    }
    return out;
}

} // namespace la::player
