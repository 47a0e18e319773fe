// The transcript pane (see transcript_pane.h for the contract).
//
// [SECTION] Row geometry and word wrap (layoutText: one routine both measures
//           and places words, so cached heights and drawn rows agree)
// [SECTION] Search box, Previous/Next and the count
// [SECTION] Toolbar: Search, Copy line, Back to now
// [SECTION] The cue list: user-scroll detection and drag-to-scroll, follow
//           mode, highlights (search hits, the word being heard), one cue row
// [SECTION] Public functions: layout cache, visible range, drawTranscriptPane

#include "ui/transcript_pane.h"

#include "transcripts/text_utils.h"
#include "transcripts/time_lookup.h"

#include "ui/long_text.h"
#include "ui/focus_outline.h"
#include "ui/semantic_scope.h"

#include "ui/icon_button.h"
#include "ui/time_format.h"

#include <imgui_internal.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <span>

namespace la::ui {
namespace {

// Row geometry, all from the reading font size.
struct RowMetrics {
    float fs = 0;      // font size
    float lineH = 0;   // one wrapped line
    float pad = 0;     // inside the row, above and below
    float gap = 0;     // between rows
    float accentW = 0; // the bar marking the cue being heard
    float textX = 0;   // text inset from the row's left edge
};

RowMetrics rowMetrics(float fs, float lineSpacing) {
    RowMetrics m;
    m.fs = fs;
    m.lineH = std::round(fs * std::clamp(lineSpacing, 1.0f, 3.0f));
    m.pad = std::round(fs * 0.3f);
    m.gap = std::round(fs * 0.25f);
    m.accentW = std::max(4.0f, std::round(fs * 0.25f));
    m.textX = m.accentW + std::round(fs * 0.45f);
    return m;
}

float textWidthOf(const RowMetrics& m, float rowWidth) { return std::max(rowWidth - m.textX - m.pad, m.fs * 2); }

bool isBlank(char c) { return c == ' ' || c == '\t' || c == '\r'; }

// Greedy word wrap of `text` into lines of `width` px: breaks at blanks, '\n'
// forces a break, a word wider than a line is split between characters.
// Returns the number of lines (>= 1). `out` may be null: measuring only.
int layoutText(const std::string& text, ImFont* font, float fs, float width, std::vector<PlacedText>* out) {
    const float spaceW = font->CalcTextSizeA(fs, FLT_MAX, 0, " ").x;
    const char* s = text.data();
    const size_t n = text.size();
    int line = 0;
    float x = 0;
    bool lineUsed = false;
    size_t token = 0;
    size_t i = 0;
    while (i < n) {
        if (text[i] == '\n') {
            ++line, x = 0, lineUsed = false, ++i;
            continue;
        }
        if (isBlank(text[i])) {
            ++i;
            continue;
        }
        size_t e = i;
        while (e < n && !isBlank(text[e]) && text[e] != '\n') ++e;
        float w = font->CalcTextSizeA(fs, FLT_MAX, 0, s + i, s + e).x;
        if (lineUsed && x + spaceW + w > width) ++line, x = 0, lineUsed = false;
        else if (lineUsed) x += spaceW;
        if (w <= width - x) {
            if (out) out->push_back({i, e, token, line, x, w});
            x += w;
        } else { // a word longer than the line: split between characters
            // Character widths are summed as they come (measuring from p each
            // time made a 10 MB word cost seconds).
            size_t p = i;
            while (p < e) {
                size_t k = p;
                float pw = 0;
                while (k < e) {
                    size_t next = k;
                    transcripts::decodeUtf8(std::string_view(text).substr(0, e), next); // one character, even an invalid one
                    float cw = pw + font->CalcTextSizeA(fs, FLT_MAX, 0, s + k, s + next).x;
                    if (cw > width - x && k > p) break;
                    k = next, pw = cw;
                }
                if (out) out->push_back({p, k, token, line, x, pw});
                x += pw;
                p = k;
                if (p < e) ++line, x = 0;
            }
        }
        lineUsed = true;
        ++token;
        i = e;
    }
    return line + 1;
}

// Row height: padding, a header line (time and speaker), the wrapped text, the gap.
float cueHeight(const transcripts::Cue& cue, ImFont* font, const RowMetrics& m, float rowWidth) {
    int lines = layoutText(cue.text, font, m.fs, textWidthOf(m, rowWidth), nullptr);
    return m.pad * 2 + m.lineH * float(1 + lines) + m.gap;
}

std::string cueHeader(const transcripts::Cue& cue) {
    std::string h = formatClock(cue.start);
    if (!cue.speaker.empty()) h += "   " + cue.speaker;
    return h;
}


void storeRect(ImVec2& min, ImVec2& max) {
    min = ImGui::GetItemRectMin();
    max = ImGui::GetItemRectMax();
}

// ---------------------------------------------------------------------------
// Search box, Previous/Next and the count.

void goToHit(TranscriptPaneState& st) {
    const SearchResult& r = st.search.result;
    if (r.cues.empty()) return;
    st.selected = r.cues[st.search.current];
    st.scrollToCue = st.selected;
    st.follow = false;
}

void refreshSearch(const TranscriptVM& vm, TranscriptPaneState& st) {
    TranscriptSearchState& s = st.search;
    const void* key = vm.cues->data();
    if (s.resultQuery == s.query && s.resultCues == key && s.resultCueCount == vm.cues->size()) return;
    bool queryChanged = s.resultQuery != s.query;
    s.result = searchCues(*vm.cues, s.query);
    s.resultQuery = s.query;
    s.resultCues = key;
    s.resultCueCount = vm.cues->size();
    s.current = firstHitAtOrAfter(s.result, vm.currentCue.value_or(0));
    if (queryChanged) goToHit(st);
}

void drawSearch(const TranscriptVM& vm, TranscriptPaneState& st, Commands& out) {
    TranscriptSearchState& s = st.search;
    const float fs = ImGui::GetFontSize();
    const float controlH = largeControlHeight();
    const ImGuiStyle& style = ImGui::GetStyle();

    // Tab or a screen reader moving the focus here starts typing, as Ctrl+F does.
    if (s.focusBox || hasRequest("search/box", kFocus)) {
        ImGui::SetKeyboardFocusHere();
        s.focusBox = false;
    }
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, {style.FramePadding.x, std::max(style.FramePadding.y, (controlH - fs) * 0.5f)});
    ImGui::SetNextItemWidth(std::min(ImGui::GetContentRegionAvail().x, fs * 14));
    bool enter = ImGui::InputTextWithHint("##Search", "Search the transcript", &s.query, ImGuiInputTextFlags_EnterReturnsTrue);
    ImGui::PopStyleVar();
    const int box = declareLastItem("search/box", SemanticRole::TextField, "Search the transcript", 0);
    declareValue(box, {0, 0, 0, 0, s.query});
    if (box >= 0 && ImGui::IsItemActive()) currentSemanticTree()->node(box).states |= kFocused;
    refreshSearch(vm, st);
    const size_t count = s.result.cues.size();
    if (enter && count > 0) {
        size_t cue = s.result.cues[s.current];
        out.push_back(SeekTo{(*vm.cues)[cue].start});
        st.follow = true;
        st.followedCue = cue; // already in view: do not jump
    }

