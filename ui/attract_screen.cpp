#include "ui/attract_screen.h"

#include "ui/icon_button.h"
#include "ui/semantic_scope.h"
#include "ui/theme.h"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <initializer_list>
#include <string_view>
#include <vector>

namespace la::ui {
namespace {

// No title bar, but a scroll bar if even the tightest layout does not fit
// (400 % text on a small screen): a draggable bar beats text cut off.
constexpr ImGuiWindowFlags kFullScreenFlags = ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoResize |
                                              ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoMove |
                                              ImGuiWindowFlags_NoSavedSettings |
                                              ImGuiWindowFlags_NoBringToFrontOnFocus;

void wrappedText(std::string_view text) {
    ImGui::PushTextWrapPos(0);
    ImGui::TextUnformatted(text.data(), text.data() + text.size());
    ImGui::PopTextWrapPos();
}

constexpr std::string_view kIntro = "Listen with the headphones, or read on the screen. Touch one to start.";

float textHeight(std::string_view text, float wrapWidth) {
    return ImGui::CalcTextSize(text.data(), text.data() + text.size(), false, wrapWidth).y;
}

/// One huge entry: a button `size` big with its label lines centred one under
/// another (ImGui would left-align the lines of a multi-line label).
/// `second` may be empty (one line).
bool entryButton(const char* id, std::string_view first, std::string_view second, ImVec2 size, ScreenRect& rect) {
    rect.min = ImGui::GetCursorScreenPos();
    bool pressed = ImGui::Button(id, size);
    rect.max = {rect.min.x + size.x, rect.min.y + size.y};
    const float lineH = ImGui::GetTextLineHeight();
    float y = rect.centre().y - lineH * (second.empty() ? 0.5f : 1.0f);
    ImDrawList* dl = ImGui::GetWindowDrawList();
    const ImU32 col = ImGui::GetColorU32(ImGuiCol_Text);
    for (std::string_view line : {first, second}) {
        if (line.empty()) continue;
        float w = ImGui::CalcTextSize(line.data(), line.data() + line.size()).x;
        dl->AddText({std::floor(rect.centre().x - w * 0.5f), y}, col, line.data(), line.data() + line.size());
        y += lineH;
    }
    return pressed;
}

float textWidth(std::string_view text) { return ImGui::CalcTextSize(text.data(), text.data() + text.size()).x; }

// One row of choices that apply to this visitor, in the controls' font:
// Smaller text, the size, Bigger text, High contrast (on/off, with a mark,
// not colour alone). Where that row does not fit, shorter labels without the
// size ("Smaller", "Bigger", "Contrast") keep it to one row.
struct ChoiceLabels {
    const char *smaller, *bigger, *contrastOn, *contrastOff, *widest;
    bool showSize;
};
constexpr ChoiceLabels kFullChoices{"Smaller text", "Bigger text", "\u2022 High contrast: on###contrast",
                                    "High contrast: off###contrast", "\u2022 High contrast: off", true};
constexpr ChoiceLabels kBriefChoices{"Smaller", "Bigger", "\u2022 Contrast: on###contrast", "Contrast: off###contrast",
                                     "\u2022 Contrast: off", false};

// Speech on or off for this visitor (issue #14), with a mark, not colour
// alone, as for contrast; and the last phrase again.
constexpr const char* kSpeechOn = "\u2022 Speech: on###speech";
constexpr const char* kSpeechOff = "Speech: off###speech";
constexpr const char* kSpeechWidest = "\u2022 Speech: off";
constexpr const char* kSayAgain = "Say it again";

// The row with the speech toggle: at 300 % on a laptop-sized screen the
// brief labels keep it one row, where full labels would take a second row
// the welcome does not have.
float choicesWidth(const ChoiceLabels& l) {
    const float gap = ImGui::GetStyle().ItemSpacing.x;
    return iconButtonWidth(l.smaller, Icon::None) + (l.showSize ? ImGui::CalcTextSize("Text 400 %").x + gap : 0.0f) +
           iconButtonWidth(l.bigger, Icon::None) + iconButtonWidth(l.widest, Icon::None) +
           iconButtonWidth(kSpeechWidest, Icon::None) + gap * 4;
}

const ChoiceLabels& choiceLabels(float width) { return choicesWidth(kFullChoices) <= width ? kFullChoices : kBriefChoices; }

void drawChoices(const AttractScreenVM& vm, AttractScreenLayout& placed, Commands& out) {
    const ChoiceLabels& l = choiceLabels(ImGui::GetContentRegionAvail().x);
    const float h = largeControlHeight();
    ImGui::Dummy({0, h}); // row anchor: what follows flows and wraps
    auto store = [](ScreenRect& r) { r.min = ImGui::GetItemRectMin(), r.max = ImGui::GetItemRectMax(); };
    flowNext(iconButtonWidth(l.smaller, Icon::None));
    bool pressed = iconButton(l.smaller, Icon::None, h);
    store(placed.smaller);
    const std::string size = "Text " + std::to_string(vm.textPercent) + " %";
    if (declaredButton(pressed, "attract/smaller", SemanticRole::PushButton, "Smaller text, now " + size))
        out.push_back(StepTextSize{-1});
    if (l.showSize) {
        flowNext(ImGui::CalcTextSize("Text 400 %").x);
        rowText(size.c_str(), h);
    }
    flowNext(iconButtonWidth(l.bigger, Icon::None));
    pressed = iconButton(l.bigger, Icon::None, h);
    store(placed.bigger);
    if (declaredButton(pressed, "attract/bigger", SemanticRole::PushButton, "Bigger text, now " + size))
        out.push_back(StepTextSize{+1});
    const float contrastW = iconButtonWidth(l.widest, Icon::None);
    flowNext(contrastW);
    if (vm.highContrast) ImGui::PushStyleColor(ImGuiCol_Button, ImGui::GetStyleColorVec4(ImGuiCol_ButtonActive));
    pressed = iconButton(vm.highContrast ? l.contrastOn : l.contrastOff, Icon::None, h, contrastW);
    if (vm.highContrast) ImGui::PopStyleColor();
    store(placed.contrast);
    if (declaredButton(pressed, "attract/contrast", SemanticRole::ToggleButton, "High contrast",
                       vm.highContrast ? kChecked : 0u))
        out.push_back(SetTheme{vm.highContrast ? vm.normalTheme : ThemeId::HighContrast});
}


// In the same flow as the other choices: they share a row when there is room.
void drawSpeechChoices(const AttractScreenVM& vm, AttractScreenLayout& placed, Commands& out) {
    const float h = largeControlHeight();
    auto store = [](ScreenRect& r) { r.min = ImGui::GetItemRectMin(), r.max = ImGui::GetItemRectMax(); };
    const float speechW = iconButtonWidth(kSpeechWidest, Icon::None);
    flowNext(speechW);
    if (vm.speechOn) ImGui::PushStyleColor(ImGuiCol_Button, ImGui::GetStyleColorVec4(ImGuiCol_ButtonActive));
    bool pressed = iconButton(vm.speechOn ? kSpeechOn : kSpeechOff, Icon::None, h, speechW);
    if (vm.speechOn) ImGui::PopStyleColor();
    store(placed.speech);
    if (declaredButton(pressed, "attract/speech", SemanticRole::ToggleButton, "Speech", vm.speechOn ? kChecked : 0u))
        out.push_back(SetSpeech{!vm.speechOn});
    const float againW = iconButtonWidth(kSayAgain, Icon::None);
    const float right = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
    if (ImGui::GetItemRectMax().x + ImGui::GetStyle().ItemSpacing.x + againW > right) return; // no room on this row
    ImGui::SameLine();
    pressed = iconButton(kSayAgain, Icon::None, h);
    store(placed.sayAgain);
    if (declaredButton(pressed, "attract/say again", SemanticRole::PushButton, kSayAgain)) out.push_back(SayAgain{});
}

// Rows that buttons of these widths take as flowNext places them.
float flowRows(const std::vector<float>& widths, float width) {
    const float gap = ImGui::GetStyle().ItemSpacing.x;
    float rows = 1, x = gap; // the first row starts after the row anchor, a gap in
    for (float w : widths) {
        if (x > gap && x + gap + w > width) {
            ++rows;
            x = 0;
        }
        x += (x > 0 ? gap : 0) + w;
    }
    return rows;
}

// Height drawChoices and drawSpeechChoices take at `width`. "Say it again"
// is not counted: it is drawn only where it fits on a row already there (at
// 300 % on a small screen the welcome has no row to spare; F2 and the
// player's own "Say it again" remain).
float choicesHeight(float width) {
    const ChoiceLabels& l = choiceLabels(width);
    std::vector<float> widths{iconButtonWidth(l.smaller, Icon::None)};
    if (l.showSize) widths.push_back(ImGui::CalcTextSize("Text 400 %").x);
    widths.push_back(iconButtonWidth(l.bigger, Icon::None));
    widths.push_back(iconButtonWidth(l.widest, Icon::None));
    widths.push_back(iconButtonWidth(kSpeechWidest, Icon::None));
    return (largeControlHeight() + ImGui::GetStyle().ItemSpacing.y) * flowRows(widths, width);
}

} // namespace

Commands drawAttractScreen(const AttractScreenVM& vm, AttractScreenLayout* layout) {
    Commands out;
    AttractScreenLayout placed;
    const ImGuiIO& io = ImGui::GetIO();
    ImGui::SetNextWindowPos({0, 0});
    ImGui::SetNextWindowSize(io.DisplaySize);
    const float fs = ImGui::GetFontSize();
    const ImGuiStyle& st = ImGui::GetStyle();
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, {st.WindowPadding.x, std::min(st.WindowPadding.y, fs * 0.5f)});
    const bool open = ImGui::Begin("##attract", nullptr, kFullScreenFlags);
    ImGui::PopStyleVar();
    declareOpen("attract", SemanticRole::Panel, "Welcome");
    if (open) {
        const float choicesH = choicesHeight(ImGui::GetContentRegionAvail().x); // in the controls' font
        if (vm.bodyFont) ImGui::PushFont(vm.bodyFont);
        const float fs = ImGui::GetFontSize();
        // Tighter line spacing than the theme's: at 300 % text every line counts.
        ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, {st.ItemSpacing.x, std::min(st.ItemSpacing.y, fs * 0.3f)});
        const float sp = ImGui::GetStyle().ItemSpacing.y;
        const float wrapW = ImGui::GetContentRegionAvail().x;
        const float bottom = ImGui::GetWindowHeight() - ImGui::GetStyle().WindowPadding.y; // window-local

