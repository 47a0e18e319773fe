#pragma once
// The transcript pane: every cue of the episode, the one being heard
// highlighted (and its word, where the cue has word timings) and kept in view
// while "following"; a search box; "Copy line"; tapping a cue seeks there.
//
// Long transcripts: only the visible cues are laid out and drawn. ImGui's
// ListClipper needs equal row heights, cues wrap to different heights, so the
// pane keeps its own cache (TranscriptLayout): every cue's wrapped height at
// one (width, font size, line spacing), as prefix sums. The visible range is
// two binary searches over them. The cache is rebuilt only when the width,
// font size, line spacing or the cue list changes (never per frame).
//
// Follow mode is left when the user scrolls the list (mouse wheel, dragging
// the list with a finger or mouse, the scroll bar, stepping through search
// results); "Back to now" brings it back.

#include "transcripts/model.h"
#include "ui/commands.h"
#include "ui/drag_scroll.h"
#include "ui/search.h"

#include <imgui.h>

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace la::ui {

/// What the pane shows this frame (filled by player/).
struct TranscriptVM {
    const std::vector<transcripts::Cue>* cues = nullptr; ///< not owned; outlives the frame; nullptr: none
    double position = 0;              ///< seconds being heard
    std::optional<size_t> currentCue; ///< transcripts::cueBeingHeard(*cues, position)
    unsigned seekCount = 0;           ///< seeks applied so far: a change brings the current line into view
    std::string unavailableMessage;   ///< shown when there are no cues (e.g. "No transcript for this episode.")
};

/// Wrapped heights of all cues at one width and font; see the file comment.
struct TranscriptLayout {
    const void* cuesKey = nullptr; ///< identity of the laid-out list (its data pointer) ...
    size_t cueCount = 0;           ///< ... and size
    float width = -1;              ///< pixels available for a cue row
    float fontSize = -1;           ///< reading font size in pixels
    float lineSpacing = -1;
    std::vector<float> top;        ///< top[i]: y of cue i in the list, pixels; top[n]: total height
    int rebuilds = 0;              ///< times the cache was computed (tests and the benchmark read it)
};

struct TranscriptSearchState {
    std::string query;                 ///< the search box text
    SearchResult result;               ///< for resultQuery over resultCues
    std::string resultQuery;
    const void* resultCues = nullptr;
    size_t resultCueCount = 0;
    size_t current = 0;                ///< index into result.cues: the "3" of "3 of 12"
    bool open = false;                 ///< the search row is shown (also whenever query is not empty)
    bool focusBox = false;             ///< open the search row and give the box the keyboard next frame
};

/// Screen rectangles of the pane's controls from the last frame (tests use
/// them to click; zero size when not drawn).
struct TranscriptHitBoxes {
    ImVec2 backToNowMin, backToNowMax;
    ImVec2 copyMin, copyMax;
    ImVec2 nextMin, nextMax;
    ImVec2 previousMin, previousMax;
    ImVec2 listMin, listMax;
    ImVec2 wordMin, wordMax; ///< the word being heard, where drawn (zero: none)
    struct Row { size_t cue; ImVec2 min, max; };
    std::vector<Row> rows; ///< the cues drawn last frame
};

/// A piece of cue text placed on a wrapped line (the pane's scratch space).
struct PlacedText {
    size_t begin = 0, end = 0; ///< bytes of the cue text
    size_t token = 0;          ///< index of the whitespace-separated word (= Cue::words index)
    int line = 0;
    float x = 0, width = 0;    ///< pixels from the start of the line
};

/// The pane's own state, kept by the caller across frames.
/// The placed words of the last long cue drawn, kept between frames.
struct LongCueLayout {
    size_t cue = size_t(-1);
    const char* text = nullptr;
    size_t size = 0;
    float width = -1, fontSize = -1;
    const ImFont* font = nullptr;
    std::vector<PlacedText> placed;
};

struct TranscriptPaneState {
    ImFont* readingFont = nullptr; ///< cue text font; nullptr: the current font. Set by the font/settings owner.
    float lineSpacing = 1.25f;     ///< line height as a multiple of the font size; clamped to [1, 3]
    bool follow = true;            ///< keep the cue being heard in view
    std::optional<size_t> selected; ///< the cue picked by search; "Copy line" copies it when not following
    TranscriptLayout layout;
    TranscriptSearchState search;
    TranscriptHitBoxes hit;
    // Scrolling bookkeeping (see drawTranscriptPane).
    std::optional<size_t> followedCue; ///< the cue follow mode last scrolled to
    float followedViewH = -1;          ///< the view's height then: a change re-places the cue
    std::optional<size_t> scrollToCue; ///< bring this cue into view on the next frame (search)
    unsigned seenSeekCount = 0;        ///< vm.seekCount when last drawn
    bool ownSeek = false;              ///< the last seek was a tap on a line in this pane
    DragScroll drag;                   ///< finger held on the list; a drag that scrolled is not a tap
    /// A button the owner wants first in the toolbar row (e.g. the main view's
    /// "Show: Transcript" at large text, to save a row); empty: none.
    std::string leadButton;
    bool backToNowFloats = false;      ///< last frame: "Back to now" did not fit the toolbar row and floats over the list
    bool leadPressed = false;          ///< set when leadButton was pressed this frame
    /// Or: the owner's own controls (the view tabs), drawn first on the
    /// toolbar row; set each frame, empty: none.
    std::function<void()> leadRow;
    bool searchAndCopy = true;         ///< false (kiosk): no Search, no Copy line, no Ctrl+C
    std::vector<PlacedText> scratch;   ///< reused each frame: no allocation once warm
    LongCueLayout longCue;
};

/// Draws the pane into the current window at the cursor, filling `size`
/// (0 = remaining space). Returns SeekTo (a tapped cue, Enter on a search
/// result) and CopyText.
Commands drawTranscriptPane(const TranscriptVM& vm, TranscriptPaneState& state, ImVec2 size = {0, 0});

/// Recomputes `layout` when `cues`, width, font size or spacing differ from
/// what it holds; returns true if it did. Needs a current ImGui frame (font metrics).
bool updateTranscriptLayout(TranscriptLayout& layout, const std::vector<transcripts::Cue>& cues, ImFont* font,
                            float fontSize, float width, float lineSpacing);

/// The cues [first, last) that intersect [scrollY, scrollY + height), given
/// top[] from TranscriptLayout. O(log n).
std::pair<size_t, size_t> visibleCueRange(const std::vector<float>& top, float scrollY, float height);

/// "[0:23] Nurse: text" — what "Copy line" puts on the clipboard.
std::string cueClipboardText(const transcripts::Cue& cue);

} // namespace la::ui
