#include "ui/kiosk_overlays.h"

#include "ui/icon_button.h"
#include "ui/key_pressed.h"
#include "ui/focus_outline.h"
#include "ui/semantic_scope.h"

#include <imgui.h>
#include <imgui_internal.h> // BringWindowToDisplayFront, GetCurrentWindow

#include <algorithm>
#include <cfloat>
#include <cstdio>
#include <cmath>
#include <string>

namespace la::ui {
namespace {

constexpr ImGuiWindowFlags kLayerFlags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                         ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoNav |
                                         ImGuiWindowFlags_NoBringToFrontOnFocus;
constexpr ImGuiWindowFlags kPanelFlags = ImGuiWindowFlags_NoTitleBar | ImGuiWindowFlags_NoMove |
                                         ImGuiWindowFlags_NoResize | ImGuiWindowFlags_NoCollapse |
                                         ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_AlwaysAutoResize;

// Z-order: each frame the layer, then the panel, are raised to the top with
// BringWindowToDisplayFront, which (unlike SetNextWindowFocus every frame) does
// not cancel a button press that is in progress. The panel takes keyboard
// focus once, when it appears.

/// The dimmed layer over the whole display; swallows taps meant for the view
/// below. Returns true when it was tapped (outside the panel).
bool dimLayer(const char* id) {
    const ImGuiIO& io = ImGui::GetIO();
    ImGui::SetNextWindowPos({0, 0});
    ImGui::SetNextWindowSize(io.DisplaySize);
    ImGui::PushStyleColor(ImGuiCol_WindowBg, ImGui::GetStyle().Colors[ImGuiCol_ModalWindowDimBg]);
    ImGui::Begin(id, nullptr, kLayerFlags);
    ImGui::BringWindowToDisplayFront(ImGui::GetCurrentWindow());
    bool tapped = ImGui::IsWindowHovered() && ImGui::IsMouseClicked(0);
    ImGui::End();
    ImGui::PopStyleColor();
    return tapped;
}

/// Starts the centred panel, `width` pixels wide (never wider than the display
/// allows); pair with ImGui::End().
void beginPanel(const char* id, float width) {
    const ImGuiIO& io = ImGui::GetIO();
    const float fs = ImGui::GetFontSize();
    float w = std::min(width, std::max(io.DisplaySize.x - fs, 1.0f));
    ImGui::SetNextWindowPos({io.DisplaySize.x * 0.5f, io.DisplaySize.y * 0.5f}, ImGuiCond_Always, {0.5f, 0.5f});
    ImGui::SetNextWindowSizeConstraints({w, 0}, {w, std::max(io.DisplaySize.y - fs, 1.0f)});
    ImGui::Begin(id, nullptr, kPanelFlags);
    ImGui::BringWindowToDisplayFront(ImGui::GetCurrentWindow());
    if (ImGui::IsWindowAppearing()) ImGui::SetWindowFocus();
}

void wrappedText(const std::string& text) {
    ImGui::PushTextWrapPos(0);
    ImGui::TextUnformatted(text.c_str(), text.c_str() + text.size());
    ImGui::PopTextWrapPos();
}

float textWidth(const char* text) { return ImGui::CalcTextSize(text).x; }

bool sizedButton(const char* label, ImVec2 size, ScreenRect& rect) {
    rect.min = ImGui::GetCursorScreenPos();
    bool pressed = ImGui::Button(label, size);
    rect.max = {rect.min.x + size.x, rect.min.y + size.y};
    return pressed;
}

/// `count` filled dots in a row, one font size apart; reserves a line even when empty.
void drawDots(size_t count) {
    const float fs = ImGui::GetFontSize();
    ImVec2 at = ImGui::GetCursorScreenPos();
    ImDrawList* dl = ImGui::GetWindowDrawList();
    ImU32 col = ImGui::GetColorU32(ImGuiCol_Text);
    for (size_t i = 0; i < count; ++i)
        dl->AddCircleFilled({at.x + fs * (0.5f + 1.1f * float(i)), at.y + fs * 0.6f}, fs * 0.35f, col);
    ImGui::Dummy({fs * 1.1f * float(std::max<size_t>(count, 1)), fs * 1.2f});
}

} // namespace

Commands drawStillListeningOverlay(const CountdownVM& vm, CountdownLayout* layout) {
    Commands out;
    CountdownLayout placed;
    bool tappedOutside = dimLayer("##still listening layer");

    const float fs = ImGui::GetFontSize();
    beginPanel("##still listening", fs * 26.0f);
    declareOpen("kiosk/still listening", SemanticRole::Dialog, "Still listening?");
    placed.panel.min = ImGui::GetWindowPos();
    placed.panel.max = {placed.panel.min.x + ImGui::GetWindowWidth(), placed.panel.min.y + ImGui::GetWindowHeight()};
    wrappedText("Still listening?");
    ImGui::Dummy({0, fs * 0.3f});
    int n = std::max(0, vm.secondsLeft);
    const std::string left = "This screen will start again for the next person in " + std::to_string(n) +
                             (n == 1 ? " second." : " seconds.");
    wrappedText(left);
    declareLastText("kiosk/still listening/text", SemanticRole::Paragraph, left);
    // Said once when the countdown appears, so a visitor who cannot see it hears it.
    declareLastText("kiosk/still listening/announcement", SemanticRole::Notification,
                    "Still listening? " + left + " Touch the screen or press any key to stay.");
    ImGui::Dummy({0, fs * 0.5f});
    float height = std::max(largeControlHeight(), std::floor(fs * 3.0f));
    bool pressed = sizedButton("Yes, I'm still here", {ImGui::GetContentRegionAvail().x, height}, placed.stillHere);
    bool buttonHovered = ImGui::IsItemHovered();
    pressed = declaredButton(pressed, "kiosk/still here", SemanticRole::PushButton, "Yes, I'm still here");
    declareClose();
    bool tappedPanel = ImGui::IsWindowHovered() && ImGui::IsMouseClicked(0) && !buttonHovered;
    ImGui::End();

    // One command per tap: the button reports on release, the rest on press.
    // Enter is the dialog's default action; Space presses the focused button
    // when the focus is shown (player/keyboard_focus.h), and is this otherwise.
    const bool spaceHere = !keyboardFocusShown() && keyPressed(ImGuiKey_Space);
    if (pressed || tappedOutside || tappedPanel || keyPressed(ImGuiKey_Enter) || spaceHere)
        out.push_back(KioskDismissCountdown{});
    if (layout) *layout = placed;
    return out;
}

Commands drawPinPad(const PinPadVM& vm, PinPadLayout* layout) {
    Commands out;
    PinPadLayout placed;
    dimLayer("##pin pad layer"); // taps outside the pad do nothing

    const float fs = ImGui::GetFontSize();
    const ImGuiStyle& st = ImGui::GetStyle();
    const float sp = std::min(st.ItemSpacing.y, fs * 0.3f);
    float cellW = std::max(largeControlHeight(), std::floor(fs * 4.0f));
    float gridW = cellW * 3 + st.ItemSpacing.x * 2;
    const float cancelW = textWidth("Cancel") + fs * 1.5f;
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, {fs * 0.75f, fs * 0.5f});
    beginPanel("##pin pad", std::max(gridW, fs * 24.0f) + fs * 1.5f);
    ImGui::PopStyleVar();
    declareOpen("kiosk/pin", SemanticRole::Dialog, "Staff only: enter the PIN to close ListenAlong.");
    ImGui::PushStyleVar(ImGuiStyleVar_ItemSpacing, {st.ItemSpacing.x, sp});
    // Short keys (large text, short screen) still centre their label: ImGui
    // places it inside the frame padding.
    ImGui::PushStyleVar(ImGuiStyleVar_FramePadding, {st.FramePadding.x, std::min(st.FramePadding.y, fs * 0.2f)});
    const float minH = std::max(48.0f, ImGui::GetTextLineHeight() + fs * 0.4f);