        // The two entries: side by side with one-line labels when they fit,
        // else side by side with two-line labels, else one above the other.
        const float halfW = std::floor((wrapW - fs) * 0.5f);
        const float labelPad = fs * 1.5f;
        const bool oneLine = halfW >= textWidth("Touch to listen") + labelPad;
        placed.stacked = !oneLine && halfW < std::max(textWidth("Touch to"), textWidth("listen")) + labelPad;
        const bool twoLines = !oneLine && !placed.stacked;
        const float width = placed.stacked ? wrapW : halfW;
        const float labelH = ImGui::GetTextLineHeight() * (twoLines ? 2.0f : 1.0f);
        float minButton = std::max(largeControlHeight(), labelH + fs * 0.8f);
        const float buttons = placed.stacked ? 2.0f : 1.0f;

        // Everything must be on screen without scrolling (ImGui windows do not
        // scroll by dragging a finger). Measure, then share out what is left:
        // the introduction only if it fits, gaps up to one line, and buttons
        // from minButton up to 4 lines tall.
        if (vm.titleFont) ImGui::PushFont(vm.titleFont);
        const float titleH = textHeight(vm.title, wrapW);
        if (vm.titleFont) ImGui::PopFont();
        const float noticeH = vm.staffNotice.empty() ? 0.0f : textHeight(vm.staffNotice, wrapW) + sp;
        const float footerH = textHeight(vm.reviewed, wrapW) + textHeight(vm.support, wrapW) + sp * 2 + noticeH;
        const float around = (placed.stacked ? fs * 0.5f + sp * 2 : 0) + sp + choicesH;
        auto spareWith = [&](float entryH) {
            return bottom - ImGui::GetCursorPosY() - titleH - sp - entryH * buttons - around - footerH - 2.0f; // 2 px: rounding
        };
        // Short of room (200 % on a 480-point screen): the entries hug their
        // labels, never below a touch target, before anything goes off screen.
        if (spareWith(minButton) < 0) minButton = std::max(largeControlHeight(), labelH + fs * 0.3f);
        float spare = spareWith(minButton);
        const float introH = textHeight(kIntro, wrapW) + sp;
        const bool intro = spare >= introH + fs;
        if (intro) spare -= introH;
        const float gap = std::clamp(spare / 5.0f, 0.0f, fs);  // five gaps, below
        spare -= gap * 5.0f;
        // Entries as tall as a third of the screen at most; what is still
        // left goes above and below, so the whole welcome sits in the middle.
        const float height = std::floor(std::clamp(minButton + spare / buttons, minButton,
                                                   std::max(minButton, ImGui::GetWindowHeight() / 3.0f)));
        spare = std::max(0.0f, spare - (height - minButton) * buttons);
        auto space = [&](float h) {
            if (h >= 1.0f) ImGui::Dummy({0, std::max(0.0f, h - sp)});
        };
        if (spare > 2.0f) ImGui::Dummy({0, std::floor(spare * 0.5f)});

