#include "ui/display_bar.h"

#include "ui/icon_button.h"
#include "ui/semantic_scope.h"
#include "ui/theme.h"
#include "ui/time_format.h"

#include <imgui.h>
#include <imgui_internal.h> // PushOverrideID

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace la::ui {
namespace {

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

/// A setting that is on or off: its state in its label, not by colour alone.
bool toggleButton(const char* name, bool on, const char* id, float controlH) {
    char label[96];
    std::snprintf(label, sizeof label, "%s: %s###%s", name, on ? "on" : "off", id);
    return declaredButton(choiceButton(label, on, controlH), std::string("display/") + id, SemanticRole::ToggleButton,
                          name, on ? kChecked : 0u);
}

// Stop playing after some minutes, or at the end of the chapter, fading out
// (player/sleep_timer.h): one choice button per entry, the time left before them.
void drawSleepTimer(const DisplayBarState& s, Commands& out, float controlH) {
    if (s.sleepChoices.empty()) return;
    ImGui::Dummy({0, controlH});
    // Running, the time left stands where the row's label was ("Sleep in
    // 14:59  [Off] [15 min] [• 30 min] … [+5 min]"): one row, not two, so
    // opening More settings does not push Play off an 800-pixel screen.
    if (s.sleepText.empty()) {
        flowText("Sleep timer:", controlH);
    } else {
        if (ImGui::CalcTextSize(s.sleepText.c_str()).x <= ImGui::GetContentRegionAvail().x) {
            flowText(s.sleepText.c_str(), controlH);
        } else { // too large for one line (400 % text): wrapped, on lines of its own
            ImGui::PushTextWrapPos(0);
            ImGui::TextUnformatted(s.sleepText.c_str());
            ImGui::PopTextWrapPos();
        }
        declareLastText("display/sleep/status", SemanticRole::Paragraph, s.sleepText);
    }
    for (const DisplayBarState::SleepChoice& c : s.sleepChoices) {
        const bool chosen = c.mode == s.sleepMode && (c.mode != SleepMode::Minutes || c.minutes == s.sleepMinutes);
        ImGui::PushID(c.label.c_str());
        // "30 min" on the button, so the row fits one line beside "+5 min" and
        // the time left; a screen reader hears the whole word in the name.
        std::string shown = c.label;
        if (const auto at = shown.find(" minutes"); at != std::string::npos) shown.replace(at, 8, " min");
        if (declaredButton(choiceButton(shown.c_str(), chosen, controlH), "display/sleep/" + c.label,
                           SemanticRole::ToggleButton, "Sleep timer: " + c.label, chosen ? kChecked : 0u))
            out.push_back(SetSleepTimer{c.mode, c.minutes});
        ImGui::PopID();
    }
    if (s.sleepMode != SleepMode::Off) {
        if (declaredButton(flowButton("+5 min", Icon::None, controlH), "display/sleep/extend", SemanticRole::PushButton,
                           "Sleep timer: 5 more minutes"))
            out.push_back(ExtendSleepTimer{});
    }
}

// How it sounds, for listeners who find an episode too quiet, too uneven or too slow.
void drawListening(const DisplayBarState& s, Commands& out, float controlH) {
    ImGui::TextUnformatted("Listening:");
    ImGui::Dummy({0, controlH});
    if (toggleButton("Even loudness", s.evenLoudness, "even loudness", controlH)) out.push_back(SetEvenLoudness{!s.evenLoudness});
    if (toggleButton("Voice boost", s.voiceBoost, "voice boost", controlH)) out.push_back(SetVoiceBoost{!s.voiceBoost});
    if (toggleButton("Shorten pauses", s.shortenPauses, "shorten pauses", controlH)) out.push_back(SetShortenPauses{!s.shortenPauses});
    if (s.savedSeconds >= 1) { // like Overcast: what it has given back
        const std::string saved = "Time saved: " + durationInWords(s.savedSeconds);
        flowText(saved.c_str(), controlH);
        declareLastText("display/time saved", SemanticRole::Paragraph, saved);
    }
    drawSleepTimer(s, out, controlH);
}

void drawMore(const DisplayBarState& s, Commands& out, float controlH) {
    const float fs = ImGui::GetFontSize();
    ImGui::PushID("more");
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding,
                        {ImGui::GetStyle().FramePadding.x, std::max(ImGui::GetStyle().FramePadding.y, (controlH - fs) * 0.5f)});
    ImGui::PushAllowKeyboardFocus(false); // Tab must not turn the sliders into text fields (as in the transport bar)
    // Buttons and labels: automatic (they grow at half the rate of the text,
    // up to 175 %), or a size of their own, never above the text size.
    ImGui::TextUnformatted("Size of buttons and labels:");
    ImGui::Dummy({0, controlH});
    struct Choice { const char* label; double scale; };
    for (Choice c : {Choice{"Automatic", 0.0}, {"100 %", 1.0}, {"125 %", 1.25}, {"150 %", 1.5}, {"175 %", 1.75}, {"200 %", 2.0}}) {
        ImGui::PushID(c.label);
        const bool chosen = std::abs(s.controlsScale - c.scale) < 0.001;
        if (declaredButton(choiceButton(c.label, chosen, controlH), std::string("display/controls/") + c.label,
                           SemanticRole::ToggleButton, std::string("Size of buttons and labels: ") + c.label,
                           chosen ? kChecked : 0u))
            out.push_back(SetControlsSize{c.scale});
        ImGui::PopID();
    }
    // Line spacing in steps of 0.1, its value beside the slider (never under the handle).
    float spacing = float(s.lineSpacing);
    ImGui::TextUnformatted("Line spacing:");
    ImGui::SetNextItemWidth(std::min(ImGui::GetContentRegionAvail().x - ImGui::CalcTextSize("0.0").x - fs, fs * 12));
    if (ImGui::SliderFloat("##spacing", &spacing, 1.0f, 2.0f, "")) out.push_back(SetLineSpacing{std::round(spacing * 10.0) / 10.0});
    char value[16];
    std::snprintf(value, sizeof value, "%.1f", s.lineSpacing);
    const int node = declareLastItem("display/line spacing", SemanticRole::Slider, "Line spacing", kIncrement | kDecrement | kSetValue);
    declareValue(node, {s.lineSpacing, 1.0, 2.0, 0.1, value});
    double asked = 0;
    if (takeRequest(node, kSetValue, &asked)) out.push_back(SetLineSpacing{std::round(std::clamp(asked, 1.0, 2.0) * 10.0) / 10.0});
    if (takeRequest(node, kIncrement)) out.push_back(SetLineSpacing{std::min(2.0, std::round(s.lineSpacing * 10.0 + 1) / 10.0)});
    if (takeRequest(node, kDecrement)) out.push_back(SetLineSpacing{std::max(1.0, std::round(s.lineSpacing * 10.0 - 1) / 10.0)});
    flowNext(ImGui::CalcTextSize(value).x);
    rowText(value, controlH);
    // The program's own voice, for people who want speech without a screen
    // reader (people with one use it: this stays off by default).
    ImGui::Dummy({0, controlH});
    if (declaredButton(choiceButton(s.speakControls ? "Speak controls: on###speak" : "Speak controls: off###speak",
                                    s.speakControls, controlH),
                       "display/speak controls", SemanticRole::ToggleButton, "Speak controls",
                       s.speakControls ? kChecked : 0u))
        out.push_back(SetSpeech{!s.speakControls});
    drawListening(s, out, controlH);
    ImGui::PopAllowKeyboardFocus();
    ImGui::PopStyleVar();
    ImGui::PopID();
}

} // namespace