    ImGui::BeginDisabled(count == 0);
    sameLineIfFits(iconButtonWidth("Previous", Icon::Previous));
    if (declaredButton(iconButton("Previous##match", Icon::Previous, controlH), "search/previous", SemanticRole::PushButton,
                       "Previous match")) {
        s.current = (s.current + count - 1) % std::max<size_t>(count, 1);
        goToHit(st);
    }
    storeRect(st.hit.previousMin, st.hit.previousMax);
    sameLineIfFits(iconButtonWidth("Next", Icon::Next));
    if (declaredButton(iconButton("Next##match", Icon::Next, controlH), "search/next", SemanticRole::PushButton, "Next match")) {
        s.current = (s.current + 1) % std::max<size_t>(count, 1);
        goToHit(st);
    }
    storeRect(st.hit.nextMin, st.hit.nextMax);
    ImGui::EndDisabled();

    if (!s.query.empty()) {
        std::string label = count == 0 ? "No matches"
                                       : std::to_string(s.current + 1) + " of " + std::to_string(count);
        sameLineIfFits(ImGui::CalcTextSize(label.c_str()).x);
        float y = ImGui::GetCursorPosY();
        ImGui::SetCursorPosY(y + (controlH - ImGui::GetTextLineHeight()) * 0.5f);
        ImGui::TextUnformatted(label.c_str());
        // Said once for a screen reader each time the number of matches changes.
        const std::string said = count == 0 ? "No matches" : std::to_string(count) + (count == 1 ? " match" : " matches");
        declareLastText("announcement/search/" + said, SemanticRole::Notification, said);
    }
}

// ---------------------------------------------------------------------------
// One row of buttons: Search (opens the search row), Copy line, and "Back to
// now" while not following. Kept to one row where it fits: at 400 % text the
// cues must still have the room.

// Search (opens the search row) and Copy line, on the toolbar row.
void drawSearchAndCopy(const TranscriptVM& vm, TranscriptPaneState& st, Commands& out, float controlH) {
    TranscriptSearchState& s = st.search;
    if (!s.open) {
        if (declaredButton(iconButton("Search###search", Icon::None, controlH), "transcript/search", SemanticRole::PushButton,
                           "Search the transcript"))
            s.open = s.focusBox = true;
    } else if (declaredButton(iconButton("Close search###search", Icon::None, controlH), "transcript/search",
                              SemanticRole::PushButton, "Close search")) {
        s.open = false;
        s.query.clear();
        st.follow = true; // back to the line being heard
        st.followedCue.reset();
        st.selected.reset();
    }
    const std::optional<size_t> pick = (!st.follow && st.selected) ? st.selected : vm.currentCue;
    const transcripts::Cue* copyCue = pick && *pick < vm.cues->size() ? &(*vm.cues)[*pick] : nullptr;
    // Sharing the row with the owner's button at large text, Copy line gives
    // way (Ctrl+C still copies) rather than take a row from the cues.
    const bool copyFits = sameLineIfFits(iconButtonWidth("Copy line", Icon::None));
    if (copyFits || (st.leadButton.empty() && !st.leadRow)) {
        ImGui::BeginDisabled(!copyCue);
        if (declaredButton(iconButton("Copy line", Icon::None, controlH), "transcript/copy", SemanticRole::PushButton,
                           "Copy the line") &&
            copyCue)
            out.push_back(CopyText{cueClipboardText(*copyCue)});
        ImGui::EndDisabled();
        storeRect(st.hit.copyMin, st.hit.copyMax);
    } else {
        st.hit.copyMin = st.hit.copyMax = {0, 0};
    }
}

void drawBackToNow(TranscriptPaneState& st, float controlH) {
    ImGui::PushStyleColor(ImGuiCol_Button, ImGui::GetStyleColorVec4(ImGuiCol_ButtonActive));
    if (declaredButton(iconButton("Back to now", Icon::Play, controlH), "transcript/back to now", SemanticRole::PushButton,
                       "Back to the line being heard")) {
        st.follow = true;
        st.followedCue.reset(); // scroll to the cue being heard
        st.selected.reset();
    }
    ImGui::PopStyleColor();
    storeRect(st.hit.backToNowMin, st.hit.backToNowMax);
}

void drawToolbar(const TranscriptVM& vm, TranscriptPaneState& st, Commands& out) {
    // Finger-sized (>= 48 px) but not 2.2 lines tall at 400 %: the cues need the room.
    const float controlH = std::max(48.0f, ImGui::GetFontSize() * 1.5f);
    TranscriptSearchState& s = st.search;
    st.leadPressed = false;
    if (st.leadRow) st.leadRow();
    else if (!st.leadButton.empty()) {
        ImGui::PushOverrideID(ImHashStr("view tabs")); // the same control as "Show: …" on the other views
        st.leadPressed = iconButton(st.leadButton.c_str(), Icon::None, controlH);
        ImGui::PopID();
    }
    if ((st.leadRow || !st.leadButton.empty()) && st.searchAndCopy)
        sameLineIfFits(iconButtonWidth(s.open ? "Close search" : "Search", Icon::None));
    if (st.searchAndCopy) drawSearchAndCopy(vm, st, out, controlH);
    else st.hit.copyMin = st.hit.copyMax = {0, 0};
    st.backToNowFloats = false;
    if (st.follow) {
        st.hit.backToNowMin = st.hit.backToNowMax = {0, 0};
        return;
    }
    // Where the row is full, a row of its own would push the cues down under
    // the pointer that just scrolled them: it floats over the list instead.
    if ((st.searchAndCopy || st.leadRow || !st.leadButton.empty()) &&
        !sameLineIfFits(iconButtonWidth("Back to now", Icon::Play))) {
        st.backToNowFloats = true;
        return;
    }
    drawBackToNow(st, controlH);
}

// Over the bottom right of the cue list, in a window of its own so it takes
// taps before the rows under it.
void drawFloatingBackToNow(TranscriptPaneState& st) {
    const float fs = ImGui::GetFontSize(), pad = fs * 0.5f;
    const float controlH = std::max(48.0f, fs * 1.5f);
    ImGui::SetNextWindowPos({st.hit.listMax.x - ImGui::GetStyle().ScrollbarSize - pad, st.hit.listMax.y - pad},
                            ImGuiCond_Always, {1.0f, 1.0f});
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, {0, 0});
    ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, 0);
    ImGui::PushStyleColor(ImGuiCol_WindowBg, ImVec4{0, 0, 0, 0});
    const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_AlwaysAutoResize |
                                   ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoFocusOnAppearing;
    if (ImGui::Begin("##back to now", nullptr, flags)) drawBackToNow(st, controlH);
    ImGui::End();
    ImGui::PopStyleColor();
    ImGui::PopStyleVar(2);
}

