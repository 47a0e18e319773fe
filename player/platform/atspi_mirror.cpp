#include "player/platform/atspi_mirror.h"

#include "player/platform/atspi_roles.h"
#include "player/platform/atspi_text_range.h"

#include <algorithm>
#include <unordered_set>

namespace la::player {
namespace {

using Kind = ui::SemanticChange::Kind;

// The element as the object keeps it: indexes into one frame's tree mean
// nothing in the next.
void copyInto(AtspiNodeData& d, const ui::SemanticNode& n) {
    d.node = n;
    d.node.parent = -1;
    d.node.children.clear();
    // A text field's text is what was typed in it; other elements' is their name.
    const bool field = n.role == ui::SemanticRole::TextField;
    if (d.interfaces & kAtspiText) d.text = decodeUtf8(field ? (n.value ? n.value->text : std::string()) : n.name);
}

void setParent(AtkObject* child, AtkObject* parent) { atk_object_set_parent(child, parent); }

// FOCUSED for a (possibly gone) element; the legacy focus tracker is what
// makes the bridge send "focus:", which older clients still follow.
void notifyFocus(AtkObject* o, bool on) {
    atk_object_notify_state_change(o, ATK_STATE_FOCUSED, on);
    if (!on) return;
    G_GNUC_BEGIN_IGNORE_DEPRECATIONS
    atk_focus_tracker_notify(o);
    G_GNUC_END_IGNORE_DEPRECATIONS
}

} // namespace

AtspiMirror::AtspiMirror(const std::string& appName, AtspiShared* shared)
    : shared_(shared), app_(newAtspiObject(0, shared)) {
    atspiData(app_)->application = true;
    atk_object_set_role(app_, ATK_ROLE_APPLICATION);
    atk_object_set_name(app_, appName.c_str());
}

AtspiMirror::~AtspiMirror() {
    // Children hold their parent (accessible_parent) and parents their
    // children: break each pair so both can go.
    for (auto& [id, o] : objects_) setParent(o, nullptr);
    for (auto& [id, o] : objects_) {
        for (AtkObject* c : atspiData(o)->children) g_object_unref(c);
        atspiData(o)->children.clear();
    }
    for (AtkObject* c : atspiData(app_)->children) g_object_unref(c);
    atspiData(app_)->children.clear();
    for (auto& [id, o] : objects_) g_object_unref(o);
    g_object_unref(app_);
}

AtkObject* AtspiMirror::objectOf(const std::string& id) const {
    auto it = objects_.find(id);
    return it == objects_.end() ? nullptr : it->second;
}

void AtspiMirror::update(const ui::SemanticTree& tree) {
    createOrRebuild(tree);
    signalChanges(tree);
    for (const ui::SemanticNode& n : tree.nodes()) {
        std::vector<AtkObject*> wanted;
        wanted.reserve(n.children.size());
        for (int c : n.children) wanted.push_back(objectOf(tree.node(c).id));
        syncChildren(objectOf(n.id), wanted);
    }
    frameId_ = tree.nodes().empty() ? "" : tree.node(0).id;
    syncChildren(app_, frameId_.empty() ? std::vector<AtkObject*>{} : std::vector<AtkObject*>{objectOf(frameId_)});
    announceNew(tree);
    moveFocus(tree);
    dropRemoved(tree);
    previous_ = tree;
    fresh_.clear();
    if (activationPending_) sendActivation();
}

// An element seen for the first time gets an object; one whose role or
// interfaces changed gets a new one (an object's type is fixed), which
// syncChildren then swaps in where the old one was.
void AtspiMirror::createOrRebuild(const ui::SemanticTree& tree) {
    for (const ui::SemanticNode& n : tree.nodes()) {
        const unsigned interfaces = atspiInterfacesOf(n);
        auto it = objects_.find(n.id);
        if (it != objects_.end()) {
            const AtspiNodeData* d = atspiData(it->second);
            if (d->interfaces == interfaces && d->node.role == n.role) continue;
            atspiData(it->second)->defunct = true;
            atk_object_notify_state_change(it->second, ATK_STATE_DEFUNCT, TRUE);
            g_object_unref(it->second); // its parent still holds it until syncChildren
            objects_.erase(it);
        }
        AtkObject* o = newAtspiObject(interfaces, shared_);
        copyInto(*atspiData(o), n);
        atk_object_set_role(o, atkRoleOf(n.role));
        atk_object_set_name(o, n.name.c_str());
        atk_object_set_description(o, n.description.c_str());
        objects_.emplace(n.id, o);
        fresh_.emplace(n.id, true);
    }
}

// For elements already known: the new copy first (a client re-reading on the
// signal must see it), then one signal per difference.
void AtspiMirror::signalChanges(const ui::SemanticTree& tree) {
    std::unordered_map<std::string, std::uint32_t> flipped;
    std::unordered_set<std::string> renamed, redescribed, revalued, moved;
    for (const ui::SemanticChange& c : diffSemanticTrees(previous_, tree)) {
        if (c.kind == Kind::Name) renamed.insert(c.id);
        if (c.kind == Kind::Description) redescribed.insert(c.id);
        if (c.kind == Kind::Value) revalued.insert(c.id);
        if (c.kind == Kind::States) flipped[c.id] = c.statesChanged;
        if (c.kind == Kind::Bounds) moved.insert(c.id);
    }
    for (const ui::SemanticNode& n : tree.nodes()) {
        if (fresh_.count(n.id)) continue;
        AtkObject* o = objectOf(n.id);
        AtspiNodeData& d = *atspiData(o);
        const gint oldLength = gint(d.text.size());
        copyInto(d, n);
        // Words that changed (a line renamed, a text field typed into: its
        // text is its value): the old text out, the new in, as GTK signals it.
        const bool field = n.role == ui::SemanticRole::TextField;
        if ((d.interfaces & kAtspiText) && (field ? revalued.count(n.id) : renamed.count(n.id))) {
            if (oldLength > 0) g_signal_emit_by_name(o, "text-changed::delete", 0, oldLength);
            if (!d.text.empty()) g_signal_emit_by_name(o, "text-changed::insert", 0, gint(d.text.size()));
        }
        if (moved.count(n.id) && (d.interfaces & kAtspiComponent)) {
            AtkRectangle r{};
            atk_component_get_extents(ATK_COMPONENT(o), &r.x, &r.y, &r.width, &r.height, ATK_XY_SCREEN);
            g_signal_emit_by_name(o, "bounds-changed", &r);
        }
        if (renamed.count(n.id)) atk_object_set_name(o, n.name.c_str()); // -> property-change:accessible-name
        if (redescribed.count(n.id)) atk_object_set_description(o, n.description.c_str());
        if (revalued.count(n.id)) g_object_notify(G_OBJECT(o), "accessible-value"); // as GTK's ranges do
        auto f = flipped.find(n.id);
        if (f == flipped.end()) continue;
        AtkStateSet* now = atk_object_ref_state_set(o);
        for (AtkStateType s : atkStatesOfFlags(n.role, f->second))
            atk_object_notify_state_change(o, s, atk_state_set_contains_state(now, s));
        g_object_unref(now);
    }
}

// Turns `parent`'s children into `wanted` one step at a time, signalling each
// step with the index it has at that moment, so a client that replays the
// signals on its cached list ends with the same list.
void AtspiMirror::syncChildren(AtkObject* parent, const std::vector<AtkObject*>& wanted) {
    std::vector<AtkObject*>& have = atspiData(parent)->children;
    if (have == wanted) return;
    for (size_t i = have.size(); i-- > 0;) {
        if (std::find(wanted.begin(), wanted.end(), have[i]) != wanted.end()) continue;
        AtkObject* gone = have[i];
        have.erase(have.begin() + long(i));
        g_signal_emit_by_name(parent, "children-changed::remove", guint(i), gone);
        if (gone->accessible_parent == parent) setParent(gone, nullptr);
        g_object_unref(gone);
    }
    for (size_t i = 0; i < wanted.size(); ++i) {
        if (i < have.size() && have[i] == wanted[i]) continue;
        auto moved = std::find(have.begin() + long(i), have.end(), wanted[i]);
        if (moved != have.end()) { // reordered: out from its old place first
            const guint from = guint(moved - have.begin());
            have.erase(moved);
            g_signal_emit_by_name(parent, "children-changed::remove", from, wanted[i]);
        } else {
            g_object_ref(wanted[i]);
        }
        have.insert(have.begin() + long(i), wanted[i]);
        setParent(wanted[i], parent);
        g_signal_emit_by_name(parent, "children-changed::add", guint(i), wanted[i]);
    }
}

// A notification that has just appeared says it is showing: that is what
// makes Orca speak it (as it speaks the desktop's notifications), once, without
// moving the focus.
void AtspiMirror::announceNew(const ui::SemanticTree& tree) {
    for (const ui::SemanticNode& n : tree.nodes())
        if (n.role == ui::SemanticRole::Notification && fresh_.count(n.id))
            atk_object_notify_state_change(objectOf(n.id), ATK_STATE_SHOWING, TRUE);
}

void AtspiMirror::moveFocus(const ui::SemanticTree& tree) {
    const int f = tree.focused();
    const std::string now = f >= 0 ? tree.node(f).id : "";
    if (now == focusedId_) return;
    if (AtkObject* was = objectOf(focusedId_)) notifyFocus(was, false);
    if (AtkObject* is = objectOf(now)) notifyFocus(is, true);
    focusedId_ = now;
}

// Objects whose element left the tree: DEFUNCT for any client still holding
// one, then our reference goes (their parent's went in syncChildren).
void AtspiMirror::dropRemoved(const ui::SemanticTree& tree) {
    std::unordered_set<std::string> ids;
    for (const ui::SemanticNode& n : tree.nodes()) ids.insert(n.id);
    for (auto it = objects_.begin(); it != objects_.end();) {
        if (ids.count(it->first)) {
            ++it;
            continue;
        }
        AtkObject* o = it->second;
        AtspiNodeData* d = atspiData(o);
        d->defunct = true;
        atk_object_notify_state_change(o, ATK_STATE_DEFUNCT, TRUE);
        for (AtkObject* c : d->children) {
            if (c->accessible_parent == o) setParent(c, nullptr);
            g_object_unref(c);
        }
        d->children.clear();
        if (o->accessible_parent) setParent(o, nullptr); // a removed parent must not be kept alive by it
        g_object_unref(o);
        it = objects_.erase(it);
    }
}

void AtspiMirror::windowActivated() {
    activationPending_ = true;
    if (objectOf(frameId_)) sendActivation();
}

void AtspiMirror::sendActivation() {
    activationPending_ = false;
    AtkObject* frame = objectOf(frameId_);
    shared_->windowActive = true;
    g_signal_emit_by_name(frame, "activate");
    atk_object_notify_state_change(frame, ATK_STATE_ACTIVE, TRUE);
    if (AtkObject* focused = objectOf(focusedId_)) notifyFocus(focused, true);
}

} // namespace la::player
