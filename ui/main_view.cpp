#include "ui/main_view.h"

#include "ui/icon_button.h"

#include <imgui.h>

namespace la::ui {
namespace {

void drawNotices(const std::vector<Notice>& notices, Commands& out) {
    for (size_t i = 0; i < notices.size(); ++i) {
        const Notice& n = notices[i];
        ImVec4 col = ImGui::GetStyle().Colors[ImGuiCol_Text];
        if (n.level == Notice::Level::Error) col = {0.75f, 0.1f, 0.1f, 1};
        else if (n.level == Notice::Level::Warning) col = {0.6f, 0.35f, 0.0f, 1};
        ImGui::PushID(int(i));
        ImGui::PushStyleColor(ImGuiCol_Text, col);
        ImGui::PushTextWrapPos(0);
        ImGui::TextUnformatted(n.text.c_str());
        ImGui::PopTextWrapPos();
        ImGui::PopStyleColor();
        ImGui::PopID();
    }
    if (!notices.empty() && iconButton("Dismiss messages", Icon::None, largeControlHeight())) {
        out.push_back(DismissMessage{});
    }
}

} // namespace

Commands drawMainView(const MainViewState& state, MainViewUi& ui) {
    Commands out;
    const ImGuiViewport* vp = ImGui::GetMainViewport();
    ImGui::SetNextWindowPos(vp->WorkPos);
    ImGui::SetNextWindowSize(vp->WorkSize);
    const ImGuiWindowFlags flags = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                   ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBringToFrontOnFocus;
    if (ImGui::Begin("ListenAlong", nullptr, flags)) {
        ImGui::PushTextWrapPos(0);
        ImGui::TextUnformatted(state.title.c_str());
        ImGui::PopTextWrapPos();
        ImGui::Separator();
        drawNotices(state.notices, out);

        float barH = transportBarHeight();
        float contentH = ImGui::GetContentRegionAvail().y - barH - ImGui::GetStyle().ItemSpacing.y;
        if (ImGui::BeginChild("Content", {0, contentH > 0 ? contentH : 1}, false)) {
            // The transcript, chapters and article panes are drawn here.
        }
        ImGui::EndChild();

        ImGui::Separator();
        if (ImGui::BeginChild("Transport", {0, 0}, false, ImGuiWindowFlags_NoScrollbar)) {
            Commands t = drawTransportBar(state.transport, ui.transport);
            out.insert(out.end(), t.begin(), t.end());
        }
        ImGui::EndChild();
    }
    ImGui::End();
    return out;
}

} // namespace la::ui
