#pragma once
// The written article beside the audio: each section's heading, paragraphs,
// lists and figure descriptions, wrapped to the pane. A section that has a
// chapter gets "Listen from here". While "Keep the current section in view"
// is on, the pane scrolls to the section of the chapter being heard whenever
// that chapter changes (the reader can scroll freely in between).

#include "transcripts/article.h"
#include "ui/commands.h"
#include "ui/drag_scroll.h"

#include <imgui.h>

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace la::ui {

struct ArticleVM {
    const transcripts::Article* article = nullptr;            ///< not owned; nullptr: none
    const std::vector<std::optional<double>>* listenFrom = nullptr; ///< per section: its chapter's start, if any
    std::optional<size_t> currentSection;                     ///< section of the chapter being heard
    std::string unavailableMessage;                           ///< shown when there is no article
    bool readAloud = false; ///< the program's own voice is on: "Read aloud" under each heading
};

struct ArticleHitBoxes {
    struct Section { size_t section; ImVec2 listenMin, listenMax; };
    std::vector<Section> listen; ///< "Listen from here" buttons drawn last frame
    ImVec2 followMin, followMax; ///< the "Keep the current section in view" check box
    ImVec2 textMin, textMax;     ///< the scrolling text's visible area
    ImVec2 currentMin, currentMax; ///< heading block of the current section (title to "Listen"); zero: none
};

struct ArticlePaneState {
    ImFont* readingFont = nullptr; ///< body text; nullptr: the current font
    ImFont* headingFont = nullptr; ///< headings and bold lead-ins; nullptr: readingFont
    bool followChapter = true;     ///< scroll to the current chapter's section when it changes
    std::optional<size_t> showSection;   ///< scroll this section to the top on the next frame ("Read this section")
    std::optional<size_t> followedSection; ///< last section follow mode scrolled to
    std::optional<size_t> scrolledSection; ///< section scrolled to most recently (tests)
    ArticleHitBoxes hit;
    DragScroll drag; ///< finger held on the text
};

/// Draws into the current window at the cursor, filling `size` (0 = the rest).
/// `heading` (optional) is written on the row of the check box.
/// Returns SeekTo for "Listen from here".
Commands drawArticlePane(const ArticleVM& vm, ArticlePaneState& state, ImVec2 size = {0, 0},
                         const char* heading = nullptr);

} // namespace la::ui
