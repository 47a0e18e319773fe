#include "ui/semantic_tree.h"

#include <unordered_map>
#include <utility>

namespace la::ui {

void SemanticTree::begin(std::string name) {
    nodes_.clear();
    openStack_.clear();
    SemanticNode root;
    root.id = "frame";
    root.role = SemanticRole::Frame;
    root.name = std::move(name);
    root.states = kShowing;
    nodes_.push_back(std::move(root));
    openStack_.push_back(0);
}

int SemanticTree::add(std::string id, SemanticRole role, std::string name) {
    if (nodes_.empty()) begin("");
    SemanticNode n;
    n.id = std::move(id);
    n.role = role;
    n.name = std::move(name);
    n.parent = openStack_.empty() ? 0 : openStack_.back();
    n.states = kShowing;
    const int index = int(nodes_.size());
    nodes_[size_t(n.parent)].children.push_back(index);
    nodes_.push_back(std::move(n));
    return index;
}

int SemanticTree::open(std::string id, SemanticRole role, std::string name) {
    int index = add(std::move(id), role, std::move(name));
    openStack_.push_back(index);
    return index;
}

void SemanticTree::close() {
    if (openStack_.size() > 1) openStack_.pop_back(); // the root stays open
}

int SemanticTree::find(const std::string& id) const {
    for (size_t i = 0; i < nodes_.size(); ++i)
        if (nodes_[i].id == id) return int(i);
    return -1;
}

int SemanticTree::focused() const {
    for (size_t i = 0; i < nodes_.size(); ++i)
        if (nodes_[i].states & kFocused) return int(i);
    return -1;
}

namespace {

std::vector<std::string> childIds(const SemanticTree& t, const SemanticNode& n) {
    std::vector<std::string> ids;
    ids.reserve(n.children.size());
    for (int c : n.children) ids.push_back(t.node(c).id);
    return ids;
}

} // namespace

std::vector<SemanticChange> diffSemanticTrees(const SemanticTree& before, const SemanticTree& after) {
    using Kind = SemanticChange::Kind;
    std::vector<SemanticChange> out;
    std::unordered_map<std::string, int> old;
    old.reserve(before.nodes().size());
    for (size_t i = 0; i < before.nodes().size(); ++i) old.emplace(before.nodes()[i].id, int(i));

    std::unordered_map<std::string, bool> seen;
    seen.reserve(after.nodes().size());
    for (const SemanticNode& n : after.nodes()) {
        seen.emplace(n.id, true);
        auto it = old.find(n.id);
        if (it == old.end()) {
            out.push_back({Kind::Added, n.id});
            continue;
        }
        const SemanticNode& o = before.node(it->second);
        if (o.name != n.name) out.push_back({Kind::Name, n.id});
        if (o.description != n.description) out.push_back({Kind::Description, n.id});
        if (o.value != n.value) out.push_back({Kind::Value, n.id});
        // Focus is reported on its own (below), so it is not also a state change here.
        if (std::uint32_t flipped = (o.states ^ n.states) & ~std::uint32_t(kFocused))
            out.push_back({Kind::States, n.id, flipped});
        if (o.bounds != n.bounds) out.push_back({Kind::Bounds, n.id});
        if (childIds(before, o) != childIds(after, n)) out.push_back({Kind::Children, n.id});
    }
    for (const SemanticNode& o : before.nodes())
        if (!seen.count(o.id)) out.push_back({Kind::Removed, o.id});

    const int was = before.focused(), now = after.focused();
    const std::string wasId = was >= 0 ? before.node(was).id : "", nowId = now >= 0 ? after.node(now).id : "";
    if (now >= 0 && nowId != wasId) out.push_back({Kind::Focus, nowId});
    return out;
}

} // namespace la::ui
