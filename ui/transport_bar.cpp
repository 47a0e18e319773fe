#include "ui/transport_bar.h"

#include "ui/icon_button.h"
#include "ui/semantic_scope.h"
#include "ui/time_format.h"
#include "ui/transport_menus.h"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <string>

namespace la::ui {
namespace {

// A seek bar that can be clicked or dragged: the knob follows the finger
// while held and the seek happens on release, so dragging does not flood the
// decoder with seeks.
void drawSeekBar(const TransportState& s, TransportViewState& view, float width, Commands& out) {
    const float fs = ImGui::GetFontSize();
    const float h = std::max(48.0f, fs * 1.3f);
    ImVec2 pos = ImGui::GetCursorScreenPos();
    ImGui::InvisibleButton("Seek bar", {width, h});
    bool active = ImGui::IsItemActive();
    double duration = std::max(s.duration, 0.001);
    if (active && s.audioLoaded) {
        float f = std::clamp((ImGui::GetIO().MousePos.x - pos.x) / width, 0.0f, 1.0f);
        view.dragging = true;
        view.dragSeconds = f * duration;
    }
    if (ImGui::IsItemDeactivated() && view.dragging) {
        out.push_back(SeekTo{view.dragSeconds});
        view.dragging = false;
    }
    if (ImGui::IsItemFocused() && s.audioLoaded) {
        if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_LeftArrow))) out.push_back(SeekBy{-5});
        if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_RightArrow))) out.push_back(SeekBy{5});
    }
    double shown = view.dragging ? view.dragSeconds : s.position;
    float f = float(std::clamp(shown / duration, 0.0, 1.0));
    int node = declareLastItem("transport/seek", SemanticRole::Slider, "Position", kIncrement | kDecrement | kSetValue);
    declareValue(node, {shown, 0, s.duration, 5, formatClock(shown) + " of " + formatClock(s.duration)});
    double asked = 0;
    if (takeRequest(node, kSetValue, &asked)) out.push_back(SeekTo{std::clamp(asked, 0.0, s.duration)});
    if (takeRequest(node, kIncrement)) out.push_back(SeekBy{5}); // as the arrow keys on the focused bar
    if (takeRequest(node, kDecrement)) out.push_back(SeekBy{-5});

    ImDrawList* dl = ImGui::GetWindowDrawList();
    const float trackH = std::max(8.0f, fs * 0.45f);
    const float cy = pos.y + h * 0.5f;
    const float r = trackH * 0.5f;
    ImVec2 a{pos.x, cy - trackH * 0.5f}, b{pos.x + width, cy + trackH * 0.5f};
    dl->AddRectFilled(a, b, ImGui::GetColorU32(ImGuiCol_FrameBg), r);
    dl->AddRect(a, b, ImGui::GetColorU32(ImGuiCol_Border), r, 0, std::max(1.0f, fs * 0.08f));
    dl->AddRectFilled(a, {pos.x + width * f, b.y}, ImGui::GetColorU32(ImGuiCol_SliderGrabActive), r);
    // Chapter starts: a notch through the track at each (the first, at 0, is the track's own end).
    for (double mark : s.chapterMarks) {
        if (mark <= 0 || mark >= duration) continue;
        float x = pos.x + width * float(mark / duration);
        float w = std::max(2.0f, fs * 0.12f);
        dl->AddRectFilled({x - w * 0.5f, a.y - trackH * 0.6f}, {x + w * 0.5f, b.y + trackH * 0.6f}, ImGui::GetColorU32(ImGuiCol_Text));
    }
    dl->AddCircleFilled({pos.x + width * f, cy}, std::max(12.0f, fs * 0.6f), ImGui::GetColorU32(ImGuiCol_SliderGrab));
    if (ImGui::IsItemFocused()) {
        dl->AddRect(pos, {pos.x + width, pos.y + h}, ImGui::GetColorU32(ImGuiCol_NavHighlight), fs * 0.3f, 0,
                    std::max(3.0f, fs * 0.15f));
    }
}

