#include "ui/display_bar.h"

#include "ui/icon_button.h"
#include "ui/theme.h"

#include <imgui.h>

#include <cmath>
#include <cstdio>

namespace la::ui {
namespace {

constexpr double kSpeedPresets[] = {0.75, 1.0, 1.25, 1.5, 1.75, 2.0};

// A text item that flows with the buttons around it, centred on their height.
void flowText(const char* text, float controlH) {
    flowNext(ImGui::CalcTextSize(text).x);
    rowText(text, controlH);
}

// A button that shows whether it is the current choice (not by colour alone:
// the label gets a check mark).
bool choiceButton(const char* label, bool selected, float controlH) {
    char buf[96];
    std::snprintf(buf, sizeof buf, "%s%s##choice", selected ? "\u2022 " : "", label);
    flowNext(iconButtonWidth(buf, Icon::None));
    if (selected) ImGui::PushStyleColor(ImGuiCol_Button, ImGui::GetStyleColorVec4(ImGuiCol_ButtonActive));
    bool pressed = iconButton(buf, Icon::None, controlH);
    if (selected) ImGui::PopStyleColor();
    return pressed;
}

bool flowButton(const char* label, Icon icon, float controlH) {
    flowNext(iconButtonWidth(label, icon));
    return iconButton(label, icon, controlH);
}

void drawMore(const DisplayBarState& s, Commands& out, float controlH) {
    const float fs = ImGui::GetFontSize();
    ImGui::PushID("more");
    ImGui::AlignTextToFramePadding();
    ImGui::TextUnformatted("Speed presets:");
    for (double p : kSpeedPresets) {
        char label[32];
        std::snprintf(label, sizeof label, "%.2g\u00d7", p);
        ImGui::PushID(int(p * 100));
        if (choiceButton(label, std::abs(s.speed - p) < 0.001, controlH)) out.push_back(SetSpeed{p});
        ImGui::PopID();
    }
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding,
                        {ImGui::GetStyle().FramePadding.x, std::max(ImGui::GetStyle().FramePadding.y, (controlH - fs) * 0.5f)});
    ImGui::PushAllowKeyboardFocus(false); // Tab must not turn the sliders into text fields (as in the transport bar)
    int reading = int(std::lround(s.readingTextScale * 100));
    ImGui::TextUnformatted("Transcript and article text size:");
    ImGui::SetNextItemWidth(std::min(ImGui::GetContentRegionAvail().x, fs * 16));
    if (ImGui::SliderInt("##reading", &reading, 100, 400, "%d %%")) out.push_back(SetReadingTextScale{reading / 100.0});
    float spacing = float(s.lineSpacing);
    ImGui::TextUnformatted("Line spacing:");
    ImGui::SetNextItemWidth(std::min(ImGui::GetContentRegionAvail().x, fs * 16));
    if (ImGui::SliderFloat("##spacing", &spacing, 1.0f, 2.0f, "%.1f")) out.push_back(SetLineSpacing{spacing});
    ImGui::PopAllowKeyboardFocus();
    ImGui::PopStyleVar();
    ImGui::PopID();
}

} // namespace

namespace {

// Whether every control fits on one row at this text size.
bool fitsOneRow() {
    const char* labels[] = {"Speed", "Slower", "0.00\u00d7", "Faster", "Normal speed", "Smaller text", "Text 100 %",
                            "Bigger text", "\u2022 Light", "Dark", "High contrast", "More settings"};
    float w = 0;
    for (const char* l : labels) w += iconButtonWidth(l, Icon::None) + ImGui::GetStyle().ItemSpacing.x;
    return w + ImGui::GetFontSize() * 5 <= ImGui::GetContentRegionAvail().x;
}

const char* toggleLabel(const DisplayBarUi& ui) {
    return ui.expanded ? "Hide speed and text settings" : "Speed, text size and colours";
}

} // namespace

float displayBarToggleWidth(const DisplayBarUi& ui) {
    return fitsOneRow() ? 0.0f : iconButtonWidth(toggleLabel(ui), Icon::None);
}

Commands drawDisplayBar(const DisplayBarState& s, DisplayBarUi& ui, bool allowCollapse) {
    Commands out;
    const float controlH = largeControlHeight();
    const float gap = ImGui::GetFontSize();
    ImGui::PushID("display-bar");
    // At large text sizes the controls would fill the screen: keep them behind
    // one button so the transcript keeps its room.
    if (allowCollapse && !fitsOneRow()) {
        if (iconButton(toggleLabel(ui), Icon::None, controlH)) {
            ui.expanded = !ui.expanded;
        }
        if (!ui.expanded) {
            ImGui::PopID();
            return out;
        }
    }

    ImGui::Dummy({0, controlH}); // row anchor: everything after flows and wraps
    flowText("Speed", controlH);
    if (flowButton("Slower", Icon::Back, controlH)) out.push_back(ChangeSpeed{-0.05});
    char speed[32];
    std::snprintf(speed, sizeof speed, "%.2f\u00d7", s.speed);
    flowText(speed, controlH);
    if (flowButton("Faster", Icon::Forward, controlH)) out.push_back(ChangeSpeed{0.05});
    if (std::abs(s.speed - 1.0) > 0.001 && flowButton("Normal speed", Icon::None, controlH)) out.push_back(SetSpeed{1.0});

    ImGui::SameLine(0, gap);
    if (flowButton("Smaller text", Icon::None, controlH)) out.push_back(StepUiTextScale{-1});
    char size[32];
    std::snprintf(size, sizeof size, "Text %d %%", int(std::lround(s.uiTextScale * 100)));
    flowText(size, controlH);
    if (flowButton("Bigger text", Icon::None, controlH)) out.push_back(StepUiTextScale{+1});

    ImGui::SameLine(0, gap);
    for (ThemeId id : {ThemeId::Light, ThemeId::Dark, ThemeId::HighContrast}) {
        ImGui::PushID(int(id));
        if (choiceButton(paletteFor(id).name, s.theme == int(id), controlH)) out.push_back(SetTheme{int(id)});
        ImGui::PopID();
    }
    ImGui::SameLine(0, gap);
    if (flowButton(ui.showMore ? "Fewer settings" : "More settings", Icon::None, controlH)) ui.showMore = !ui.showMore;
    if (ui.showMore) drawMore(s, out, controlH);
    ImGui::PopID();
    return out;
}

} // namespace la::ui
