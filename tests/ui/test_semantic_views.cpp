// Issue #13: the kiosk's dialogs and the text-size and colour controls are in
// the semantic tree with roles, names, values and states, and a screen
// reader's requests for them give the commands a person's taps give.
#include "support/headless_imgui.h"
#include "ui/display_bar.h"
#include "ui/keyboard_help.h"
#include "ui/kiosk_overlays.h"
#include "ui/semantic_scope.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <functional>
#include <variant>

using namespace la;
using namespace la::ui;

namespace {

/// Draws one frame with `draw` while `tree` is current and `requests` pending.
Commands frame(SemanticTree& tree, std::vector<SemanticRequest> requests, const std::function<Commands()>& draw) {
    ImGui::NewFrame();
    tree.begin("ListenAlong");
    SemanticScope scope(&tree, &requests);
    Commands out = draw();
    ImGui::Render();
    return out;
}

template <class T> const T* find(const Commands& commands) {
    for (const Command& c : commands)
        if (const T* t = std::get_if<T>(&c)) return t;
    return nullptr;
}

const SemanticNode* node(const SemanticTree& t, const std::string& id) {
    int i = t.find(id);
    return i < 0 ? nullptr : &t.node(i);
}

/// The display bar with More settings open, drawn into a semantic tree.
struct MoreSettings {
    test::HeadlessImGui imgui;
    SemanticTree tree;
    DisplayBarState state;
    DisplayBarUi ui;
    explicit MoreSettings(ImVec2 display) : imgui(display) { ui.showMore = true; }
    Commands draw(std::vector<SemanticRequest> requests = {}) {
        return frame(tree, std::move(requests), [this] { return drawDisplayBar(state, ui, false); });
    }
};

} // namespace

TEST_CASE("The kiosk's countdown is a dialog a screen reader can answer") {
    test::HeadlessImGui imgui;
    SemanticTree tree;
    auto draw = [] { return drawStillListeningOverlay({8}, nullptr); };
    Commands none = frame(tree, {}, draw);
    CHECK(none.empty());
    const SemanticNode* dialog = node(tree, "kiosk/still listening");
    REQUIRE(dialog);
    CHECK(dialog->role == SemanticRole::Dialog);
    CHECK(dialog->name == "Still listening?");
    REQUIRE(node(tree, "kiosk/still listening/text"));
    CHECK(node(tree, "kiosk/still listening/text")->name.find("in 8 seconds") != std::string::npos);
    const SemanticNode* yes = node(tree, "kiosk/still here");
    REQUIRE(yes);
    CHECK(yes->parent == tree.find("kiosk/still listening"));
    Commands answered = frame(tree, {{"kiosk/still here", kPress}}, draw);
    CHECK(find<KioskDismissCountdown>(answered));
}

TEST_CASE("The PIN pad's keys are buttons, and locked keys are disabled and refuse a screen reader's press") {
    test::HeadlessImGui imgui;
    SemanticTree tree;
    PinPadVM vm;
    Commands out = frame(tree, {{"kiosk/pin/5", kPress}}, [&] { return drawPinPad(vm, nullptr); });
    REQUIRE(node(tree, "kiosk/pin"));
    CHECK(node(tree, "kiosk/pin")->role == SemanticRole::Dialog);
    for (const char* id : {"kiosk/pin/0", "kiosk/pin/9", "kiosk/pin/clear", "kiosk/pin/ok", "kiosk/pin/cancel"})
        CHECK(node(tree, id));
    REQUIRE(find<PinDigit>(out));
    CHECK(find<PinDigit>(out)->digit == 5);
    CHECK(node(tree, "kiosk/pin/ok")->states & kDisabled); // nothing typed yet

    vm.cooldownSecondsLeft = 30;
    out = frame(tree, {{"kiosk/pin/5", kPress}}, [&] { return drawPinPad(vm, nullptr); });
    CHECK(node(tree, "kiosk/pin/5")->states & kDisabled);
    CHECK_FALSE(find<PinDigit>(out));
}

