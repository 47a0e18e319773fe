#include "player/platform/atspi_interfaces.h"

#include "player/platform/atspi_object.h"
#include "player/platform/atspi_text_range.h"

#include <atk/atk.h>

#include <array>

namespace la::player {
namespace {

AtspiNodeData& dataOf(gpointer object) { return *atspiData(ATK_OBJECT(object)); }

// A request is applied by the app in its next frame; TRUE tells the screen
// reader it was taken, as GTK does for actions it runs later.
gboolean queue(gpointer object, ui::SemanticAction action, double value = 0) {
    AtspiNodeData& d = dataOf(object);
    if (d.defunct) return FALSE;
    d.shared->requests.push_back({d.node.id, action, value});
    return TRUE;
}

// --- AtkComponent: where the element is, and focus / scroll requests -------

void getExtents(AtkComponent* c, gint* x, gint* y, gint* w, gint* h, AtkCoordType coords) {
    const AtspiNodeData& d = dataOf(c);
    const ui::SemanticBounds& b = d.node.bounds;
    float left = b.x, top = b.y;
    if (coords == ATK_XY_SCREEN) {
        left += float(d.shared->windowX);
        top += float(d.shared->windowY);
    } else if (coords == ATK_XY_PARENT) {
        if (const AtspiNodeData* p = atspiData(ATK_OBJECT(c)->accessible_parent); p && !p->application) {
            left -= p->node.bounds.x;
            top -= p->node.bounds.y;
        }
    }
    if (x) *x = gint(left);
    if (y) *y = gint(top);
    if (w) *w = gint(b.width);
    if (h) *h = gint(b.height);
}

gboolean grabFocus(AtkComponent* c) {
    if (!(dataOf(c).node.states & ui::kFocusable)) return FALSE;
    return queue(c, ui::kFocus);
}

gboolean scrollTo(AtkComponent* c, AtkScrollType) {
    if (!(dataOf(c).node.actions & ui::kScrollIntoView)) return FALSE;
    return queue(c, ui::kScrollIntoView);
}

// --- AtkAction: press, increment, decrement ---------------------------------

struct ActionName {
    ui::SemanticAction action;
    const char* name; ///< "click" is what GTK names a button's press, and what Orca looks for
    const char* description;
};
constexpr std::array<ActionName, 3> kActions{{
    {ui::kPress, "click", "Press"},
    {ui::kIncrement, "increment", "Increase the value"},
    {ui::kDecrement, "decrement", "Decrease the value"},
}};

// The i-th action this element offers, in kActions' order; null past the last.
const ActionName* nthAction(AtkAction* a, gint i) {
    const std::uint32_t offered = dataOf(a).node.actions;
    for (const ActionName& n : kActions)
        if ((offered & n.action) && i-- == 0) return &n;
    return nullptr;
}

gint nActions(AtkAction* a) {
    gint n = 0;
    while (nthAction(a, n)) ++n;
    return n;
}
const gchar* actionName(AtkAction* a, gint i) {
    const ActionName* n = nthAction(a, i);
    return n ? n->name : nullptr;
}
const gchar* actionDescription(AtkAction* a, gint i) {
    const ActionName* n = nthAction(a, i);
    return n ? n->description : nullptr;
}
const gchar* noKeybinding(AtkAction*, gint) { return nullptr; }
gboolean doAction(AtkAction* a, gint i) {
    const ActionName* n = nthAction(a, i);
    return n ? queue(a, n->action) : FALSE;
}

// --- AtkValue: the numbers, the text a listener hears, and setting it --------

ui::SemanticValue valueOf(gpointer v) { return dataOf(v).node.value.value_or(ui::SemanticValue{}); }

void putDouble(GValue* out, double d) {
    g_value_init(out, G_TYPE_DOUBLE);
    g_value_set_double(out, d);
}
void currentValue(AtkValue* v, GValue* out) { putDouble(out, valueOf(v).current); }
void minimumValue(AtkValue* v, GValue* out) { putDouble(out, valueOf(v).min); }
void maximumValue(AtkValue* v, GValue* out) { putDouble(out, valueOf(v).max); }
void minimumIncrement(AtkValue* v, GValue* out) { putDouble(out, valueOf(v).step); }

gboolean setValue(gpointer v, double to) {
    if (!(dataOf(v).node.actions & ui::kSetValue)) return FALSE;
    return queue(v, ui::kSetValue, to);
}
gboolean setCurrentValue(AtkValue* v, const GValue* to) {
    GValue d = G_VALUE_INIT;
    g_value_init(&d, G_TYPE_DOUBLE);
    const bool converted = g_value_transform(to, &d);
    const gboolean queued = converted && setValue(v, g_value_get_double(&d));
    g_value_unset(&d);
    return queued;
}
void setValueNew(AtkValue* v, gdouble to) { setValue(v, to); }

void valueAndText(AtkValue* v, gdouble* current, gchar** text) {
    const ui::SemanticValue value = valueOf(v);
    if (current) *current = value.current;
    if (text) *text = value.text.empty() ? nullptr : g_strdup(value.text.c_str());
}
AtkRange* range(AtkValue* v) {
    const ui::SemanticValue value = valueOf(v);
    return atk_range_new(value.min, value.max, value.text.empty() ? nullptr : value.text.c_str());
}
gdouble increment(AtkValue* v) { return valueOf(v).step; }

// --- AtkText: the name as read-only text -----------------------------------

const std::u32string& textOf(gpointer t) { return dataOf(t).text; }

gchar* text(AtkText* t, gint start, gint end) {
    const std::u32string& s = textOf(t);
    if (end < 0) end = gint(s.size());
    return g_strdup(substringUtf8(s, start, end).c_str());
}
gint characterCount(AtkText* t) { return gint(textOf(t).size()); }
gint caretOffset(AtkText*) { return 0; }
gunichar characterAt(AtkText* t, gint offset) {
    const std::u32string& s = textOf(t);
    return offset >= 0 && size_t(offset) < s.size() ? gunichar(s[size_t(offset)]) : 0;
}

gchar* rangeText(AtkText* t, gint offset, TextUnit unit, gint* start, gint* end) {
    const TextRange r = textRangeAt(textOf(t), offset, unit);
    if (start) *start = r.start;
    if (end) *end = r.end;
    return g_strdup(substringUtf8(textOf(t), r.start, r.end).c_str());
}

TextUnit unitOfBoundary(AtkTextBoundary b) {
    switch (b) {
    case ATK_TEXT_BOUNDARY_CHAR: return TextUnit::Char;
    case ATK_TEXT_BOUNDARY_WORD_START: return TextUnit::WordStart;
    case ATK_TEXT_BOUNDARY_WORD_END: return TextUnit::WordEnd;
    case ATK_TEXT_BOUNDARY_LINE_START: return TextUnit::LineStart;
    case ATK_TEXT_BOUNDARY_LINE_END: return TextUnit::LineEnd;
    default: return TextUnit::Whole;
    }
}
TextUnit unitOfGranularity(AtkTextGranularity g) {
    switch (g) {
    case ATK_TEXT_GRANULARITY_CHAR: return TextUnit::Char;
    case ATK_TEXT_GRANULARITY_WORD: return TextUnit::WordStart;
    case ATK_TEXT_GRANULARITY_LINE: return TextUnit::LineStart;
    default: return TextUnit::Whole;
    }
}

gchar* textAtOffset(AtkText* t, gint offset, AtkTextBoundary b, gint* start, gint* end) {
    return rangeText(t, offset, unitOfBoundary(b), start, end);
}
gchar* stringAtOffset(AtkText* t, gint offset, AtkTextGranularity g, gint* start, gint* end) {
    return rangeText(t, offset, unitOfGranularity(g), start, end);
}

} // namespace

void initAtspiComponent(gpointer iface, gpointer) {
    auto* i = static_cast<AtkComponentIface*>(iface);
    i->get_extents = getExtents;
    i->grab_focus = grabFocus;
    i->scroll_to = scrollTo;
}

void initAtspiAction(gpointer iface, gpointer) {
    auto* i = static_cast<AtkActionIface*>(iface);
    i->get_n_actions = nActions;
    i->get_name = actionName;
    i->get_description = actionDescription;
    i->get_keybinding = noKeybinding;
    i->do_action = doAction;
}

void initAtspiValue(gpointer iface, gpointer) {
    auto* i = static_cast<AtkValueIface*>(iface);
    // The calls deprecated since ATK 2.12 are still what older clients (and
    // parts of the bridge) use, so both sets answer.
    i->get_current_value = currentValue;
    i->get_minimum_value = minimumValue;
    i->get_maximum_value = maximumValue;
    i->get_minimum_increment = minimumIncrement;
    i->set_current_value = setCurrentValue;
    i->get_value_and_text = valueAndText;
    i->get_range = range;
    i->get_increment = increment;
    i->set_value = setValueNew;
}

void initAtspiText(gpointer iface, gpointer) {
    auto* i = static_cast<AtkTextIface*>(iface);
    i->get_text = text;
    i->get_character_count = characterCount;
    i->get_caret_offset = caretOffset;
    i->get_character_at_offset = characterAt;
    i->get_text_at_offset = textAtOffset;
    i->get_string_at_offset = stringAtOffset;
}

void initAtspiWindow(gpointer, gpointer) {} // its activate/deactivate signals are all a frame needs

} // namespace la::player