float volumeSliderWidth() { return ImGui::GetFontSize() * 6; }

float volumeLabelWidth() { return ImGui::CalcTextSize("Volume 100 %").x; }

float playSlotWidth() { return std::max(iconButtonWidth("Pause##toggle", Icon::Pause), iconButtonWidth("Play##toggle", Icon::Play)); }

} // namespace

float transportBarHeight() {
    const ImGuiStyle& st = ImGui::GetStyle();
    const float fs = ImGui::GetFontSize();
    return fs + st.ItemSpacing.y                       // chapter line
           + std::max(48.0f, fs * 1.3f) + st.ItemSpacing.y // seek bar
           + largeControlHeight() + transportBarMargin();
}

float transportBarMargin() { return ImGui::GetFontSize() * 0.5f; }

Commands drawTransportBar(const TransportState& s, TransportViewState& view) {
    Commands out;
    const ImGuiStyle& st = ImGui::GetStyle();
    const float fs = ImGui::GetFontSize();
    const float controlH = largeControlHeight();

    // The chapter line only where there is room; at large text the Chapters tab has it.
    if (!s.compact) {
        // The sleep timer's time left at the line's end, where a listener
        // sees it without opening the settings; the title wraps before it.
        const float startX = ImGui::GetCursorPosX(), lineY = ImGui::GetCursorPosY();
        const float avail = ImGui::GetContentRegionAvail().x;
        const float sleepW = s.sleepText.empty() ? 0.0f : ImGui::CalcTextSize(s.sleepText.c_str()).x;
        const bool sleepBeside = sleepW > 0 && sleepW + fs <= avail * 0.5f;
        ImGui::PushTextWrapPos(sleepBeside ? startX + avail - sleepW - fs : 0.0f);
        ImGui::TextUnformatted(s.chapterTitle.empty() ? " " : s.chapterTitle.c_str());
        ImGui::PopTextWrapPos();
        if (!s.sleepText.empty()) {
            const float afterTitle = ImGui::GetCursorPosY();
            if (sleepBeside) ImGui::SetCursorPos({startX + avail - sleepW, lineY});
            ImGui::TextUnformatted(s.sleepText.c_str());
            declareLastText("transport/sleep timer", SemanticRole::Paragraph, s.sleepText);
            if (sleepBeside) ImGui::SetCursorPosY(std::max(afterTitle, ImGui::GetCursorPosY()));
        }
    } else if (!s.sleepText.empty()) {
        // Compact has no chapter line, but a running sleep timer keeps a line
        // of its own: it will stop the listening, and the T key's confirmation
        // is gone in a moment.
        ImGui::PushTextWrapPos(0.0f);
        ImGui::TextUnformatted(s.sleepText.c_str());
        ImGui::PopTextWrapPos();
        declareLastText("transport/sleep timer", SemanticRole::Paragraph, s.sleepText);
    }

    // Times either side of the seek bar; widths fixed so the bar does not jitter.
    std::string elapsed = formatClock(view.dragging ? view.dragSeconds : s.position);
    std::string remaining = formatRemaining(s.duration - (view.dragging ? view.dragSeconds : s.position));
    float timeW = ImGui::CalcTextSize(s.duration >= 3600 ? "-00:00:00" : "-00:00").x + fs * 0.5f;
    float barH = std::max(48.0f, fs * 1.3f);
    float textOffset = (barH - ImGui::GetTextLineHeight()) * 0.5f;
    ImGui::BeginDisabled(!s.audioLoaded);
    float y = ImGui::GetCursorPosY();
    ImGui::SetCursorPosY(y + textOffset);
    ImGui::TextUnformatted(elapsed.c_str());
    ImGui::SameLine(timeW + st.WindowPadding.x);
    ImGui::SetCursorPosY(y);
    float barW = ImGui::GetContentRegionAvail().x - timeW - st.ItemSpacing.x;
    drawSeekBar(s, view, std::max(barW, fs * 4), out);
    ImGui::SameLine();
    ImGui::SetCursorPosY(y + textOffset);
    ImGui::TextUnformatted(remaining.c_str());
    ImGui::SetCursorPosY(y + barH + st.ItemSpacing.y);

    // At large text the three keep one row (Play stays in view): the arrows
    // say the direction, the label keeps the amount. Play and Pause share one
    // slot, so nothing after it moves when it changes.
    // With the speed chip (and, compact, the chapter picker) on the same row
    // when they fit: the seek bar and one row of buttons, nothing more.
    const float gap = st.ItemSpacing.x;
    const float playW = playSlotWidth();
    // Labels shorten before anything takes a second row: "Back 15 s" to
    // "15 s", "Speed 1.5×" to "1.5×", "Chapter 4 of 9" to "4 of 9".
    const float avail = ImGui::GetContentRegionAvail().x;
    auto rowWidth = [&](bool fullSkips, bool brief) {
        float w = (fullSkips ? iconButtonWidth("Back 15 s", Icon::Back) + iconButtonWidth("Forward 30 s", Icon::Forward)
                             : iconButtonWidth("15 s", Icon::Back) + iconButtonWidth("30 s", Icon::Forward)) +
                  playW + speedChipWidth(brief) + gap * 3;
        if (s.compact && s.chapters) {
            if (auto label = chapterPickerLabel(*s.chapters, s.currentChapter, brief))
                w += iconButtonWidth(label->c_str(), Icon::Menu) + gap;
        }
        return w;
    };
    const bool full = rowWidth(true, false) <= avail || (!s.compact && rowWidth(true, false) - speedChipWidth() <= avail);
    const bool brief = !full && rowWidth(false, false) > avail;
    std::optional<std::string> picker;
    if (s.compact && s.chapters) picker = chapterPickerLabel(*s.chapters, s.currentChapter, brief);
    const char* back = full ? "Back 15 s###back" : "15 s###back";
    const char* forward = full ? "Forward 30 s###forward" : "30 s###forward";
    bool pressed = iconButton(back, Icon::Back, controlH);
    if (declaredButton(pressed, "transport/back", SemanticRole::PushButton, "Back 15 seconds"))
        out.push_back(SeekBy{-15});
    flowNext(playW);
    pressed = iconButton(s.playing ? "Pause###toggle" : "Play###toggle", s.playing ? Icon::Pause : Icon::Play, controlH, playW);
    view.playMin = ImGui::GetItemRectMin(), view.playMax = ImGui::GetItemRectMax();
    if (declaredButton(pressed, "transport/play", SemanticRole::PushButton, s.playing ? "Pause" : "Play"))
        out.push_back(TogglePlay{});
    flowNext(iconButtonWidth(forward, Icon::Forward));
    pressed = iconButton(forward, Icon::Forward, controlH);
    if (declaredButton(pressed, "transport/forward", SemanticRole::PushButton, "Forward 30 seconds"))
        out.push_back(SeekBy{30});
    // Speed is always on the main screen: a chip with the current speed.
    flowNext(speedChipWidth(brief));
    Commands speed = drawSpeedChip(s.speed, controlH, brief, view.speedMin, view.speedMax);
    out.insert(out.end(), speed.begin(), speed.end());
    view.pickerMin = view.pickerMax = {0, 0};
    if (picker) {
        flowNext(iconButtonWidth(picker->c_str(), Icon::Menu));
        Commands pick = drawChapterPicker(*s.chapters, s.currentChapter, s.listFont, controlH, brief, view.pickerMin, view.pickerMax);
        out.insert(out.end(), pick.begin(), pick.end());
    }
    if (s.showVolume) {
        ImGui::SameLine(0, fs * 2);
        Commands v = drawVolumeControls(s);
        out.insert(out.end(), v.begin(), v.end());
    }
    ImGui::EndDisabled();
    view.finishMin = view.finishMax = {0, 0};
    if (s.finishButton) { // works even without sound
        flowNext(iconButtonWidth("I'm finished", Icon::None));
        bool finish = iconButton("I'm finished", Icon::None, controlH);
        if (declaredButton(finish, "transport/finish", SemanticRole::PushButton, "I'm finished"))
            out.push_back(KioskFinish{});
        view.finishMin = ImGui::GetItemRectMin(), view.finishMax = ImGui::GetItemRectMax();
    }
    if (s.sayAgainButton) { // the program's own voice, its last phrase again (F2); after "I'm finished", which keeps its place
        flowNext(iconButtonWidth("Say it again", Icon::None));
        bool again = iconButton("Say it again", Icon::None, controlH);
        if (declaredButton(again, "transport/say again", SemanticRole::PushButton, "Say it again")) out.push_back(SayAgain{});
    }
    return out;
}

