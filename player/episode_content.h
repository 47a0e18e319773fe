#pragma once
// What is read beside the audio: the transcript, chapters and article of the
// opened episode, found as sidecars (player/sidecars.h) or given with
// --transcript/--chapters/--article, plus the view models of their panes.
//
// Loading never throws: each file that is missing, unreadable or rejected by
// its parser becomes a notice naming the file and the problem, and the other
// parts still load. Parser warnings (skipped cues, dropped HTML) are counted
// in one Info notice per file, not shown one by one.

#include "player/sidecars.h"
#include "transcripts/article.h"
#include "transcripts/model.h"
#include "ui/chapters_pane.h"
#include "ui/main_view.h"

#include <optional>
#include <string>
#include <vector>

namespace la::player {

struct EpisodeContent {
    SidecarPaths paths;                         ///< the files looked at ("" = none found)
    transcripts::Transcript transcript;         ///< no cues when absent or unreadable
    transcripts::ChapterList chapters;          ///< no chapters when absent or unreadable
    std::optional<transcripts::Article> article;
    std::vector<ui::Notice> notices;            ///< one per problem, for the notice area

    // Prepared once for the panes (see buildPaneModels).
    std::vector<ui::ChapterRow> chapterRows;    ///< toc chapters only
    std::vector<std::optional<double>> sectionStarts; ///< per article section: its chapter's start
    std::vector<std::optional<size_t>> chapterSections; ///< per chapter: its article section
    std::string transcriptMessage, chaptersMessage, articleMessage; ///< shown by an empty pane
};

/// Loads everything for `audioPath`; `overrides` are the command-line files.
/// Each problem is a notice: a sidecar that cannot be read (missing, a folder,
/// a FIFO, over 32 MB, a parse error), and an Ogg audio file that ends early.
EpisodeContent loadEpisodeContent(const std::string& audioPath, const SidecarPaths& overrides);

/// Which listed chapter (chapterRows, counted from 1) plays at `position`; 0 before the first.
size_t chapterNumberAt(const EpisodeContent& content, double position);

/// What a screen reader says after a jump to `position`: "Chapter 4 of 9:
/// Cancer and the immune system" ("" when there are no chapters).
std::string chapterAnnouncement(const EpisodeContent& content, double position);

/// Fills chapterRows, sectionStarts and chapterSections from the loaded parts
/// (loadEpisodeContent calls it; call again after changing the parts).
void buildPaneModels(EpisodeContent& content);

/// Fills the panes' view models and the transport's chapter title and marks
/// for playback at `position` seconds. Pointers into `content` are stored:
/// it must outlive the frame.
void fillContentViews(const EpisodeContent& content, double position, ui::MainViewState& state);

/// The article section of the chapter at `position` (nullopt: no chapter,
/// no article, or the chapter names no section).
std::optional<size_t> sectionAt(const EpisodeContent& content, double position);

/// What "Read this section aloud" says for section `index` of the article:
/// its heading, then each block as a sentence of its own (a figure as
/// "Figure: " and its text). Code blocks are skipped.
std::string sectionSpeech(const transcripts::Article& article, size_t index);

/// {"position": s, "playing": b, "cue": i|null, "cueStart": s|null, "chapter": i|null}:
/// what --state-file writes at exit (tests check where playback ended up).
std::string playbackStateJson(const EpisodeContent& content, double position, bool playing);

} // namespace la::player
