#include "ui/semantic_scope.h"

#include "ui/focus_outline.h"

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
// `quietly`: without showing the outline (a dialog opened under the mouse
// takes the focus for a screen reader, not to show a ring).
void focusLastItem(bool quietly) {
    ImGuiContext& g = *GImGui;

    // Tab out of the search box: it stops taking the keys.
    if (g.ActiveId != 0 && g.ActiveId != g.LastItemData.ID) ImGui::ClearActiveID();
    ImGui::SetFocusID(g.LastItemData.ID, g.CurrentWindow);
    // A popup opening asks ImGui for its own first focus (its first item),
    // applied next frame: this one wins instead.
    g.NavInitRequest = false;
    g.NavInitResultId = 0;
    if (!quietly) showKeyboardFocus();
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
    if (double quietly = 0; (n.states & kFocusable) && takeRequest(index, kFocus, &quietly)) {
        focusLastItem(quietly != 0);
        // An element declared earlier this frame had it: not any more.
        for (int i = 0; i < index; ++i) g_current->node(i).states &= ~std::uint32_t(kFocused);
    }
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

std::optional<std::size_t> takeListFocusRequest(int list, std::size_t count) {
    double which = 0;
    if (count == 0 || !takeRequest(list, kFocus, &which)) return std::nullopt;
    return which < 0 ? count - 1 : std::min(std::size_t(which), count - 1);
}

bool hasRequest(const std::string& id, SemanticAction action) {
    return g_requests && findRequest(id, action) != g_requests->end();
}

void requestFocus(std::string id) {
    if (g_requests) g_requests->push_back({std::move(id), kFocus, 0});
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