        space(gap);
        if (vm.titleFont) ImGui::PushFont(vm.titleFont);
        wrappedText(vm.title);
        declareLastText("attract/title", SemanticRole::Heading, vm.title);
        if (vm.titleFont) ImGui::PopFont();
        if (intro) {
            space(gap * 0.5f);
            wrappedText(kIntro);
            declareLastText("attract/intro", SemanticRole::Paragraph, std::string(kIntro));
        }
        space(gap * (intro ? 1.0f : 1.5f));
        bool listen = entryButton("##listen", twoLines ? "Touch to" : "Touch to listen", twoLines ? "listen" : "",
                                  {width, height}, placed.listen);
        if (declaredButton(listen, "attract/listen", SemanticRole::PushButton, "Touch to listen"))
            out.push_back(StartListening{});
        if (placed.stacked)
            ImGui::Dummy({0, fs * 0.5f});
        else
            ImGui::SameLine(0, fs);
        bool read = entryButton("##read", twoLines ? "Touch to" : "Touch to read", twoLines ? "read" : "", {width, height},
                                placed.read);
        if (declaredButton(read, "attract/read", SemanticRole::PushButton, "Touch to read"))
            out.push_back(StartReading{});
        space(gap);
        if (vm.bodyFont) ImGui::PopFont();
        drawChoices(vm, placed, out); // controls: they grow more slowly than the words
        drawSpeechChoices(vm, placed, out);
        if (vm.bodyFont) ImGui::PushFont(vm.bodyFont);
        space(gap * 0.5f);
        ImGui::PushStyleColor(ImGuiCol_Text, st.Colors[ImGuiCol_TextDisabled]);
        wrappedText(vm.reviewed);
        declareLastText("attract/reviewed", SemanticRole::Paragraph, vm.reviewed);
        ImGui::PopStyleColor();
        space(gap * 0.5f);
        wrappedText(vm.support);
        declareLastText("attract/support", SemanticRole::Paragraph, vm.support);
        if (!vm.staffNotice.empty()) {
            // In the bottom corner, away from what visitors read, when there is room.
            ImGui::SetCursorPosY(std::max(ImGui::GetCursorPosY(), bottom - textHeight(vm.staffNotice, wrapW)));
            ImGui::PushStyleColor(ImGuiCol_Text, st.Colors[ImGuiCol_TextDisabled]);
            wrappedText(vm.staffNotice);
            ImGui::PopStyleColor();
            placed.staffNotice = {ImGui::GetItemRectMin(), ImGui::GetItemRectMax()};
        }
        ImGui::PopStyleVar();
        if (vm.bodyFont) ImGui::PopFont();
    }
    declareClose();
    ImGui::End();
    if (layout) *layout = placed;
    return out;
}

} // namespace la::ui