TEST_CASE("Text size and colours: the chosen colours are checked, the size is said, line spacing is a slider") {
    test::HeadlessImGui imgui({1920, 1080});
    SemanticTree tree;
    DisplayBarState s;
    s.theme = ThemeId::Dark;
    s.textScale = 1.5;
    DisplayBarUi ui;
    ui.showMore = true;
    auto draw = [&] { return drawDisplayBar(s, ui, false); };
    frame(tree, {}, draw);
    REQUIRE(node(tree, "display/theme/Dark"));
    CHECK(node(tree, "display/theme/Dark")->role == SemanticRole::ToggleButton);
    CHECK(node(tree, "display/theme/Dark")->states & kChecked);
    CHECK_FALSE(node(tree, "display/theme/Light")->states & kChecked);
    REQUIRE(node(tree, "display/bigger"));
    CHECK(node(tree, "display/bigger")->name == "Bigger text, now Text 150 %");
    CHECK(node(tree, "display/more")->states & kExpanded);
    const SemanticNode* spacing = node(tree, "display/line spacing");
    REQUIRE(spacing);
    REQUIRE(spacing->value);
    CHECK(spacing->value->text == "1.5");

    Commands out = frame(tree, {{"display/theme/High contrast", kPress}, {"display/line spacing", kSetValue, 1.73}}, draw);
    REQUIRE(find<SetTheme>(out));
    CHECK(find<SetTheme>(out)->theme == ThemeId::HighContrast);
    REQUIRE(find<SetLineSpacing>(out));
    CHECK(find<SetLineSpacing>(out)->spacing == Approx(1.7));
}

TEST_CASE("Speak controls (issue #14) is a toggle under More settings: off by default, pressing it asks for the other state") {
    MoreSettings bar({1280, 800});
    DisplayBarState& s = bar.state;
    SemanticTree& tree = bar.tree;
    bar.draw();
    const SemanticNode* speak = node(tree, "display/speak controls");
    REQUIRE(speak);
    CHECK(speak->role == SemanticRole::ToggleButton);
    CHECK(speak->name == "Speak controls");
    CHECK_FALSE(speak->states & kChecked);
    Commands out = bar.draw({{"display/speak controls", kPress}});
    REQUIRE(find<SetSpeech>(out));
    CHECK(find<SetSpeech>(out)->on);
    s.speakControls = true;
    bar.draw();
    CHECK(node(tree, "display/speak controls")->states & kChecked);
    out = bar.draw({{"display/speak controls", kPress}});
    REQUIRE(find<SetSpeech>(out));
    CHECK_FALSE(find<SetSpeech>(out)->on);
    // Folded away with the rest of More settings.
    bar.ui.showMore = false;
    bar.draw();
    CHECK_FALSE(node(tree, "display/speak controls"));
}

TEST_CASE("Sleep timer (issue #15): choice buttons under More settings, the current one checked, its time left as text") {
    test::HeadlessImGui imgui({1280, 800});
    SemanticTree tree;
    DisplayBarState s;
    s.sleepChoices = {{SleepMode::Off, 0, "Off"},           {SleepMode::Minutes, 15, "15 minutes"},
                      {SleepMode::Minutes, 30, "30 minutes"}, {SleepMode::Minutes, 120, "120 minutes"},
                      {SleepMode::EndOfChapter, 0, "End of chapter"}};
    DisplayBarUi ui;
    ui.showMore = true;
    auto draw = [&] { return drawDisplayBar(s, ui, false); };
    frame(tree, {}, draw);
    for (const auto& c : s.sleepChoices) {
        const SemanticNode* b = node(tree, "display/sleep/" + c.label);
        REQUIRE(b);
        CHECK(b->role == SemanticRole::ToggleButton);
        CHECK(b->name == "Sleep timer: " + c.label);
        CHECK(bool(b->states & kChecked) == (c.mode == SleepMode::Off));
    }
    CHECK_FALSE(node(tree, "display/sleep/extend")); // nothing to extend while off
    CHECK_FALSE(node(tree, "display/sleep/status"));
    Commands out = frame(tree, {{"display/sleep/30 minutes", kPress}}, draw);
    REQUIRE(find<SetSleepTimer>(out));
    CHECK(find<SetSleepTimer>(out)->mode == SleepMode::Minutes);
    CHECK(find<SetSleepTimer>(out)->minutes == 30);
    out = frame(tree, {{"display/sleep/End of chapter", kPress}}, draw);
    REQUIRE(find<SetSleepTimer>(out));
    CHECK(find<SetSleepTimer>(out)->mode == SleepMode::EndOfChapter);

    // Running: the chosen one checked (only it), "+5 min", and the time left for a screen reader.
    s.sleepMode = SleepMode::Minutes;
    s.sleepMinutes = 30;
    s.sleepText = "Sleep in 29:59";
    frame(tree, {}, draw);
    CHECK(node(tree, "display/sleep/30 minutes")->states & kChecked);
    CHECK_FALSE(node(tree, "display/sleep/15 minutes")->states & kChecked);
    CHECK_FALSE(node(tree, "display/sleep/Off")->states & kChecked);
    REQUIRE(node(tree, "display/sleep/status"));
    CHECK(node(tree, "display/sleep/status")->name == "Sleep in 29:59");
    REQUIRE(node(tree, "display/sleep/extend"));
    CHECK(node(tree, "display/sleep/extend")->role == SemanticRole::PushButton);
    out = frame(tree, {{"display/sleep/extend", kPress}}, draw);
    CHECK(find<ExtendSleepTimer>(out));
    out = frame(tree, {{"display/sleep/Off", kPress}}, draw);
    REQUIRE(find<SetSleepTimer>(out));
    CHECK(find<SetSleepTimer>(out)->mode == SleepMode::Off);
    // Folded away with the rest of More settings.
    ui.showMore = false;
    frame(tree, {}, draw);
    CHECK_FALSE(node(tree, "display/sleep/Off"));
}