// ---------------------------------------------------------------------------
// The cue list.

// Leaves follow mode when the user scrolls (wheel, scroll bar, dragging).
void handleUserScroll(TranscriptPaneState& st) {
    ImGuiIO& io = ImGui::GetIO();
    ImGuiWindow* win = ImGui::GetCurrentWindow();
    const bool hovered = ImGui::IsWindowHovered(ImGuiHoveredFlags_AllowWhenBlockedByActiveItem);
    if (hovered && io.MouseWheel != 0) st.follow = false;
    if (ImGui::GetActiveID() == ImGui::GetWindowScrollbarID(win, ImGuiAxis_Y)) st.follow = false;
    if (updateDragScroll(st.drag)) st.follow = false;
}

// Scroll so that `cue` sits a fifth of the way down: in the upper third,
// with what comes next below it. A view only a few lines tall (large text in
// a small window) shows it from the top, and one under three lines from its
// words: the time and speaker give way first.
void scrollToCue(const TranscriptLayout& layout, size_t cue, float viewH, const RowMetrics& m) {
    float target = layout.top[cue] - viewH * 0.2f;
    if (viewH < m.fs * 8) target = layout.top[cue];
    if (viewH < m.lineH * 3) target = layout.top[cue] + m.pad + m.lineH;
    // ... but a line that fits is never cut at the bottom: it moves up as far as needed.
    // (A cue's top in the view is its layout top - scroll + the window padding.)
    else if (const float pad = ImGui::GetStyle().WindowPadding.y; layout.top[cue + 1] - layout.top[cue] + pad <= viewH)
        target = std::clamp(target, layout.top[cue + 1] + pad - viewH, layout.top[cue]);
    // ImGui clamps the far end to the scroll range (which includes the window padding).
    ImGui::SetScrollY(std::max(0.0f, target));
}

