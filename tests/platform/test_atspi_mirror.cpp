// Issue #13: the mirror keeps one object per element id across frames and
// signals only what changed. Runs on ATK alone (no bridge, no D-Bus): the
// signals are counted where atk-bridge would turn them into AT-SPI events.
#include "player/platform/atspi_mirror.h"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

using namespace la::player;
using namespace la::ui;

namespace {

SemanticTree transport(const std::string& playName, bool withBack, bool focusPlay) {
    SemanticTree t;
    t.begin("ListenAlong");
    t.open("transport", SemanticRole::Panel, "Playback");
    if (withBack) t.add("transport/back", SemanticRole::PushButton, "Back 15 s");
    int play = t.add("transport/play", SemanticRole::PushButton, playName);
    t.node(play).actions = kPress;
    t.node(play).states |= kFocusable | (focusPlay ? kFocused : 0u);
    t.close();
    return t;
}

AtkObject* child(AtkObject* o, int i) {
    AtkObject* c = atk_object_ref_accessible_child(o, i);
    g_object_unref(c); // the parent keeps it
    return c;
}

struct Recorder {
    std::vector<std::string> log;
    static void onChildren(AtkObject*, guint index, gpointer, gpointer self) {
        static_cast<Recorder*>(self)->log.push_back("children " + std::to_string(index));
    }
    static void onState(AtkObject*, gchar* name, gboolean on, gpointer self) {
        static_cast<Recorder*>(self)->log.push_back(std::string(name) + (on ? " on" : " off"));
    }
    static void onProperty(AtkObject*, AtkPropertyValues* v, gpointer self) {
        static_cast<Recorder*>(self)->log.push_back(std::string("property ") + v->property_name);
    }
    void watch(AtkObject* o) {
        g_signal_connect(o, "children-changed", G_CALLBACK(onChildren), this);
        g_signal_connect(o, "state-change", G_CALLBACK(onState), this);
        g_signal_connect(o, "property-change", G_CALLBACK(onProperty), this);
    }
};

} // namespace

TEST_CASE("The application holds the frame, the frame the tree, with ATK roles") {
    AtspiShared shared;
    AtspiMirror mirror("ListenAlong", &shared);
    mirror.update(transport("Play", false, true));
    AtkObject* app = mirror.root();
    CHECK(atk_object_get_role(app) == ATK_ROLE_APPLICATION);
    REQUIRE(atk_object_get_n_accessible_children(app) == 1);
    AtkObject* frame = child(app, 0);
    CHECK(atk_object_get_role(frame) == ATK_ROLE_FRAME);
    AtkObject* play = child(child(frame, 0), 0);
    CHECK(std::string(atk_object_get_name(play)) == "Play");
    CHECK(ATK_IS_ACTION(play));
    CHECK_FALSE(ATK_IS_TEXT(play));
    CHECK(atk_object_get_index_in_parent(play) == 0);
}

TEST_CASE("Only what changed is signalled, on the same objects") {
    AtspiShared shared;
    AtspiMirror mirror("ListenAlong", &shared);
    mirror.update(transport("Play", false, true));
    AtkObject* panel = child(child(mirror.root(), 0), 0);
    AtkObject* play = child(panel, 0);
    Recorder r;
    r.watch(panel);
    r.watch(play);

    mirror.update(transport("Play", false, true));
    CHECK(r.log.empty());

    mirror.update(transport("Pause", false, true));
    CHECK(r.log == std::vector<std::string>{"property accessible-name"});
    r.log.clear();

    mirror.update(transport("Pause", true, false)); // Back appears before Play; Play loses focus
    CHECK(child(panel, 1) == play); // the same object, moved along
    CHECK(r.log == std::vector<std::string>{"children 0", "focused off"});
    r.log.clear();

    g_object_ref(play); // as a screen reader holding it would
    mirror.update(transport("Pause", false, false)); // Back goes again
    CHECK(r.log == std::vector<std::string>{"children 0"});
    mirror.update(SemanticTree{});
    AtkStateSet* states = atk_object_ref_state_set(play);
    CHECK(atk_state_set_contains_state(states, ATK_STATE_DEFUNCT));
    g_object_unref(states);
    g_object_unref(play);
}

TEST_CASE("Screen reader requests are queued for the next frame") {
    AtspiShared shared;
    AtspiMirror mirror("ListenAlong", &shared);
    mirror.update(transport("Play", false, false));
    AtkObject* play = child(child(child(mirror.root(), 0), 0), 0);
    CHECK(atk_action_do_action(ATK_ACTION(play), 0));
    CHECK(atk_component_grab_focus(ATK_COMPONENT(play)));
    CHECK(shared.requests == std::vector<SemanticRequest>{{"transport/play", kPress}, {"transport/play", kFocus}});
}
