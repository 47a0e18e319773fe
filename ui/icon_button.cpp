#include "ui/icon_button.h"

#include <imgui.h>
#include <imgui_internal.h>

#include <algorithm>
#include <cmath>
#include <string>

namespace la::ui {
namespace {

void drawTriangle(ImDrawList* dl, ImVec2 c, float s, bool right, ImU32 col) {
    float d = right ? 1.f : -1.f;
    dl->AddTriangleFilled({c.x - d * s * 0.5f, c.y - s * 0.6f}, {c.x - d * s * 0.5f, c.y + s * 0.6f},
                          {c.x + d * s * 0.55f, c.y}, col);
}

void drawIcon(ImDrawList* dl, Icon icon, ImVec2 c, float s, ImU32 col) {
    switch (icon) {
    case Icon::Play: drawTriangle(dl, c, s, true, col); break;
    case Icon::Pause:
        dl->AddRectFilled({c.x - s * 0.45f, c.y - s * 0.55f}, {c.x - s * 0.12f, c.y + s * 0.55f}, col);
        dl->AddRectFilled({c.x + s * 0.12f, c.y - s * 0.55f}, {c.x + s * 0.45f, c.y + s * 0.55f}, col);
        break;
    case Icon::Back:
        drawTriangle(dl, {c.x + s * 0.28f, c.y}, s * 0.6f, false, col);
        drawTriangle(dl, {c.x - s * 0.28f, c.y}, s * 0.6f, false, col);
        break;
    case Icon::Forward:
        drawTriangle(dl, {c.x - s * 0.28f, c.y}, s * 0.6f, true, col);
        drawTriangle(dl, {c.x + s * 0.28f, c.y}, s * 0.6f, true, col);
        break;
    case Icon::Previous:
        drawTriangle(dl, {c.x + s * 0.1f, c.y}, s * 0.8f, false, col);
        dl->AddRectFilled({c.x - s * 0.5f, c.y - s * 0.5f}, {c.x - s * 0.32f, c.y + s * 0.5f}, col);
        break;
    case Icon::Next:
        drawTriangle(dl, {c.x - s * 0.1f, c.y}, s * 0.8f, true, col);
        dl->AddRectFilled({c.x + s * 0.32f, c.y - s * 0.5f}, {c.x + s * 0.5f, c.y + s * 0.5f}, col);
        break;
    case Icon::SpeakerOn:
    case Icon::SpeakerOff: {
        dl->AddRectFilled({c.x - s * 0.5f, c.y - s * 0.2f}, {c.x - s * 0.25f, c.y + s * 0.2f}, col);
        dl->AddTriangleFilled({c.x - s * 0.3f, c.y}, {c.x + s * 0.05f, c.y - s * 0.5f}, {c.x + s * 0.05f, c.y + s * 0.5f}, col);
        float t = std::max(1.5f, s * 0.09f);
        if (icon == Icon::SpeakerOn) {
            dl->PathArcTo(c, s * 0.35f, -0.9f, 0.9f);
            dl->PathStroke(col, 0, t);
            dl->PathArcTo(c, s * 0.55f, -0.9f, 0.9f);
            dl->PathStroke(col, 0, t);
        } else {
            dl->AddLine({c.x + s * 0.2f, c.y - s * 0.25f}, {c.x + s * 0.55f, c.y + s * 0.25f}, col, t);
            dl->AddLine({c.x + s * 0.2f, c.y + s * 0.25f}, {c.x + s * 0.55f, c.y - s * 0.25f}, col, t);
        }
        break;
    }
    case Icon::Menu: // a list opens: a triangle pointing down
        dl->AddTriangleFilled({c.x - s * 0.45f, c.y - s * 0.25f}, {c.x + s * 0.45f, c.y - s * 0.25f}, {c.x, c.y + s * 0.3f}, col);
        break;
    case Icon::None: break;
    }
}

} // namespace

float largeControlHeight() { return std::max(48.0f, ImGui::GetFontSize() * 1.7f); }

// The icon's box already has a margin; a gap that grew with the text would
// push the transport's three buttons onto two rows at 400 %.
static float iconLabelGap() { return std::min(ImGui::GetFontSize() * 0.4f, 8.0f); }

float iconButtonWidth(const char* label, Icon icon) {
    const float fs = ImGui::GetFontSize();
    float iconW = icon == Icon::None ? 0 : fs * 1.3f + iconLabelGap(); // icon plus the gap before the label
    return iconW + ImGui::CalcTextSize(label, ImGui::FindRenderedTextEnd(label)).x + ImGui::GetStyle().FramePadding.x * 2;
}

bool sameLineIfFits(float nextWidth) {
    const float right = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
    if (ImGui::GetItemRectMax().x + ImGui::GetStyle().ItemSpacing.x + nextWidth > right) return false;
    ImGui::SameLine();
    return true;
}

void flowNext(float width) {
    ImGuiWindow* window = ImGui::GetCurrentWindow();
    const float maxX = window->DC.CursorMaxPos.x;
    const float right = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
    ImGui::SameLine();
    if (ImGui::GetCursorScreenPos().x + width > right) {
        ImGui::NewLine();
        // NewLine records the abandoned place past the right edge as content:
        // without this the window would count a phantom overflow.
        window->DC.CursorMaxPos.x = maxX;
    }
}

void rowText(const char* text, float rowHeight) {
    ImVec2 size = ImGui::CalcTextSize(text);
    ImVec2 pos = ImGui::GetCursorScreenPos();
    ImGui::Dummy({size.x, rowHeight});
    ImGui::GetWindowDrawList()->AddText({pos.x, pos.y + (rowHeight - size.y) * 0.5f}, ImGui::GetColorU32(ImGuiCol_Text), text);
}

bool beginControlsChild(const char* id, ImVec2 size, int flags) {
    const float b = std::ceil(ImGui::GetStyle().FrameBorderSize);
    ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, {b, b});
    bool open = ImGui::BeginChild(id, size, false, flags | ImGuiWindowFlags_AlwaysUseWindowPadding);
    ImGui::PopStyleVar();
    return open;
}

bool iconButton(const char* label, Icon icon, float minHeight, float minWidth) {
    const ImGuiStyle& style = ImGui::GetStyle();
    const float fs = ImGui::GetFontSize();
    const char* end = ImGui::FindRenderedTextEnd(label);
    ImVec2 text = ImGui::CalcTextSize(label, end);
    float iconW = icon == Icon::None ? 0 : fs * 1.3f;
    float gap = icon == Icon::None ? 0 : iconLabelGap();
    ImVec2 size{std::max(minWidth, iconButtonWidth(label, icon)), std::max(minHeight, text.y + style.FramePadding.y * 2)};
    ImVec2 pos = ImGui::GetCursorScreenPos();
    bool pressed = ImGui::Button((std::string("##") + label).c_str(), size);
    // Keep the visible label on top of the button frame ImGui drew.
    ImDrawList* dl = ImGui::GetWindowDrawList();
    ImU32 col = ImGui::GetColorU32(ImGuiCol_Text);
    float x = pos.x + style.FramePadding.x;
    float cy = pos.y + size.y * 0.5f;
    if (icon != Icon::None) drawIcon(dl, icon, {x + iconW * 0.5f, cy}, fs * 0.9f, col);
    dl->AddText({x + iconW + gap, cy - text.y * 0.5f}, col, label, end);
    return pressed;
}

} // namespace la::ui