Commands drawVolumeControls(const TransportState& s) {
    Commands out;
    const ImGuiStyle& st = ImGui::GetStyle();
    const float fs = ImGui::GetFontSize();
    const float controlH = largeControlHeight();
    ImGui::BeginDisabled(!s.audioLoaded);
    flowNext(iconButtonWidth("Unmute##mute", Icon::SpeakerOff));
    bool mute = iconButton(s.muted ? "Unmute###mute" : "Mute###mute", s.muted ? Icon::SpeakerOff : Icon::SpeakerOn, controlH);
    if (declaredButton(mute, "transport/mute", SemanticRole::ToggleButton, "Mute", s.muted ? kChecked : 0u))
        out.push_back(ToggleMute{});
    int volume = int(std::lround(s.volume * 100));
    float sliderW = volumeSliderWidth();
    flowNext(sliderW);
    ImGui::SetNextItemWidth(std::min(sliderW, ImGui::GetContentRegionAvail().x));
    // Tall frame for a finger-sized slider.
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, {st.FramePadding.x, std::max(st.FramePadding.y, (controlH - fs) * 0.5f)});
    ImGui::PushStyleVar(ImGuiStyleVar_GrabMinSize, std::max(24.0f, fs * 1.2f));
    // Not a Tab stop: ImGui would turn it into a text field on Tab, which
    // also turns on control-by-control mode (player/keyboard_shortcuts.cpp).
    ImGui::PushAllowKeyboardFocus(false);
    // The value beside the slider, never under its handle.
    if (ImGui::SliderInt("##Volume", &volume, 0, 100, "")) out.push_back(SetVolume{volume / 100.0f});
    const int node = declareLastItem("transport/volume", SemanticRole::Slider, "Volume", kIncrement | kDecrement | kSetValue);
    declareValue(node, {double(volume), 0, 100, 5, std::to_string(volume) + " %"});
    double asked = 0;
    if (takeRequest(node, kSetValue, &asked)) out.push_back(SetVolume{float(std::clamp(asked, 0.0, 100.0) / 100.0)});
    if (takeRequest(node, kIncrement)) out.push_back(ChangeVolume{0.05f});
    if (takeRequest(node, kDecrement)) out.push_back(ChangeVolume{-0.05f});
    ImGui::PopAllowKeyboardFocus();
    ImGui::PopStyleVar(2);
    const std::string value = "Volume " + std::to_string(volume) + " %";
    flowNext(ImGui::CalcTextSize("Volume 100 %").x);
    rowText(value.c_str(), controlH);
    ImGui::EndDisabled();
    return out;
}

bool transportFitsOneRow(bool withPicker) {
    const float gap = ImGui::GetStyle().ItemSpacing.x;
    const float w = iconButtonWidth("Back 15 s", Icon::Back) + playSlotWidth() + iconButtonWidth("Forward 30 s", Icon::Forward) +
                    speedChipWidth() + (withPicker ? iconButtonWidth("Chapter 10 of 10", Icon::Menu) + gap : 0.0f) +
                    ImGui::GetFontSize() * 2 + iconButtonWidth("Unmute##mute", Icon::SpeakerOff) + volumeSliderWidth() +
                    volumeLabelWidth() + gap * 6;
    return w <= ImGui::GetContentRegionAvail().x;
}

} // namespace la::ui
