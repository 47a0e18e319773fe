#include "ui/chapters_pane.h"

#include "ui/drag_scroll.h"
#include "ui/icon_button.h"
#include "ui/nav_visible.h"
#include "ui/time_format.h"

#include <algorithm>
#include <cfloat>

namespace la::ui {
namespace {

// A full-width, wrapped, tappable row: "0:33  How immunotherapy works".
bool chapterButton(const ChapterRow& row, bool current, float width) {
    const ImGuiStyle& style = ImGui::GetStyle();
    const float fs = ImGui::GetFontSize();
    const float accentW = std::max(4.0f, fs * 0.25f);
    const float textX = accentW + fs * 0.45f;
    std::string time = formatClock(row.start);
    float timeW = ImGui::CalcTextSize("00:00").x + fs * 0.6f;
    std::string title = current ? row.title + "  (now playing)" : row.title;
    float wrapW = std::max(fs * 3, width - textX - timeW - style.FramePadding.x);
    ImVec2 titleSize = ImGui::GetFont()->CalcTextSizeA(fs, FLT_MAX, wrapW, title.c_str());
    ImVec2 size{width, std::max(largeControlHeight(), titleSize.y + fs * 0.6f)}; // compact: the list shows more rows

    ImVec2 pos = ImGui::GetCursorScreenPos();
    bool pressed = false;
    {
        NavOnlyWhenVisible nav(size);
        pressed = ImGui::InvisibleButton("##chapter", size);
    }
    bool hovered = ImGui::IsItemHovered(), focused = ImGui::IsItemFocused(), held = ImGui::IsItemActive();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    ImVec2 max{pos.x + size.x, pos.y + size.y};
    const float round = fs * 0.25f;
    ImGuiCol bg = current ? ImGuiCol_Header : held ? ImGuiCol_ButtonActive : hovered ? ImGuiCol_ButtonHovered : ImGuiCol_Button;
    dl->AddRectFilled(pos, max, ImGui::GetColorU32(bg), round);
    if (current) dl->AddRectFilled(pos, {pos.x + accentW, max.y}, ImGui::GetColorU32(ImGuiCol_SliderGrabActive), round);
    if (focused) dl->AddRect(pos, max, ImGui::GetColorU32(ImGuiCol_NavHighlight), round, 0, std::max(2.0f, fs * 0.1f));
    ImU32 col = ImGui::GetColorU32(ImGuiCol_Text);
    float y = pos.y + (size.y - titleSize.y) * 0.5f;
    dl->AddText({pos.x + textX, y}, col, time.c_str());
    dl->AddText(ImGui::GetFont(), fs, {pos.x + textX + timeW, y}, col, title.c_str(), nullptr, wrapW);
    return pressed;
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
            if (iconButton("Previous chapter", Icon::Previous, controlH)) out.push_back(PreviousChapter{});
            st.hit.previousMin = ImGui::GetItemRectMin(), st.hit.previousMax = ImGui::GetItemRectMax();
            sameLineIfFits(iconButtonWidth("Next chapter", Icon::Next));
            if (iconButton("Next chapter", Icon::Next, controlH)) out.push_back(NextChapter{});
            st.hit.nextMin = ImGui::GetItemRectMin(), st.hit.nextMax = ImGui::GetItemRectMax();

            if (beginControlsChild("##chapter list", {0, 0}, ImGuiWindowFlags_NavFlattened)) {
                updateDragScroll(st.drag); // touch screens: drag the list to scroll
                st.hit.rows.clear();
                st.hit.listMin = ImGui::GetWindowPos();
                st.hit.listMax = {st.hit.listMin.x + ImGui::GetWindowWidth(), st.hit.listMin.y + ImGui::GetWindowHeight()};
                const float readW = iconButtonWidth("Read this section", Icon::None);
                const float spacing = ImGui::GetStyle().ItemSpacing.x;
                float previousTop = ImGui::GetCursorScreenPos().y; // top of the row before this one (the first: the list's top)
                for (size_t r = 0; r < vm.rows->size(); ++r) {
                    const ChapterRow& row = (*vm.rows)[r];
                    const bool current = vm.currentChapter == row.chapter;
                    const bool hasRead = !row.sectionLink.empty();
                    float avail = ImGui::GetContentRegionAvail().x;
                    // The "Read" button goes beside the row when both fit, else below it.
                    bool beside = hasRead && avail - readW - spacing >= ImGui::GetFontSize() * 12;
                    ImGui::PushID(int(r));
                    if (current && st.shownChapter != row.chapter) {
                        // The chapter before it at the top: where the listener came from, then where they are.
                        ImGui::SetScrollFromPosY(previousTop - ImGui::GetWindowPos().y, 0.0f);
                        st.shownChapter = row.chapter;
                    }
                    previousTop = ImGui::GetCursorScreenPos().y;
                    if (chapterButton(row, current, beside ? avail - readW - spacing : avail)) out.push_back(SeekTo{row.start});
                    ChaptersHitBoxes::Row hit{row.chapter, ImGui::GetItemRectMin(), ImGui::GetItemRectMax(), {}, {}};
                    if (hasRead) {
                        if (beside) ImGui::SameLine();
                        else ImGui::Indent(ImGui::GetFontSize() * 1.5f);
                        const float readH = std::max(controlH, beside ? hit.max.y - hit.min.y : 0.0f);
                        NavOnlyWhenVisible nav({readW, readH});
                        if (iconButton("Read this section", Icon::None, readH)) out.push_back(ShowSection{row.sectionLink});
                        hit.readMin = ImGui::GetItemRectMin(), hit.readMax = ImGui::GetItemRectMax();
                        if (!beside) ImGui::Unindent(ImGui::GetFontSize() * 1.5f);
                    }
                    st.hit.rows.push_back(hit);
                    ImGui::PopID();
                    if (hasRead && !beside) ImGui::Spacing(); // keeps a row and its "Read" button together
                }
            }
            ImGui::EndChild();
        }
    }
    ImGui::EndChild();
    ImGui::PopID();
    return out;
}

} // namespace la::ui
