#include "ui/transport_menus.h"

#include "ui/icon_button.h"
#include "ui/key_pressed.h"
#include "ui/semantic_scope.h"
#include "ui/time_format.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <string_view>

namespace la::ui {
namespace {

// Opens above the button that opened it (the transport is at the bottom),
// towards the middle of the screen, never wider or taller than the screen.
void placeMenuAbove(ImVec2 buttonMin, ImVec2 buttonMax) {
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    const bool rightHalf = (buttonMin.x + buttonMax.x) * 0.5f > vp->WorkPos.x + vp->WorkSize.x * 0.5f;
    ImGui::SetNextWindowPos({rightHalf ? buttonMax.x : buttonMin.x, buttonMin.y - ImGui::GetStyle().ItemSpacing.y},
                            ImGuiCond_Always, {rightHalf ? 1.0f : 0.0f, 1.0f});
    ImGui::SetNextWindowSizeConstraints({0, 0}, {vp->WorkSize.x - 8, std::max(buttonMin.y - vp->WorkPos.y - 8, 100.0f)});
}

} // namespace

std::string speedLabel(double speed) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.2f", speed);
    std::string s = buf;
    while (!s.empty() && s.back() == '0') s.pop_back();
    if (!s.empty() && s.back() == '.') s.pop_back();
    return s + "\u00d7";
}

float speedChipWidth(bool brief) { return iconButtonWidth(brief ? "2.75\u00d7" : "Speed 2.75\u00d7", Icon::None); }

std::string spokenSpeed(double speed) {
    std::string label = speedLabel(speed);
    return label.substr(0, label.size() - std::string_view("\u00d7").size()) + " times";
}

Commands drawSpeedChip(double speed, float controlH, bool brief, ImVec2& min, ImVec2& max) {
    Commands out;
    const std::string label = (brief ? "" : "Speed ") + speedLabel(speed) + "###speed chip";
    const bool pressed = iconButton(label.c_str(), Icon::None, controlH, speedChipWidth(brief));
    min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
    const std::string spoken = spokenSpeed(speed);
    // A screen reader sets the speed on the chip itself, as on a slider.
    const int node = declareLastItem("transport/speed", SemanticRole::PushButton, "Speed " + spoken,
                                     kPress | kIncrement | kDecrement | kSetValue,
                                     ImGui::IsPopupOpen("##speed menu") ? kExpanded : 0u);
    declareValue(node, {speed, 0.5, 3.0, 0.05, spoken});
    if (takeRequest(node, kPress) || pressed) ImGui::OpenPopup("##speed menu");
    double asked = 0;
    if (takeRequest(node, kSetValue, &asked)) out.push_back(SetSpeed{asked});
    if (takeRequest(node, kIncrement)) out.push_back(ChangeSpeed{+0.05});
    if (takeRequest(node, kDecrement)) out.push_back(ChangeSpeed{-0.05});
    placeMenuAbove(min, max);
    if (ImGui::BeginPopup("##speed menu")) {
        const std::string title = "Playback speed: " + speedLabel(speed);
        declareOpen("speed menu", SemanticRole::Dialog, "Playback speed");
        ImGui::TextUnformatted(title.c_str());
        declareLastText("speed menu/title", SemanticRole::Heading, "Playback speed: " + spoken);
        if (declaredButton(iconButton("Slower", Icon::Back, controlH), "speed menu/slower", SemanticRole::PushButton, "Slower"))
            out.push_back(ChangeSpeed{-0.05});
        ImGui::SameLine();
        if (declaredButton(iconButton("Faster", Icon::Forward, controlH), "speed menu/faster", SemanticRole::PushButton, "Faster"))
            out.push_back(ChangeSpeed{+0.05});
        // Four to a row: every preset in sight, each the same size.
        const float w = iconButtonWidth("\u2022 1.75\u00d7", Icon::None);
        int i = 0;
        for (double p : kSpeedMenuPresets) {
            const bool chosen = std::abs(speed - p) < 0.001;
            const std::string text = (chosen ? "\u2022 " : "") + speedLabel(p) + "##preset" + std::to_string(i);
            if (i % 4 != 0) ImGui::SameLine();
            if (chosen) ImGui::PushStyleColor(ImGuiCol_Button, ImGui::GetStyleColorVec4(ImGuiCol_ButtonActive));
            const bool picked = iconButton(text.c_str(), Icon::None, controlH, w);
            if (declaredButton(picked, "speed menu/" + speedLabel(p), SemanticRole::PushButton, spokenSpeed(p),
                               chosen ? kChecked : 0u)) {
                out.push_back(SetSpeed{p});
                ImGui::CloseCurrentPopup();
            }
            if (chosen) ImGui::PopStyleColor();
            ++i;
        }
        // Escape closes it (ImGui 1.86 does so only with its own keyboard navigation on).
        if (declaredButton(iconButton("Close", Icon::None, controlH), "speed menu/close", SemanticRole::PushButton, "Close") ||
            keyPressed(ImGuiKey_Escape))
            ImGui::CloseCurrentPopup();
        declareClose();
        ImGui::EndPopup();
    }
    return out;
}