// The words of `cue` placed at `width`: a long cue's layout is kept between
// frames (laying out megabytes every frame is too slow); a short one is laid
// out afresh into the reused scratch list.
const std::vector<PlacedText>& placedWords(TranscriptPaneState& st, const transcripts::Cue& cue, size_t i, ImFont* font,
                                           float fs, float width) {
    if (cue.text.size() < kLongTextBytes) {
        st.scratch.clear();
        layoutText(cue.text, font, fs, width, &st.scratch);
        return st.scratch;
    }
    LongCueLayout& kept = st.longCue;
    if (kept.cue != i || kept.text != cue.text.data() || kept.size != cue.text.size() || kept.width != width ||
        kept.fontSize != fs || kept.font != font) {
        kept.placed.clear();
        layoutText(cue.text, font, fs, width, &kept.placed);
        kept.cue = i, kept.text = cue.text.data(), kept.size = cue.text.size();
        kept.width = width, kept.fontSize = fs, kept.font = font;
    }
    return kept.placed;
}

// A cue taller than the view: keep the word being heard on screen, about a
// fifth of the way down when it would leave it.
void keepWordInView(const TranscriptVM& vm, TranscriptPaneState& st, size_t cur, ImFont* font, float rowWidth,
                    float viewH, const RowMetrics& m) {
    const transcripts::Cue& cue = (*vm.cues)[cur];
    std::optional<size_t> word = transcripts::wordAt(cue, vm.position);
    if (!word || st.layout.top[cur + 1] - st.layout.top[cur] <= viewH) return;
    const std::vector<PlacedText>& placed = placedWords(st, cue, cur, font, m.fs, textWidthOf(m, rowWidth));
    auto it = std::find_if(placed.begin(), placed.end(), [&](const PlacedText& p) { return p.token == *word; });
    if (it == placed.end()) return;
    const float y = st.layout.top[cur] + m.pad + m.lineH * float(1 + it->line);
    // Where the view is going this frame: a scroll to the cue asked for just
    // now is applied at the next frame, and the word is judged against it.
    const ImGuiWindow* win = ImGui::GetCurrentWindow();
    const float scroll = win->ScrollTarget.y < FLT_MAX ? win->ScrollTarget.y : win->Scroll.y;
    if (y < scroll || y + m.lineH > scroll + viewH * 0.9f) {
        // Whole lines above it, about a fifth of the view (at least the line
        // before, for the sense, where three fit): never a line cut through
        // its letters at the top.
        const float above = m.lineH * std::max(viewH >= m.lineH * 3 ? 1.0f : 0.0f, std::floor(viewH * 0.2f / m.lineH));
        ImGui::SetScrollY(std::max(0.0f, y + ImGui::GetStyle().WindowPadding.y - above));
    }
}

