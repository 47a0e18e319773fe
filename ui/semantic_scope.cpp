#include "ui/semantic_scope.h"

#include <imgui.h>
#include <imgui_internal.h>

#include <algorithm>
#include <utility>

namespace la::ui {
namespace {

SemanticTree* g_current = nullptr; // the UI thread's; views draw on it only
std::vector<SemanticRequest>* g_requests = nullptr;

std::vector<SemanticRequest>::iterator findRequest(const std::string& id, SemanticAction action) {
    return std::find_if(g_requests->begin(), g_requests->end(),
                        [&](const SemanticRequest& r) { return r.id == id && r.action == action; });
}

// A screen reader moved the focus: ImGui's keyboard focus follows, shown and
// scrolled into view, as if the person had tabbed there.
void focusLastItem() {
    ImGuiContext& g = *GImGui;
    ImGui::SetFocusID(g.LastItemData.ID, g.CurrentWindow);
    g.NavDisableHighlight = false;
    g.NavDisableMouseHover = true;
    ImGui::ScrollToItem(ImGuiScrollFlags_KeepVisibleEdgeY);
}

} // namespace

SemanticScope::SemanticScope(SemanticTree* tree, std::vector<SemanticRequest>* requests)
    : previousTree_(g_current), previousRequests_(g_requests) {
    g_current = tree;
    g_requests = requests;
}
SemanticScope::~SemanticScope() {
    g_current = previousTree_;
    g_requests = previousRequests_;
}

SemanticTree* currentSemanticTree() { return g_current; }

int declareLastItem(std::string id, SemanticRole role, std::string name, std::uint32_t actions, std::uint32_t states) {
    if (!g_current) return -1;
    const int index = g_current->add(std::move(id), role, std::move(name));
    SemanticNode& n = g_current->node(index);
    const ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
    n.bounds = {min.x, min.y, max.x - min.x, max.y - min.y};
    n.actions = actions;
    n.states |= states | kFocusable;
    if (GImGui->LastItemData.InFlags & ImGuiItemFlags_Disabled) {
        n.states |= kDisabled;
        n.states &= ~std::uint32_t(kFocusable);
    }
    if ((n.states & kFocusable) && takeRequest(index, kFocus)) focusLastItem();
    if (ImGui::IsItemFocused()) n.states |= kFocused;
    return index;
}

bool takeRequest(int index, SemanticAction action, double* value) {
    if (!g_current || !g_requests || index < 0) return false;
    const SemanticNode& n = g_current->node(index);
    if (n.states & kDisabled) return false;
    auto it = findRequest(n.id, action);
    if (it == g_requests->end()) return false;
    if (value) *value = it->value;
    g_requests->erase(it);
    return true;
}

bool declaredButton(bool pressed, std::string id, SemanticRole role, std::string name, std::uint32_t states) {
    return takeRequest(declareLastItem(std::move(id), role, std::move(name), kPress, states), kPress) || pressed;
}

int declareLastText(std::string id, SemanticRole role, std::string text) {
    const ImVec2 min = ImGui::GetItemRectMin(), max = ImGui::GetItemRectMax();
    return declareText(std::move(id), role, std::move(text), {min.x, min.y, max.x - min.x, max.y - min.y});
}

int declareText(std::string id, SemanticRole role, std::string text, SemanticBounds bounds) {
    if (!g_current) return -1;
    const int index = g_current->add(std::move(id), role, std::move(text));
    g_current->node(index).bounds = bounds;
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
