#include "player/platform/atspi_object.h"

#include "player/platform/atspi_interfaces.h"
#include "player/platform/atspi_roles.h"

#include <algorithm>
#include <array>
#include <string>

namespace la::player {
namespace {

// The instance: an AtkObject and a pointer to its C++ data (GObject instances
// are C structs, so the data is allocated beside them).
struct LaAtspiObject {
    AtkObject parent;
    AtspiNodeData* data;
};

GType baseType();
gpointer g_baseParentClass = nullptr;

void instanceInit(GTypeInstance* instance, gpointer) {
    reinterpret_cast<LaAtspiObject*>(instance)->data = new AtspiNodeData;
}

void finalize(GObject* object) {
    AtspiNodeData* data = reinterpret_cast<LaAtspiObject*>(object)->data;
    for (AtkObject* child : data->children) g_object_unref(child);
    delete data;
    G_OBJECT_CLASS(g_baseParentClass)->finalize(object);
}

gint nChildren(AtkObject* o) { return gint(atspiData(o)->children.size()); }

AtkObject* refChild(AtkObject* o, gint i) {
    const auto& children = atspiData(o)->children;
    if (i < 0 || size_t(i) >= children.size()) return nullptr;
    return ATK_OBJECT(g_object_ref(children[size_t(i)]));
}

gint indexInParent(AtkObject* o) {
    AtspiNodeData* parent = atspiData(o->accessible_parent);
    if (!parent) return -1;
    auto it = std::find(parent->children.begin(), parent->children.end(), o);
    return it == parent->children.end() ? -1 : gint(it - parent->children.begin());
}

AtkStateSet* refStateSet(AtkObject* o) {
    AtkStateSet* set = ATK_OBJECT_CLASS(g_baseParentClass)->ref_state_set(o);
    const AtspiNodeData* d = atspiData(o);
    if (d->defunct) {
        atk_state_set_add_state(set, ATK_STATE_DEFUNCT);
        return set;
    }
    if (d->application) return set;
    addAtkStates(set, d->node.role, d->node.states);
    if (d->node.role == ui::SemanticRole::Frame && d->shared->windowActive) atk_state_set_add_state(set, ATK_STATE_ACTIVE);
    return set;
}

AtkAttributeSet* attributes(AtkObject* o) {
    const AtspiNodeData* d = atspiData(o);
    if (!(d->node.states & ui::kCurrent)) return nullptr;
    // ATK has no "current" state: browsers expose aria-current this way.
    auto* a = static_cast<AtkAttribute*>(g_malloc(sizeof(AtkAttribute)));
    a->name = g_strdup("current");
    a->value = g_strdup("true");
    return g_slist_append(nullptr, a);
}

void classInit(gpointer klass, gpointer) {
    g_baseParentClass = g_type_class_peek_parent(klass);
    G_OBJECT_CLASS(klass)->finalize = finalize;
    AtkObjectClass* atk = ATK_OBJECT_CLASS(klass);
    atk->get_n_children = nChildren;
    atk->ref_child = refChild;
    atk->get_index_in_parent = indexInParent;
    atk->ref_state_set = refStateSet;
    atk->get_attributes = attributes;
}

GType baseType() {
    static GType type = [] {
        GTypeInfo info{};
        info.class_size = sizeof(AtkObjectClass);
        info.class_init = classInit;
        info.instance_size = sizeof(LaAtspiObject);
        info.instance_init = instanceInit;
        return g_type_register_static(ATK_TYPE_OBJECT, "LaAtspiObject", &info, GTypeFlags(0));
    }();
    return type;
}

struct InterfaceInit {
    AtspiInterface flag;
    GType (*type)();
    GInterfaceInitFunc init;
};

const std::array<InterfaceInit, 5> kInterfaces{{
    {kAtspiComponent, atk_component_get_type, initAtspiComponent},
    {kAtspiAction, atk_action_get_type, initAtspiAction},
    {kAtspiValue, atk_value_get_type, initAtspiValue},
    {kAtspiText, atk_text_get_type, initAtspiText},
    {kAtspiWindow, atk_window_get_type, initAtspiWindow},
}};

// A subtype of the base with just these interfaces, registered on first use.
GType typeWith(unsigned interfaces) {
    static std::array<GType, 1u << kInterfaces.size()> types{};
    GType& type = types.at(interfaces);
    if (type) return type;
    GTypeInfo info{};
    info.class_size = sizeof(AtkObjectClass);
    info.instance_size = sizeof(LaAtspiObject);
    const std::string name = "LaAtspiObject" + std::to_string(interfaces);
    type = g_type_register_static(baseType(), name.c_str(), &info, GTypeFlags(0));
    for (const InterfaceInit& i : kInterfaces) {
        if (!(interfaces & i.flag)) continue;
        GInterfaceInfo iface{i.init, nullptr, nullptr};
        g_type_add_interface_static(type, i.type(), &iface);
    }
    return type;
}

bool hasText(ui::SemanticRole role) {
    return role == ui::SemanticRole::Paragraph || role == ui::SemanticRole::ListItem || role == ui::SemanticRole::Heading ||
           role == ui::SemanticRole::TextField;
}

} // namespace

unsigned atspiInterfacesOf(const ui::SemanticNode& node) {
    unsigned out = kAtspiComponent;
    if (node.actions & (ui::kPress | ui::kIncrement | ui::kDecrement)) out |= kAtspiAction;
    if (node.value && node.role != ui::SemanticRole::TextField) out |= kAtspiValue; // a field's value is its text
    if (hasText(node.role)) out |= kAtspiText;
    if (node.role == ui::SemanticRole::Frame) out |= kAtspiWindow;
    return out;
}

AtkObject* newAtspiObject(unsigned interfaces, AtspiShared* shared) {
    AtkObject* o = ATK_OBJECT(g_object_new(typeWith(interfaces), nullptr));
    atk_object_initialize(o, nullptr);
    AtspiNodeData* d = atspiData(o);
    d->interfaces = interfaces;
    d->shared = shared;
    return o;
}

AtspiNodeData* atspiData(AtkObject* object) {
    if (!object || !G_TYPE_CHECK_INSTANCE_TYPE(object, baseType())) return nullptr;
    return reinterpret_cast<LaAtspiObject*>(object)->data;
}

} // namespace la::player