void followCurrent(const TranscriptVM& vm, TranscriptPaneState& st, bool relaidOut, float viewH, ImFont* font,
                   float rowWidth, const RowMetrics& m) {
    if (st.scrollToCue && *st.scrollToCue < vm.cues->size()) scrollToCue(st.layout, *st.scrollToCue, viewH, m);
    st.scrollToCue.reset();
    // A seek this pane did not ask for (the transport, the keys, a chapter;
    // also while paused) brings the line being heard back into view. A tap on
    // a line seeks too, but that line is in view already and stays put.
    if (vm.seekCount != st.seenSeekCount) {
        if (!st.ownSeek) st.follow = true, st.followedCue.reset(), st.selected.reset();
        st.seenSeekCount = vm.seekCount;
        st.ownSeek = false;
    }
    if (!st.follow || !vm.currentCue || *vm.currentCue >= vm.cues->size()) return;
    size_t cur = *vm.currentCue;
    // The cue's top as seen in the view (the list's padding is above cue 0).
    const float top = st.layout.top[cur] - ImGui::GetScrollY() + ImGui::GetStyle().WindowPadding.y;
    // Each new line comes to the same place, a fifth of the way down, so the
    // eye knows where to look; unless it is already in the upper third.
    bool placed = top >= 0 && top <= viewH * 0.3f;
    // A view that changed height (a resize, a pane settling in its first
    // frames) places the line again: placed for the old height, a line that
    // fits now could stay cut off, or one too tall then stay scrolled to a word.
    const bool resized = st.followedViewH >= 0 && std::fabs(viewH - st.followedViewH) > 1;
    if (relaidOut || resized || !st.followedCue || (*st.followedCue != cur && !placed))
        scrollToCue(st.layout, cur, viewH, m);
    st.followedCue = cur;
    st.followedViewH = viewH;
    keepWordInView(vm, st, cur, font, rowWidth, viewH, m);
}

struct CueDrawContext {
    const TranscriptVM& vm;
    TranscriptPaneState& st;
    ImFont* font;
    RowMetrics m;
    float rowWidth;
    Commands& out;
};

using PlacedSpan = std::span<const PlacedText>;

void drawHighlights(const CueDrawContext& c, const transcripts::Cue& cue, size_t index, ImVec2 textPos, PlacedSpan placed) {
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float fs = c.m.fs;
    const float top = (c.m.lineH - fs) * 0.5f;
    // Search hits (all occurrences in this cue).
    const auto& hits = c.st.search.result.hits;
    auto h = std::lower_bound(hits.begin(), hits.end(), index, [](const SearchHit& a, size_t i) { return a.cue < i; });
    const ImU32 hitCol = ImGui::GetColorU32(ImGuiCol_TextSelectedBg);
    const ImU32 textCol = ImGui::GetColorU32(ImGuiCol_Text);
    for (; h != hits.end() && h->cue == index; ++h) {
        for (const PlacedText& p : placed) {
            if (p.end <= h->begin || p.begin >= h->end) continue;
            const char* s = cue.text.data();
            float x0 = c.font->CalcTextSizeA(fs, FLT_MAX, 0, s + p.begin, s + std::max(p.begin, h->begin)).x;
            float x1 = c.font->CalcTextSizeA(fs, FLT_MAX, 0, s + p.begin, s + std::min(p.end, h->end)).x;
            float y = textPos.y + p.line * c.m.lineH + top;
            ImVec2 a{textPos.x + p.x + x0 - fs * 0.05f, y - fs * 0.05f}, b{textPos.x + p.x + x1 + fs * 0.05f, y + fs * 1.1f};
            dl->AddRectFilled(a, b, hitCol, fs * 0.15f);
            // Outlined too: visible on the now-playing fill and in every theme, not colour alone.
            dl->AddRect(a, b, textCol, fs * 0.15f, 0, std::max(1.0f, fs * 0.07f));
        }
    }
    // The word being heard: filled behind and underlined (not colour alone).
    if (c.vm.currentCue != index || cue.words.empty()) return;
    std::optional<size_t> word = transcripts::wordAt(cue, c.vm.position);
    if (!word) return;
    const ImU32 wordCol = ImGui::GetColorU32(ImGuiCol_ButtonHovered);
    const ImU32 lineCol = ImGui::GetColorU32(ImGuiCol_Text);
    for (const PlacedText& p : placed) {
        if (p.token != *word) continue;
        float y = textPos.y + p.line * c.m.lineH + top;
        ImVec2 a{textPos.x + p.x - fs * 0.12f, y - fs * 0.05f}, b{textPos.x + p.x + p.width + fs * 0.12f, y + fs * 1.12f};
        dl->AddRectFilled(a, b, wordCol, fs * 0.15f);
        dl->AddRectFilled({a.x, b.y - std::max(2.0f, fs * 0.08f)}, {b.x, b.y}, lineCol);
        c.st.hit.wordMin = a, c.st.hit.wordMax = b;
    }
}