namespace {

// Whether every control fits on one row at this text size.
bool fitsOneRow() {
    const char* labels[] = {"Smaller text", "Text 100 %", "Bigger text", "\u2022 Light", "Dark", "High contrast",
                            "More settings"};
    float w = 0;
    for (const char* l : labels) w += iconButtonWidth(l, Icon::None) + ImGui::GetStyle().ItemSpacing.x;
    return w + ImGui::GetFontSize() * 5 <= ImGui::GetContentRegionAvail().x;
}

const char* toggleLabel(const DisplayBarUi& ui) {
    return ui.expanded ? "Hide text settings" : "Text size and colours";
}

} // namespace

float displayBarToggleWidth(const DisplayBarUi& ui) {
    return fitsOneRow() ? 0.0f : iconButtonWidth(toggleLabel(ui), Icon::None);
}

Commands drawDisplayBar(const DisplayBarState& s, DisplayBarUi& ui, bool allowCollapse) {
    Commands out;
    const float controlH = largeControlHeight();
    const float gap = ImGui::GetFontSize();
    // One ID wherever the bar is drawn (header or Settings tab): the control
    // under the pointer stays the same control when the layout changes.
    ImGui::PushOverrideID(ImHashStr("display-bar"));
    // At large text sizes the controls would fill the screen: keep them behind
    // one button so the transcript keeps its room.
    if (allowCollapse && !fitsOneRow()) {
        // Folding right after a text size was chosen here would take the
        // buttons from under the pointer: they stay shown.
        if (ui.textSizeJustChanged) ui.expanded = true;
        if (declaredButton(iconButton(toggleLabel(ui), Icon::None, controlH), "display/toggle", SemanticRole::PushButton,
                           "Text size and colours", ui.expanded ? kExpanded : 0u)) {
            ui.expanded = !ui.expanded;
        }
        if (!ui.expanded) {
            ImGui::PopID();
            return out;
        }
    }

    // Speed is on the transport (the speed chip); here: text size, colours.
    ImGui::Dummy({0, controlH}); // row anchor: everything after flows and wraps
    ui.textSizeJustChanged = false;
    char size[32];
    std::snprintf(size, sizeof size, "Text %d %%", int(std::lround(s.textScale * 100)));
    // The size is said with each button: a screen reader hears where it is going.
    if (declaredButton(flowButton("Smaller text", Icon::None, controlH), "display/smaller", SemanticRole::PushButton,
                       std::string("Smaller text, now ") + size))
        out.push_back(StepTextSize{-1}), ui.textSizeJustChanged = true;
    flowText(size, controlH);
    if (declaredButton(flowButton("Bigger text", Icon::None, controlH), "display/bigger", SemanticRole::PushButton,
                       std::string("Bigger text, now ") + size))
        out.push_back(StepTextSize{+1}), ui.textSizeJustChanged = true;
    ui.biggerMin = ImGui::GetItemRectMin(), ui.biggerMax = ImGui::GetItemRectMax();

    ImGui::SameLine(0, gap);
    for (ThemeId id : {ThemeId::Light, ThemeId::Dark, ThemeId::HighContrast}) {
        ImGui::PushID(int(id));
        if (declaredButton(choiceButton(paletteFor(id).name, s.theme == id, controlH),
                           std::string("display/theme/") + paletteFor(id).name, SemanticRole::ToggleButton,
                           std::string("Colours: ") + paletteFor(id).name, s.theme == id ? kChecked : 0u))
            out.push_back(SetTheme{id});
        ImGui::PopID();
    }
    ImGui::SameLine(0, gap);
    if (declaredButton(flowButton(ui.showMore ? "Fewer settings###more settings" : "More settings###more settings", Icon::None,
                                  controlH),
                       "display/more", SemanticRole::PushButton, "More settings", ui.showMore ? kExpanded : 0u))
        ui.showMore = !ui.showMore;
    if (ui.showMore) drawMore(s, out, controlH);
    ImGui::PopID();
    return out;
}

} // namespace la::ui