TEST_CASE("The keyboard sheet lists every shortcut as text, in a dialog a screen reader can close") {
    test::HeadlessImGui imgui({800, 480});
    SemanticTree tree;
    bool open = true;
    frame(tree, {}, [&] {
        drawKeyboardHelp(open);
        return Commands{};
    });
    REQUIRE(node(tree, "keyboard help"));
    CHECK(node(tree, "keyboard help")->role == SemanticRole::Dialog);
    std::vector<std::string> lines;
    for (const SemanticNode& n : tree.nodes())
        if (n.role == SemanticRole::Paragraph) lines.push_back(n.name);
    CHECK(lines.size() >= 12);
    CHECK(std::find(lines.begin(), lines.end(), "Space: play or pause") != lines.end());
    CHECK(std::find(lines.begin(), lines.end(), "? or F1: this sheet") != lines.end());
    CHECK(open);
    frame(tree, {{"keyboard help/close", kPress}}, [&] {
        drawKeyboardHelp(open);
        return Commands{};
    });
    CHECK_FALSE(open);
    frame(tree, {}, [&] {
        drawKeyboardHelp(open);
        return Commands{};
    });
    CHECK(tree.find("keyboard help") < 0); // closed: gone from the screen and the tree
}

// Issue #15: Even loudness, Voice boost and Shorten pauses are toggles under
// More settings -> Listening, named for screen readers, their state in the
// label and the tree; pressing one asks for the other state.
TEST_CASE("Even loudness (on), Voice boost and Shorten pauses (off) are toggles under More settings, each asking for the other state") {
    MoreSettings bar({800, 480});
    DisplayBarState& s = bar.state;
    SemanticTree& tree = bar.tree;
    bar.draw();
    const SemanticNode* even = node(tree, "display/even loudness");
    const SemanticNode* boost = node(tree, "display/voice boost");
    REQUIRE(even);
    REQUIRE(boost);
    CHECK(even->role == SemanticRole::ToggleButton);
    CHECK(even->name == "Even loudness");
    CHECK(even->states & kChecked); // on by default
    CHECK(boost->name == "Voice boost");
    CHECK_FALSE(boost->states & kChecked);

    Commands out = bar.draw({{"display/even loudness", kPress}});
    REQUIRE(find<SetEvenLoudness>(out));
    CHECK_FALSE(find<SetEvenLoudness>(out)->on);
    out = bar.draw({{"display/voice boost", kPress}});
    REQUIRE(find<SetVoiceBoost>(out));
    CHECK(find<SetVoiceBoost>(out)->on);

    s.evenLoudness = false;
    s.voiceBoost = true;
    bar.draw();
    CHECK_FALSE(node(tree, "display/even loudness")->states & kChecked);
    CHECK(node(tree, "display/voice boost")->states & kChecked);
    out = bar.draw({{"display/voice boost", kPress}});
    REQUIRE(find<SetVoiceBoost>(out));
    CHECK_FALSE(find<SetVoiceBoost>(out)->on);

    // Shorten pauses: off by default; once it has saved time, the time is shown and read out.
    CHECK_FALSE(node(tree, "display/shorten pauses")->states & kChecked);
    CHECK_FALSE(node(tree, "display/time saved"));
    out = bar.draw({{"display/shorten pauses", kPress}});
    REQUIRE(find<SetShortenPauses>(out));
    CHECK(find<SetShortenPauses>(out)->on);
    s.shortenPauses = true;
    s.savedSeconds = 72.4;
    bar.draw();
    CHECK(node(tree, "display/shorten pauses")->states & kChecked);
    REQUIRE(node(tree, "display/time saved"));
    CHECK(node(tree, "display/time saved")->name == "Time saved: 1 minute 12 seconds");

    bar.ui.showMore = false; // folded away with the rest of More settings
    bar.draw();
    CHECK_FALSE(node(tree, "display/even loudness"));
}