// The words of cue `i` on the lines inside the clip rectangle.
PlacedSpan visiblePlacedText(const CueDrawContext& c, const transcripts::Cue& cue, size_t i, ImVec2 textPos,
                             const ImDrawList* dl) {
    const std::vector<PlacedText>* placed = &placedWords(c.st, cue, i, c.font, c.m.fs, textWidthOf(c.m, c.rowWidth));
    const int firstLine = int(std::floor((dl->GetClipRectMin().y - textPos.y) / c.m.lineH)) - 1;
    const int lastLine = int(std::ceil((dl->GetClipRectMax().y - textPos.y) / c.m.lineH));
    const PlacedText* b = placed->data();
    const PlacedText* e = b + placed->size();
    const PlacedText* first = std::lower_bound(b, e, firstLine, [](const PlacedText& p, int l) { return p.line < l; });
    const PlacedText* last = std::upper_bound(first, e, lastLine, [](int l, const PlacedText& p) { return l < p.line; });
    return {first, size_t(last - first)};
}

void drawCue(const CueDrawContext& c, size_t i, ImVec2 pos, float height) {
    const transcripts::Cue& cue = (*c.vm.cues)[i];
    const RowMetrics& m = c.m;
    const bool current = c.vm.currentCue == i;
    const bool selected = c.st.selected == i;
    ImVec2 size{c.rowWidth, height - m.gap};

    ImGui::PushID(int(i));
    ImGui::SetCursorScreenPos(pos);
    const bool pressed = ImGui::InvisibleButton("##cue", size);
    // The words are the name a screen reader says; time and speaker describe them.
    const float viewTop = ImGui::GetWindowPos().y, viewBottom = viewTop + ImGui::GetWindowHeight();
    const bool showing = pos.y + size.y > viewTop && pos.y < viewBottom;
    const std::string id = "transcript/cue/" + std::to_string(i);
    // A line the keyboard moves to stays where it is: following what is
    // heard would scroll it away.
    if (hasRequest(id, kFocus)) c.st.follow = false;
    int node = declareLastItem(id, SemanticRole::ListItem, cue.text,
                               kPress | kScrollIntoView,
                               (current ? kCurrent : 0u) | (selected ? kSelected : 0u));
    if (SemanticTree* tree = currentSemanticTree(); tree && node >= 0) {
        SemanticNode& n = tree->node(node);
        n.description = formatClock(cue.start) + (cue.speaker.empty() ? "" : ", " + cue.speaker);
        if (!showing) n.states &= ~std::uint32_t(kShowing);
    }
    bool hovered = ImGui::IsItemHovered();
    bool focused = ImGui::IsItemFocused() && keyboardFocusShown();
    if (ImGui::BeginPopupContextItem("cue actions")) {
        if (ImGui::MenuItem("Play from here")) c.out.push_back(SeekTo{cue.start});
        if (ImGui::MenuItem("Copy this line")) c.out.push_back(CopyText{cueClipboardText(cue)});
        ImGui::EndPopup();
    }
    ImGui::PopID();
    // A screen reader's press is a tap on the line.
    if ((pressed && !c.st.drag.scrolled) || takeRequest(node, kPress)) {
        c.out.push_back(SeekTo{cue.start});
        c.st.ownSeek = true; // the line stays under the finger
        c.st.follow = true;
        c.st.followedCue = i; // it is in view: no jump
        c.st.selected.reset();
    }

    ImDrawList* dl = ImGui::GetWindowDrawList();
    ImVec2 max{pos.x + size.x, pos.y + size.y};
    const float round = m.fs * 0.25f;
    if (current) dl->AddRectFilled(pos, max, ImGui::GetColorU32(ImGuiCol_Header), round);
    if (hovered && !current) { // an outline only: hover must not look like "now playing"
        dl->AddRect(pos, max, ImGui::GetColorU32(ImGuiCol_Border), round, 0, std::max(1.0f, m.fs * 0.06f));
    }
    if (current) dl->AddRectFilled(pos, {pos.x + m.accentW, max.y}, ImGui::GetColorU32(ImGuiCol_SliderGrabActive), round);
    if (selected || focused) {
        dl->AddRect(pos, max, ImGui::GetColorU32(focused ? ImGuiCol_NavHighlight : ImGuiCol_Border), round, 0,
                    std::max(2.0f, m.fs * 0.1f));
    }

    const ImU32 textCol = ImGui::GetColorU32(ImGuiCol_Text);
    const float inset = (m.lineH - m.fs) * 0.5f;
    ImVec2 headerPos{pos.x + m.textX, pos.y + m.pad + inset};
    std::string header = cueHeader(cue);
    if (current) { // the words too, where they fit on the header line
        std::string tagged = header + "   (now playing)";
        if (c.font->CalcTextSizeA(m.fs, FLT_MAX, 0, tagged.c_str()).x <= c.rowWidth - m.textX - m.pad) header = tagged;
    }
    dl->AddText(c.font, m.fs, headerPos, ImGui::GetColorU32(ImGuiCol_TextDisabled), header.c_str());
    if (!cue.speaker.empty()) { // speaker name in the text colour, over the dimmer header
        std::string time = formatClock(cue.start) + "   ";
        float x = c.font->CalcTextSizeA(m.fs, FLT_MAX, 0, time.c_str()).x;
        dl->AddText(c.font, m.fs, {headerPos.x + x, headerPos.y}, textCol, cue.speaker.c_str());
    }

    ImVec2 textPos{pos.x + m.textX, pos.y + m.pad + m.lineH};
    const PlacedSpan placed = visiblePlacedText(c, cue, i, textPos, dl);
    drawHighlights(c, cue, i, textPos, placed);
    const char* s = cue.text.data();
    for (const PlacedText& p : placed) {
        dl->AddText(c.font, m.fs, {textPos.x + p.x, textPos.y + p.line * m.lineH + inset}, textCol, s + p.begin, s + p.end);
    }
    c.st.hit.rows.push_back({i, pos, max});
}

