#include "ui/attract_screen.h"

#include "ui/icon_button.h"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <string_view>

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

/// One huge entry: a button `size` big, with the label centred (ImGui does that).
bool entryButton(const char* label, ImVec2 size, ScreenRect& rect) {
    rect.min = ImGui::GetCursorScreenPos();
    bool pressed = ImGui::Button(label, size);
    rect.max = {rect.min.x + size.x, rect.min.y + size.y};
    return pressed;
}

} // namespace

Commands drawAttractScreen(const AttractScreenVM& vm, AttractScreenLayout* layout) {
    Commands out;
    AttractScreenLayout placed;
    const ImGuiIO& io = ImGui::GetIO();
    ImGui::SetNextWindowPos({0, 0});
    ImGui::SetNextWindowSize(io.DisplaySize);
    if (ImGui::Begin("##attract", nullptr, kFullScreenFlags)) {
        const float fs = ImGui::GetFontSize();
        const ImGuiStyle& st = ImGui::GetStyle();
        const ImVec2 avail = ImGui::GetContentRegionAvail();
        const float minButton = largeControlHeight();

        // The entries share the width, or stack when each would be under ~14
        // characters wide (large text, narrow screen).
        placed.stacked = avail.x < fs * 28.0f + st.ItemSpacing.x;
        const float width = placed.stacked ? avail.x : std::floor((avail.x - fs) * 0.5f);

        // Plan the height: everything must be on screen without scrolling (touch
        // screens cannot scroll ImGui windows by dragging). With large text on a
        // short screen, the gaps shrink first, then the introduction goes, then
        // the buttons shrink from 4 lines tall towards largeControlHeight().
        if (vm.titleFont) ImGui::PushFont(vm.titleFont);
        const float titleH = textHeight(vm.title, avail.x);
        if (vm.titleFont) ImGui::PopFont();
        const float introH = textHeight(kIntro, avail.x);
        const float reviewedH = textHeight(vm.reviewed, avail.x);
        const float supportH = textHeight(vm.support, avail.x);
        struct Plan { float gap; bool intro; };
        auto heightOf = [&](Plan p, float buttonH) {
            float h = 0;
            auto item = [&](float itemH) { h += itemH + st.ItemSpacing.y; };
            item(p.gap);
            item(titleH);
            if (p.intro) {
                item(p.gap * 0.5f);
                item(introH);
            }
            item(p.gap);
            item(buttonH);
            if (placed.stacked) {
                item(fs * 0.5f);
                item(buttonH);
            }
            item(p.gap * 1.5f);
            item(reviewedH);
            item(p.gap * 0.5f);
            item(supportH);
            return h;
        };
        Plan plan{0, false};
        for (Plan p : {Plan{fs, true}, Plan{fs * 0.5f, true}, Plan{fs * 0.5f, false}}) {
            if (heightOf(p, minButton) <= avail.y) {
                plan = p;
                break;
            }
        }
        const float buttons = placed.stacked ? 2.0f : 1.0f;
        const float spare = (avail.y - heightOf(plan, 0)) / buttons;
        const float height = std::floor(std::clamp(spare, minButton, std::max(minButton, fs * 4.0f)));

        ImGui::Dummy({0, plan.gap});
        if (vm.titleFont) ImGui::PushFont(vm.titleFont);
        wrappedText(vm.title);
        if (vm.titleFont) ImGui::PopFont();
        if (plan.intro) {
            ImGui::Dummy({0, plan.gap * 0.5f});
            wrappedText(kIntro);
        }
        ImGui::Dummy({0, plan.gap});
        if (entryButton("Touch to listen", {width, height}, placed.listen)) out.push_back(StartListening{});
        if (placed.stacked)
            ImGui::Dummy({0, fs * 0.5f});
        else
            ImGui::SameLine(0, fs);
        if (entryButton("Touch to read", {width, height}, placed.read)) out.push_back(StartReading{});
        ImGui::Dummy({0, plan.gap * 1.5f});
        ImGui::PushStyleColor(ImGuiCol_Text, st.Colors[ImGuiCol_TextDisabled]);
        wrappedText(vm.reviewed);
        ImGui::PopStyleColor();
        ImGui::Dummy({0, plan.gap * 0.5f});
        wrappedText(vm.support);
    }
    ImGui::End();
    if (layout) *layout = placed;
    return out;
}

} // namespace la::ui