    // Header: what this is, with Cancel at the top right.
    const float avail = ImGui::GetContentRegionAvail().x;
    // At 400 % on a small screen four font sizes per key do not fit three abreast.
    cellW = std::max(largeControlHeight(), std::min(cellW, std::floor((avail - st.ItemSpacing.x * 2) / 3)));
    gridW = cellW * 3 + st.ItemSpacing.x * 2;
    const float headerTop = ImGui::GetCursorPosY();
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + avail - cancelW - st.ItemSpacing.x);
    ImGui::TextUnformatted("Staff only: enter the PIN to close ListenAlong.");
    ImGui::PopTextWrapPos();
    const float afterHeader = ImGui::GetCursorPosY();
    ImGui::SetCursorPos({ImGui::GetCursorPosX() + avail - cancelW, headerTop});
    if (declaredButton(sizedButton("Cancel", {cancelW, minH}, placed.cancel), "kiosk/pin/cancel", SemanticRole::PushButton, "Cancel"))
        out.push_back(PinCancel{});
    ImGui::SetCursorPosY(std::max(afterHeader, ImGui::GetCursorPosY()));

    // The digits typed, as dots, and what happened.
    const bool coolingDown = vm.cooldownSecondsLeft > 0;
    drawDots(vm.digitsEntered);
    ImGui::SameLine(0, fs);
    if (coolingDown) {
        // The lock grows to an hour: say minutes when it is that long.
        int s = int(std::ceil(vm.cooldownSecondsLeft));
        std::string wait = s <= 60 ? std::to_string(s) + (s == 1 ? " second" : " seconds")
                                  : std::to_string((s + 59) / 60) + " minutes";
        wrappedText("Too many wrong tries. Please wait " + wait + ".");
    } else if (vm.lastWasWrong) {
        wrappedText("That PIN is not right. Try again.");
    } else {
        wrappedText(std::to_string(vm.digitsEntered) + (vm.digitsEntered == 1 ? " digit" : " digits"));
    }

    // Four rows of keys, as tall as the screen allows: 2.8 lines, never under minH.
    const float maxPanelH = std::max(ImGui::GetIO().DisplaySize.y - fs, 1.0f);
    const float rowsRoom = maxPanelH - fs * 0.5f - ImGui::GetCursorPosY() - sp * 4;
    const ImVec2 cell{cellW, std::floor(std::clamp(rowsRoom / 4, minH, std::max(minH, fs * 2.8f)))};
    const bool full = vm.digitsEntered >= vm.maxDigits;
    // 1 2 3 / 4 5 6 / 7 8 9 / Clear 0 OK
    auto digitButton = [&](int d) {
        ImGui::BeginDisabled(coolingDown || full);
        char label[16];
        std::snprintf(label, sizeof label, "%d##digit", d);
        if (declaredButton(sizedButton(label, cell, placed.digit[size_t(d)]), "kiosk/pin/" + std::to_string(d),
                           SemanticRole::PushButton, std::to_string(d)))
            out.push_back(PinDigit{d});
        ImGui::EndDisabled();
    };
    const float indent = std::max(0.0f, std::floor((avail - gridW) * 0.5f)); // keys centred
    for (int row = 0; row < 3; ++row) {
        for (int col = 0; col < 3; ++col) {
            if (col > 0)
                ImGui::SameLine();
            else
                ImGui::SetCursorPosX(ImGui::GetCursorPosX() + indent);
            digitButton(row * 3 + col + 1);
        }
    }
    ImGui::SetCursorPosX(ImGui::GetCursorPosX() + indent);
    if (declaredButton(sizedButton("Clear", cell, placed.clear), "kiosk/pin/clear", SemanticRole::PushButton, "Clear"))
        out.push_back(PinClear{});
    ImGui::SameLine();
    digitButton(0);
    ImGui::SameLine();
    ImGui::BeginDisabled(coolingDown || vm.digitsEntered == 0);
    if (declaredButton(sizedButton("OK", cell, placed.ok), "kiosk/pin/ok", SemanticRole::PushButton, "OK"))
        out.push_back(PinSubmit{});
    ImGui::EndDisabled();
    ImGui::PopStyleVar(2);
    declareClose();
    ImGui::End();

    // Keyboard, for the admin who just held the chord.
    const ImGuiIO& io = ImGui::GetIO();
    if (!coolingDown) {
        for (ImWchar ch : io.InputQueueCharacters)
            if (ch >= '0' && ch <= '9') out.push_back(PinDigit{int(ch - '0')});
        if (keyPressed(ImGuiKey_Enter) || keyPressed(ImGuiKey_KeyPadEnter)) out.push_back(PinSubmit{});
    }
    if (keyPressed(ImGuiKey_Backspace)) out.push_back(PinClear{});
    if (keyPressed(ImGuiKey_Escape)) out.push_back(PinCancel{});
    if (layout) *layout = placed;
    return out;
}

} // namespace la::ui