void drawCueList(const TranscriptVM& vm, TranscriptPaneState& st, Commands& out) {
    ImFont* font = st.readingFont ? st.readingFont : ImGui::GetFont();
    if (st.readingFont) ImGui::PushFont(st.readingFont);
    const float fs = ImGui::GetFontSize();
    RowMetrics m = rowMetrics(fs, st.lineSpacing);
    const float rowWidth = ImGui::GetContentRegionAvail().x;
    const float viewH = ImGui::GetWindowHeight();

    bool relaidOut = updateTranscriptLayout(st.layout, *vm.cues, font, fs, rowWidth, st.lineSpacing);
    handleUserScroll(st);
    followCurrent(vm, st, relaidOut, viewH, font, rowWidth, m);

    const ImVec2 origin = ImGui::GetCursorScreenPos(); // top of cue 0 (scroll already applied)
    const float scrollY = ImGui::GetScrollY();
    auto [first, last] = visibleCueRange(st.layout.top, scrollY, viewH);
    // One extra row either side, so keyboard navigation can step past the edge.
    if (first > 0) --first;
    last = std::min(last + 1, vm.cues->size());
    CueDrawContext c{vm, st, font, m, rowWidth, out};
    const int list = declareOpen("transcript", SemanticRole::List, "Transcript");
    // Home and End (or a screen reader focusing the list) ask for a line
    // that may be far out of view: it is drawn too, and the focus scrolls to it.
    const std::optional<size_t> asked = takeListFocusRequest(list, vm.cues->size());
    if (asked) requestFocus("transcript/cue/" + std::to_string(*asked));
    st.hit.rows.clear();
    st.hit.wordMin = st.hit.wordMax = {0, 0};
    auto draw = [&](size_t i) {
        const float top = st.layout.top[i];
        drawCue(c, i, {origin.x, origin.y + top}, st.layout.top[i + 1] - top);
    };
    if (asked && *asked < first) draw(*asked);
    for (size_t i = first; i < last; ++i) draw(i);
    if (asked && *asked >= last) draw(*asked);
    declareClose();
    ImGui::SetCursorScreenPos(origin);
    ImGui::Dummy({rowWidth, st.layout.top.back()}); // the list's full height, for the scroll bar
    if (st.readingFont) ImGui::PopFont();
}

} // namespace

// ---------------------------------------------------------------------------
// Public functions.

