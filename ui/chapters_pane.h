#pragma once
// The chapter list: start time and title of every listed chapter (toc:false
// chapters are left out), the chapter being heard marked, a tap on a chapter
// seeks to its start, and "Read this section" opens its part of the article.
// "Previous chapter" / "Next chapter" sit above the list.

#include "ui/commands.h"
#include "ui/drag_scroll.h"

#include <imgui.h>

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace la::ui {

/// One listed chapter, prepared once when the episode opens.
struct ChapterRow {
    size_t chapter = 0;      ///< index into the episode's chapter list (what chapterAt returns)
    double start = 0;        ///< seconds
    std::string title;       ///< never empty ("Chapter 3" when the file has none)
    std::string sectionLink; ///< the chapter's url when it names an article section; empty: no "Read" button
};

struct ChaptersVM {
    const std::vector<ChapterRow>* rows = nullptr; ///< not owned; nullptr/empty: none
    std::optional<size_t> currentChapter;          ///< chapterAt(position) (a chapter index, not a row index)
    std::string unavailableMessage;                ///< shown when there are no rows
};

struct ChaptersHitBoxes {
    struct Row { size_t chapter; ImVec2 min, max, readMin, readMax; };
    std::vector<Row> rows; ///< drawn last frame; read* zero without a "Read" button
    ImVec2 previousMin, previousMax, nextMin, nextMax;
    ImVec2 listMin, listMax; ///< the scrolling list's visible area
};

/// The rows' tops at one width and text size (see chapters_pane.cpp).
struct ChapterListLayout {
    const void* rowsKey = nullptr; ///< identity of the laid-out rows (their data pointer) ...
    size_t rowCount = 0;           ///< ... and count
    float width = -1, fontSize = -1;
    std::vector<float> top;        ///< top[r]: y of row r in the list; top[n]: the list's height
};

struct ChaptersPaneState {
    std::optional<size_t> shownChapter; ///< current chapter last scrolled into view
    ChaptersHitBoxes hit;
    ChapterListLayout layout;
    DragScroll drag; ///< finger held on the list
    ImFont* readingFont = nullptr; ///< the titles' font (reading text); nullptr: the current font
};

/// Draws into the current window at the cursor, filling `size` (0 = the rest).
/// `heading` (optional) is written on the row of Previous/Next chapter.
/// Returns SeekTo (a chapter's start), ShowSection (its sectionLink),
/// PreviousChapter and NextChapter.
Commands drawChaptersPane(const ChaptersVM& vm, ChaptersPaneState& state, ImVec2 size = {0, 0},
                          const char* heading = nullptr);

} // namespace la::ui
