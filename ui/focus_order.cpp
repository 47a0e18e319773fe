#include "ui/focus_order.h"

#include <algorithm>

namespace la::ui {
namespace {

bool isStop(const SemanticNode& n) { return (n.states & kFocusable) && !(n.states & kDisabled); }

bool isItem(const SemanticNode& n) { return n.role == SemanticRole::ListItem && isStop(n); }

// The one stop a list makes: its focused item, else the current one, else the first.
int listStop(const SemanticTree& tree, const SemanticNode& list) {
    int first = -1, current = -1;
    for (int c : list.children) {
        const SemanticNode& n = tree.node(c);
        if (!isItem(n)) continue;
        if (n.states & kFocused) return c;
        if (first < 0) first = c;
        if (current < 0 && (n.states & kCurrent)) current = c;
    }
    return current >= 0 ? current : first;
}

void collect(const SemanticTree& tree, int index, std::vector<int>& out) {
    const SemanticNode& n = tree.node(index);
    if (n.role == SemanticRole::List) {
        // The item, then what belongs to its row (a chapter's "Read this
        // section"): the controls declared after it, up to the next item.
        const int stop = listStop(tree, n);
        if (stop < 0) return;
        out.push_back(stop);
        auto it = std::find(n.children.begin(), n.children.end(), stop);
        for (++it; it != n.children.end() && tree.node(*it).role != SemanticRole::ListItem; ++it)
            collect(tree, *it, out);
        return;
    }
    if (index != 0 && isStop(n)) out.push_back(index);
    for (int c : n.children) collect(tree, c, out);
}

} // namespace

std::vector<int> tabStops(const SemanticTree& tree) {
    std::vector<int> out;
    if (tree.nodes().empty()) return out;
    const int dialog = openDialog(tree);
    collect(tree, dialog >= 0 ? dialog : 0, out);
    return out;
}

std::string regionOf(const std::string& id) { return id.substr(0, id.find('/')); }

int enclosingList(const SemanticTree& tree, int node) {
    if (node < 0) return -1;
    const int parent = tree.node(node).parent;
    return parent >= 0 && tree.node(parent).role == SemanticRole::List ? parent : -1;
}

std::string listNeighbour(const SemanticTree& tree, int node, int step) {
    const int list = enclosingList(tree, node);
    if (list < 0) return {};
    std::vector<int> items;
    for (int c : tree.node(list).children)
        if (isItem(tree.node(c))) items.push_back(c);
    auto it = std::find(items.begin(), items.end(), node);
    if (it == items.end()) return {};
    const long at = long(it - items.begin()) + step;
    if (at < 0 || at >= long(items.size())) return {};
    return tree.node(items[size_t(at)]).id;
}

int openDialog(const SemanticTree& tree) {
    for (int i = int(tree.nodes().size()) - 1; i >= 0; --i)
        if (tree.node(i).role == SemanticRole::Dialog) return i;
    return -1;
}

std::string focusTarget(const SemanticTree& tree, const std::string& from, FocusMove move) {
    const std::vector<int> stops = tabStops(tree);
    if (stops.empty()) return {};
    const int n = int(stops.size());
    // Where `from` stands among the stops: its own stop, or its list's.
    int at = -1;
    if (int node = from.empty() ? -1 : tree.find(from); node >= 0) {
        auto it = std::find(stops.begin(), stops.end(), node);
        if (it != stops.end()) at = int(it - stops.begin());
        // An item that is not its list's stop (focused from a screen reader
        // while another was current) stands where its list does.
        const int list = enclosingList(tree, node);
        for (int i = 0; i < n && at < 0 && list >= 0; ++i)
            if (tree.node(stops[size_t(i)]).role == SemanticRole::ListItem && enclosingList(tree, stops[size_t(i)]) == list) at = i;
    }
    // A list item scrolled out of view since it had the focus (the
    // transcript following what is heard) stands where its list does.
    if (at < 0 && !from.empty() && from.rfind('/') != std::string::npos) {
        const std::string family = from.substr(0, from.rfind('/') + 1);
        for (int i = 0; i < n && at < 0; ++i) {
            const SemanticNode& s = tree.node(stops[size_t(i)]);
            if (s.role == SemanticRole::ListItem && s.id.rfind(family, 0) == 0) at = i;
        }
    }
    const bool forward = move == FocusMove::Next || move == FocusMove::NextRegion;
    if (at < 0) return tree.node(stops[size_t(forward ? 0 : n - 1)]).id;
    if (move == FocusMove::Next) return tree.node(stops[size_t((at + 1) % n)]).id;
    if (move == FocusMove::Previous) return tree.node(stops[size_t((at + n - 1) % n)]).id;
    // F6: the first stop of the next region; Shift+F6 the first stop of the previous one.
    const std::string here = regionOf(tree.node(stops[size_t(at)]).id);
    auto regionAt = [&](int i) { return regionOf(tree.node(stops[size_t(((i % n) + n) % n)]).id); };
    auto startOfRegion = [&](int i) { // step back to the first stop of i's region
        const std::string r = regionAt(i);
        for (int k = 0; k < n - 1 && regionAt(i - 1) == r; ++k) --i;
        return ((i % n) + n) % n;
    };
    if (forward) {
        for (int k = 1; k < n; ++k)
            if (regionAt(at + k) != here) return tree.node(stops[size_t((at + k) % n)]).id;
        return tree.node(stops[size_t(at)]).id;
    }
    const int start = startOfRegion(at);
    for (int k = 1; k < n; ++k)
        if (regionAt(start - k) != here) return tree.node(stops[size_t(startOfRegion(start - k))]).id;
    return tree.node(stops[size_t(at)]).id;
}

} // namespace la::ui
