#include "ui/chapters_pane.h"

#include "ui/drag_scroll.h"
#include "ui/icon_button.h"
#include "ui/long_text.h"
#include "ui/focus_outline.h"
#include "ui/semantic_scope.h"
#include "ui/time_format.h"

#include <algorithm>
#include <cfloat>

namespace la::ui {
namespace {

// Where a row's parts go at one width: the chapter button, and "Read this
// section" beside it when both fit, else below it.
struct RowGeometry {
    float timeW, wrapW, textX;
    float titleH;  // the wrapped title's height
    ImVec2 button; // the chapter button's size
    bool beside;
};

std::string rowTitle(const ChapterRow& row, bool current) { return current ? row.title + "  (now playing)" : row.title; }

// Height of the title wrapped to `wrapW` (long titles through the line cache).
float titleHeight(const std::string& title, float fs, float wrapW) {
    if (title.size() < kLongTextBytes) return ImGui::GetFont()->CalcTextSizeA(fs, FLT_MAX, wrapW, title.c_str()).y;
    return fs * float(wrapLines(ImGui::GetFont(), fs, wrapW, title.data(), title.data() + title.size()).count());
}

RowGeometry rowGeometry(const ChapterRow& row, const std::string& title, float avail, float readW) {
    const ImGuiStyle& style = ImGui::GetStyle();
    const float fs = ImGui::GetFontSize();
    RowGeometry g;
    g.beside = !row.sectionLink.empty() && avail - readW - style.ItemSpacing.x >= fs * 12;
    const float width = g.beside ? avail - readW - style.ItemSpacing.x : avail;
    const float accentW = std::max(4.0f, fs * 0.25f);
    g.textX = accentW + fs * 0.45f;
    g.timeW = ImGui::CalcTextSize("00:00").x + fs * 0.6f;
    g.wrapW = std::max(fs * 3, width - g.textX - g.timeW - style.FramePadding.x);
    g.titleH = titleHeight(title, fs, g.wrapW);
    g.button = {width, std::max(largeControlHeight(), g.titleH + fs * 0.6f)}; // compact: the list shows more rows
    return g;
}

// From the top of a row to the top of the next, as ImGui lays them out: the
// button, then "Read this section" on its own line (and a spacing) when it
// is not beside it.
float rowAdvance(const ChapterRow& row, const RowGeometry& g) {
    const float spacing = ImGui::GetStyle().ItemSpacing.y;
    float h = g.button.y + spacing;
    if (!row.sectionLink.empty() && !g.beside) h += largeControlHeight() + spacing * 2;
    return h;
}

// A full-width, wrapped, tappable row: "0:33  How immunotherapy works".
bool chapterButton(const ChapterRow& row, const std::string& title, const RowGeometry& g, bool current) {
    const float fs = ImGui::GetFontSize();
    const float accentW = std::max(4.0f, fs * 0.25f);
    const ImVec2 size = g.button;
    ImVec2 pos = ImGui::GetCursorScreenPos();
    const bool pressed = ImGui::InvisibleButton("##chapter", size);
    bool hovered = ImGui::IsItemHovered(), focused = ImGui::IsItemFocused() && keyboardFocusShown(),
         held = ImGui::IsItemActive();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    ImVec2 max{pos.x + size.x, pos.y + size.y};
    const float round = fs * 0.25f;
    ImGuiCol bg = current ? ImGuiCol_Header : held ? ImGuiCol_ButtonActive : hovered ? ImGuiCol_ButtonHovered : ImGuiCol_Button;
    dl->AddRectFilled(pos, max, ImGui::GetColorU32(bg), round);
    if (current) dl->AddRectFilled(pos, {pos.x + accentW, max.y}, ImGui::GetColorU32(ImGuiCol_SliderGrabActive), round);
    if (focused) dl->AddRect(pos, max, ImGui::GetColorU32(ImGuiCol_NavHighlight), round, 0, std::max(2.0f, fs * 0.1f));
    ImU32 col = ImGui::GetColorU32(ImGuiCol_Text);
    float y = pos.y + (size.y - g.titleH) * 0.5f;
    dl->AddText({pos.x + g.textX, y}, col, formatClock(row.start).c_str());
    const ImVec2 titlePos{pos.x + g.textX + g.timeW, y};
    if (title.size() < kLongTextBytes) {
        dl->AddText(ImGui::GetFont(), fs, titlePos, col, title.c_str(), nullptr, g.wrapW);
    } else {
        const WrappedLines& lines = wrapLines(ImGui::GetFont(), fs, g.wrapW, title.data(), title.data() + title.size());
        drawVisibleLines(dl, ImGui::GetFont(), fs, titlePos, col, lines);
    }
    return pressed;
}

// The rows' tops (without the current row's "(now playing)"), computed when
// the rows, the width or the text size change: a long list is then drawn row
// by row only where it is visible.
void updateListLayout(ChapterListLayout& layout, const std::vector<ChapterRow>& rows, float avail, float readW) {
    const float fs = ImGui::GetFontSize();
    if (layout.rowsKey == rows.data() && layout.rowCount == rows.size() && layout.width == avail &&
        layout.fontSize == fs && layout.top.size() == rows.size() + 1)
        return;
    layout.top.resize(rows.size() + 1);
    float y = 0;
    for (size_t r = 0; r < rows.size(); ++r) {
        layout.top[r] = y;
        y += rowAdvance(rows[r], rowGeometry(rows[r], rows[r].title, avail, readW));
    }
    layout.top[rows.size()] = y;
    layout.rowsKey = rows.data(), layout.rowCount = rows.size(), layout.width = avail, layout.fontSize = fs;
}

void drawChapterList(const ChaptersVM& vm, ChaptersPaneState& st, int list, Commands& out) {
    const std::vector<ChapterRow>& rows = *vm.rows;
    const float controlH = largeControlHeight();
    const float readW = iconButtonWidth("Read this section", Icon::None);
    // The titles are reading text: they grow with the text size; "Read this
    // section" is a control and keeps the controls' size.
    ImFont* controlFont = ImGui::GetFont();
    ImGui::PushFont(st.readingFont ? st.readingFont : controlFont);
    const float avail = ImGui::GetContentRegionAvail().x;
    updateListLayout(st.layout, rows, avail, readW);
    const ImVec2 origin = ImGui::GetCursorScreenPos(); // top of the first row, scroll applied

    // The current row is taller when "(now playing)" wraps: rows below it move by the difference.
    std::optional<size_t> cur;
    float extra = 0;
    if (vm.currentChapter) {
        auto it = std::lower_bound(rows.begin(), rows.end(), *vm.currentChapter,
                                   [](const ChapterRow& r, size_t c) { return r.chapter < c; });
        if (it != rows.end() && it->chapter == *vm.currentChapter) {
            cur = size_t(it - rows.begin());
            extra = rowAdvance(*it, rowGeometry(*it, rowTitle(*it, true), avail, readW)) -
                    (st.layout.top[*cur + 1] - st.layout.top[*cur]);
        }
    }
    auto topOf = [&](size_t r) { return origin.y + st.layout.top[r] + (cur && r > *cur ? extra : 0.0f); };

    if (cur && st.shownChapter != rows[*cur].chapter) {
        // The chapter before it at the top: where the listener came from, then
        // where they are; the current one at the top where both do not fit.
        const float viewH = ImGui::GetWindowHeight();
        const size_t first = *cur > 0 && topOf(*cur + 1) - topOf(*cur - 1) <= viewH ? *cur - 1 : *cur;
        ImGui::SetScrollFromPosY(topOf(first) - ImGui::GetWindowPos().y, 0.0f);
        // A list that appears this frame is laid out at a provisional width:
        // scroll again on the next frame, at the real one.
        if (!ImGui::IsWindowAppearing()) st.shownChapter = rows[*cur].chapter;
    }
    // Visible rows, and one more either side so keyboard navigation can step past the edge.
    const float viewTop = ImGui::GetWindowPos().y, viewBottom = viewTop + ImGui::GetWindowHeight();
    size_t first = 0, last = rows.size();
    {
        size_t lo = 0, hi = rows.size();
        while (lo < hi) { // first row whose bottom is below the view's top
            size_t mid = (lo + hi) / 2;
            if (topOf(mid + 1) <= viewTop) lo = mid + 1;
            else hi = mid;
        }
        first = lo > 0 ? lo - 1 : 0;
        hi = rows.size();
        while (lo < hi) { // first row that starts below the view
            size_t mid = (lo + hi) / 2;
            if (topOf(mid) < viewBottom) lo = mid + 1;
            else hi = mid;
        }
        last = std::min(rows.size(), lo + 1);
    }

    st.hit.rows.clear();
    // Home and End (or a screen reader focusing the list) ask for a row that
    // may be out of view: it is drawn too, and the focus scrolls to it.
    const std::optional<size_t> asked = takeListFocusRequest(list, rows.size());
    if (asked) requestFocus("chapters/" + std::to_string(rows[*asked].chapter));
    auto drawRow = [&](size_t r) {
        const ChapterRow& row = rows[r];
        const bool current = cur == r;
        const std::string title = rowTitle(row, current);
        const RowGeometry g = rowGeometry(row, title, avail, readW);
        ImGui::SetCursorScreenPos({origin.x, topOf(r)});
        ImGui::PushID(int(r));
        const bool pressed = chapterButton(row, title, g, current);
        // Its title is what a screen reader says; the start time describes it.
        const int node = declareLastItem("chapters/" + std::to_string(row.chapter), SemanticRole::ListItem, row.title,
                                         kPress | kScrollIntoView, current ? kCurrent : 0u);
        if (SemanticTree* tree = currentSemanticTree(); tree && node >= 0) tree->node(node).description = formatClock(row.start);
        if (takeRequest(node, kPress) || pressed) {
            out.push_back(SeekTo{row.start});
            st.shownChapter = row.chapter; // tapped, so in view: the list stays where the finger is
        }
        ChaptersHitBoxes::Row hit{row.chapter, ImGui::GetItemRectMin(), ImGui::GetItemRectMax(), {}, {}};
        if (!row.sectionLink.empty()) {
            if (g.beside) ImGui::SameLine();
            else ImGui::Indent(ImGui::GetFontSize() * 1.5f);
            const float readH = std::max(controlH, g.beside ? hit.max.y - hit.min.y : 0.0f);
            ImGui::PushFont(controlFont);
            const bool read = iconButton("Read this section", Icon::None, readH);
            if (declaredButton(read, "chapters/" + std::to_string(row.chapter) + "/read", SemanticRole::Link,
                               "Read this section: " + row.title))
                out.push_back(ShowSection{row.sectionLink});
            ImGui::PopFont();
            hit.readMin = ImGui::GetItemRectMin(), hit.readMax = ImGui::GetItemRectMax();
            if (!g.beside) ImGui::Unindent(ImGui::GetFontSize() * 1.5f);
        }
        st.hit.rows.push_back(hit);
        ImGui::PopID();
    };
    if (asked && *asked < first) drawRow(*asked);
    for (size_t r = first; r < last; ++r) drawRow(r);
    if (asked && *asked >= last) drawRow(*asked);
    // The list's full height, for the scroll bar: where ImGui's own layout of
    // every row would have ended.
    ImGui::SetCursorScreenPos({origin.x, topOf(rows.size()) - ImGui::GetStyle().ItemSpacing.y});
    ImGui::PopFont();
}

} // namespace

Commands drawChaptersPane(const ChaptersVM& vm, ChaptersPaneState& st, ImVec2 size, const char* heading) {
    Commands out;
    const float controlH = largeControlHeight();
    ImGui::PushID("Chapters");
    if (beginControlsChild("##chapters pane", size, ImGuiWindowFlags_NavFlattened)) {
        if (!vm.rows || vm.rows->empty()) {
            ImGui::PushTextWrapPos(0);
            ImGui::TextUnformatted(vm.unavailableMessage.empty() ? "There are no chapters for this episode."
                                                                 : vm.unavailableMessage.c_str());
            ImGui::PopTextWrapPos();
            st.hit.rows.clear();
        } else {
            if (heading) {
                rowText(heading, controlH);
                sameLineIfFits(iconButtonWidth("Previous chapter", Icon::Previous));
            }
            bool pressed = iconButton("Previous chapter", Icon::Previous, controlH);
            if (declaredButton(pressed, "chapters/previous", SemanticRole::PushButton, "Previous chapter"))
                out.push_back(PreviousChapter{});
            st.hit.previousMin = ImGui::GetItemRectMin(), st.hit.previousMax = ImGui::GetItemRectMax();
            sameLineIfFits(iconButtonWidth("Next chapter", Icon::Next));
            pressed = iconButton("Next chapter", Icon::Next, controlH);
            if (declaredButton(pressed, "chapters/next", SemanticRole::PushButton, "Next chapter"))
                out.push_back(NextChapter{});
            st.hit.nextMin = ImGui::GetItemRectMin(), st.hit.nextMax = ImGui::GetItemRectMax();

            if (beginControlsChild("##chapter list", {0, 0}, ImGuiWindowFlags_NavFlattened)) {
                updateDragScroll(st.drag); // touch screens: drag the list to scroll
                st.hit.rows.clear();
                st.hit.listMin = ImGui::GetWindowPos();
                st.hit.listMax = {st.hit.listMin.x + ImGui::GetWindowWidth(), st.hit.listMin.y + ImGui::GetWindowHeight()};
                const int list = declareOpen("chapters", SemanticRole::List, "Chapters");
                drawChapterList(vm, st, list, out);
                declareClose();
            }
            ImGui::EndChild();
        }
    }
    ImGui::EndChild();
    ImGui::PopID();
    return out;
}

} // namespace la::ui