std::optional<std::string> chapterPickerLabel(const std::vector<ChapterRow>& rows, std::optional<size_t> current,
                                              bool brief) {
    if (rows.empty() || !current) return std::nullopt;
    for (size_t r = 0; r < rows.size(); ++r) {
        if (rows[r].chapter == *current)
            return (brief ? "" : "Chapter ") + std::to_string(r + 1) + " of " + std::to_string(rows.size());
    }
    return std::nullopt;
}

Commands drawChapterPicker(const std::vector<ChapterRow>& rows, std::optional<size_t> current, ImFont* listFont,
                           float controlH, bool brief, ImVec2& min, ImVec2& max) {
    Commands out;
    const std::string label = chapterPickerLabel(rows, current, brief).value_or("Chapters") + "###chapter picker";
    const bool open = iconButton(label.c_str(), Icon::Menu, controlH);
    if (declaredButton(open, "transport/chapters", SemanticRole::PushButton,
                       chapterPickerLabel(rows, current, false).value_or("Chapters"),
                       ImGui::IsPopupOpen("##chapter menu") ? kExpanded : 0u))
        ImGui::OpenPopup("##chapter menu");
    min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    placeMenuAbove(min, max);
    ImGui::SetNextWindowSize({vp->WorkSize.x * 0.9f, 0});
    if (ImGui::BeginPopup("##chapter menu")) {
        declareOpen("chapter menu", SemanticRole::Dialog, "Chapters");
        const int list = declareOpen("chapter menu/list", SemanticRole::List, "Chapters");
        const std::optional<size_t> asked = takeListFocusRequest(list, rows.size()); // Home/End
        if (listFont) ImGui::PushFont(listFont);
        const float fs = ImGui::GetFontSize();
        const float width = ImGui::GetContentRegionAvail().x;
        const float timeW = ImGui::CalcTextSize("00:00").x + fs * 0.6f;
        for (size_t r = 0; r < rows.size(); ++r) {
            const ChapterRow& row = rows[r];
            const bool now = current == row.chapter;
            const std::string title = now ? row.title + "  (now playing)" : row.title;
            const float wrapW = std::max(fs * 4, width - timeW - fs);
            const float textH = ImGui::CalcTextSize(title.c_str(), nullptr, false, wrapW).y;
            const ImVec2 size{width, std::max(controlH, textH + fs * 0.6f)};
            ImGui::PushID(int(r));
            const ImVec2 pos = ImGui::GetCursorScreenPos();
            const std::string id = "chapter menu/" + std::to_string(row.chapter);
            if (asked == r) requestFocus(id);
            const bool picked = ImGui::Selectable("##chapter", now, 0, size);
            if (now && ImGui::IsWindowAppearing()) ImGui::SetScrollHereY(0.3f);
            if (!ImGui::IsItemVisible() && !hasRequest(id, kFocus)) { // long lists: only what is in view
                ImGui::PopID();
                continue;
            }
            const int node = declareLastItem(id, SemanticRole::ListItem, row.title, kPress, now ? kCurrent : 0u);
            if (SemanticTree* tree = currentSemanticTree(); tree && node >= 0) tree->node(node).description = formatClock(row.start);
            if (takeRequest(node, kPress) || picked) {
                out.push_back(SeekTo{row.start});
                ImGui::CloseCurrentPopup();
            }
            ImDrawList* dl = ImGui::GetWindowDrawList();
            const ImU32 col = ImGui::GetColorU32(ImGuiCol_Text);
            const float y = pos.y + (size.y - textH) * 0.5f;
            dl->AddText({pos.x + fs * 0.3f, y}, col, formatClock(row.start).c_str());
            dl->AddText(ImGui::GetFont(), fs, {pos.x + fs * 0.3f + timeW, y}, col, title.c_str(), nullptr, wrapW);
            ImGui::PopID();
        }
        if (listFont) ImGui::PopFont();
        declareClose();
        if (declaredButton(iconButton("Close", Icon::None, controlH), "chapter menu/close", SemanticRole::PushButton, "Close") ||
            keyPressed(ImGuiKey_Escape))
            ImGui::CloseCurrentPopup();
        declareClose();
        ImGui::EndPopup();
    }
    return out;
}

} // namespace la::ui