bool updateTranscriptLayout(TranscriptLayout& layout, const std::vector<transcripts::Cue>& cues, ImFont* font,
                            float fontSize, float width, float lineSpacing) {
    if (layout.cuesKey == cues.data() && layout.cueCount == cues.size() && layout.width == width &&
        layout.fontSize == fontSize && layout.lineSpacing == lineSpacing && layout.top.size() == cues.size() + 1) {
        return false;
    }
    RowMetrics m = rowMetrics(fontSize, lineSpacing);
    layout.top.resize(cues.size() + 1);
    float y = 0;
    for (size_t i = 0; i < cues.size(); ++i) {
        layout.top[i] = y;
        y += cueHeight(cues[i], font, m, width);
    }
    layout.top[cues.size()] = y;
    layout.cuesKey = cues.data();
    layout.cueCount = cues.size();
    layout.width = width;
    layout.fontSize = fontSize;
    layout.lineSpacing = lineSpacing;
    ++layout.rebuilds;
    return true;
}

std::pair<size_t, size_t> visibleCueRange(const std::vector<float>& top, float scrollY, float height) {
    if (top.size() < 2) return {0, 0};
    const size_t n = top.size() - 1;
    // first: the last cue starting at or above scrollY; last: first cue starting at or below the bottom edge.
    size_t first = size_t(std::upper_bound(top.begin(), top.begin() + n, scrollY) - top.begin());
    first = first > 0 ? first - 1 : 0;
    size_t last = size_t(std::lower_bound(top.begin(), top.begin() + n, scrollY + height) - top.begin());
    return {first, std::max(first, last)};
}

std::string cueClipboardText(const transcripts::Cue& cue) {
    std::string s = "[" + formatClock(cue.start) + "] ";
    if (!cue.speaker.empty()) s += cue.speaker + ": ";
    return s + cue.text;
}

namespace {

// Keys of the pane's own (not while typing): Ctrl+C copies the line, Escape is "Back to now".
void handleKeys(const TranscriptVM& vm, TranscriptPaneState& st, Commands& out) {
    const ImGuiIO& io = ImGui::GetIO();
    if (io.WantTextInput || !vm.cues || vm.cues->empty()) return;
    if (st.searchAndCopy && io.KeyCtrl && ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_C), false)) {
        std::optional<size_t> cue = (!st.follow && st.selected) ? st.selected : vm.currentCue;
        if (cue && *cue < vm.cues->size()) out.push_back(CopyText{cueClipboardText((*vm.cues)[*cue])});
    }
    if (!st.follow && !io.KeyCtrl && ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false) &&
        !ImGui::IsPopupOpen("", ImGuiPopupFlags_AnyPopupId)) {
        st.follow = true;
        st.followedCue.reset();
        st.selected.reset();
    }
}

} // namespace

Commands drawTranscriptPane(const TranscriptVM& vm, TranscriptPaneState& st, ImVec2 size) {
    Commands out;
    handleKeys(vm, st, out);
    ImGui::PushID("Transcript");
    if (beginControlsChild("##transcript pane", size, ImGuiWindowFlags_NoScrollbar | ImGuiWindowFlags_NoScrollWithMouse | ImGuiWindowFlags_NavFlattened)) {
        if (!vm.cues || vm.cues->empty()) {
            ImGui::PushTextWrapPos(0);
            ImGui::TextUnformatted(vm.unavailableMessage.empty() ? "There is no transcript for this episode."
                                                                 : vm.unavailableMessage.c_str());
            ImGui::PopTextWrapPos();
            st.hit.rows.clear();
        } else {
            if (!st.searchAndCopy) st.search = {};
            if (st.search.focusBox) st.search.open = true; // Ctrl+F / "/"
            drawToolbar(vm, st, out);
            if (st.search.open || !st.search.query.empty()) drawSearch(vm, st, out);
            const float fs = ImGui::GetFontSize();
            ImGui::PushStyleVar(ImGuiStyleVar_ScrollbarSize, std::max(24.0f, fs * 1.1f)); // finger-sized
            ImGui::PushStyleColor(ImGuiCol_ChildBg, ImGui::GetStyleColorVec4(ImGuiCol_FrameBg));
            if (ImGui::BeginChild("##cues", {0, 0}, true, ImGuiWindowFlags_AlwaysVerticalScrollbar | ImGuiWindowFlags_NavFlattened)) {
                drawCueList(vm, st, out);
            }
            ImGui::EndChild();
            storeRect(st.hit.listMin, st.hit.listMax);
            ImGui::PopStyleColor();
            ImGui::PopStyleVar();
            if (st.backToNowFloats && !st.follow) drawFloatingBackToNow(st);
        }
    }
    ImGui::EndChild();
    ImGui::PopID();
    return out;
}

} // namespace la::ui
