#include "ui/semantic_scope.h"

#include <imgui.h>
#include <imgui_internal.h>

#include <utility>

namespace la::ui {
namespace {

SemanticTree* g_current = nullptr; // the UI thread's; views draw on it only

} // namespace

SemanticScope::SemanticScope(SemanticTree* tree) : previous_(g_current) { g_current = tree; }
SemanticScope::~SemanticScope() { g_current = previous_; }

SemanticTree* currentSemanticTree() { return g_current; }

int declareLastItem(std::string id, SemanticRole role, std::string name, std::uint32_t actions, std::uint32_t states) {
    if (!g_current) return -1;
    const int index = g_current->add(std::move(id), role, std::move(name));
    SemanticNode& n = g_current->node(index);
    const ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
    n.bounds = {min.x, min.y, max.x - min.x, max.y - min.y};
    n.actions = actions;
    n.states |= states | kFocusable;
    if (ImGui::IsItemFocused()) n.states |= kFocused;
    if (GImGui->LastItemData.InFlags & ImGuiItemFlags_Disabled) {
        n.states |= kDisabled;
        n.states &= ~std::uint32_t(kFocusable);
    }
    return index;
}

int declareLastText(std::string id, SemanticRole role, std::string text) {
    if (!g_current) return -1;
    const int index = g_current->add(std::move(id), role, std::move(text));
    const ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
    g_current->node(index).bounds = {min.x, min.y, max.x - min.x, max.y - min.y};
    return index;
}

int declareOpen(std::string id, SemanticRole role, std::string name) {
    if (!g_current) return -1;
    const int index = g_current->open(std::move(id), role, std::move(name));
    const ImVec2 min = ImGui::GetWindowPos(), size = ImGui::GetWindowSize();
    g_current->node(index).bounds = {min.x, min.y, size.x, size.y};
    return index;
}

void declareClose() {
    if (g_current) g_current->close();
}

void declareValue(int index, SemanticValue value) {
    if (g_current && index >= 0) g_current->node(index).value = std::move(value);
}

} // namespace la::ui
