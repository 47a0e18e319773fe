// The transcript pane, headless (ImGui's example_null set-up): the highlighted
// cue follows playback, a tap on a cue seeks to its start, scrolling pauses
// follow mode and "Back to now" resumes it, the layout cache is rebuilt only
// when the width changes, search counts and steps through matches.

#include "support/headless_imgui.h"
#include "ui/semantic_scope.h"
#include "ui/transcript_pane.h"

#include <catch2/catch.hpp>
#include <imgui.h>

#include <string>
#include <vector>

using namespace la;
using namespace la::ui;

namespace {

constexpr int kEnterKey = 13; // our io.KeyMap slots in these tests
constexpr int kEscapeKey = 27;
constexpr int kCKey = 67;

struct Headless : test::HeadlessImGui {
    explicit Headless(ImVec2 size = {1000, 700}) : HeadlessImGui(size) {
        ImGuiIO& io = ImGui::GetIO();
        io.KeyMap[ImGuiKey_Enter] = kEnterKey;
        io.KeyMap[ImGuiKey_Escape] = kEscapeKey;
        io.KeyMap[ImGuiKey_C] = kCKey;
    }

    Commands frame(const TranscriptVM& vm, TranscriptPaneState& st) {
        ImGui::NewFrame();
        ImGui::SetNextWindowPos({0, 0});
        ImGui::SetNextWindowSize(ImGui::GetIO().DisplaySize);
        ImGui::Begin("test", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoSavedSettings);
        Commands c = drawTranscriptPane(vm, st);
        ImGui::End();
        ImGui::Render();
        ImGui::GetIO().MouseWheel = 0;
        return c;
    }
    Commands frames(int n, const TranscriptVM& vm, TranscriptPaneState& st) {
        Commands all;
        for (int i = 0; i < n; ++i) {
            Commands c = frame(vm, st);
            all.insert(all.end(), c.begin(), c.end());
        }
        return all;
    }
    /// Press and release the mouse at `at` (two frames each, like a real tap).
    Commands click(ImVec2 at, const TranscriptVM& vm, TranscriptPaneState& st) {
        ImGuiIO& io = ImGui::GetIO();
        io.MousePos = at;
        Commands all = frames(1, vm, st);
        io.MouseDown[0] = true;
        Commands c = frames(1, vm, st);
        all.insert(all.end(), c.begin(), c.end());
        io.MouseDown[0] = false;
        c = frames(2, vm, st);
        all.insert(all.end(), c.begin(), c.end());
        return all;
    }
};

ImVec2 centre(ImVec2 a, ImVec2 b) { return {(a.x + b.x) * 0.5f, (a.y + b.y) * 0.5f}; }

std::vector<transcripts::Cue> makeCues(size_t n) {
    std::vector<transcripts::Cue> cues;
    for (size_t i = 0; i < n; ++i) {
        transcripts::Cue c;
        c.start = double(i) * 2.0;
        c.end = c.start + 1.8;
        c.speaker = i % 2 ? "Nurse" : "Host";
        c.text = "Line " + std::to_string(i) + (i % 7 == 0 ? " talks about the immune system, which protects the body from "
                                                             "infections, in a sentence long enough to wrap."
                                                           : " is short.");
        if (i % 5 == 0) c.text += " Immune cells again.";
        cues.push_back(c);
    }
    return cues;
}

// Is cue `i` drawn, and wholly inside the list's visible rectangle?
bool visibleInList(const TranscriptPaneState& st, size_t i) {
    for (const auto& r : st.hit.rows) {
        if (r.cue == i) return r.min.y >= st.hit.listMin.y - 1 && r.max.y <= st.hit.listMax.y + 1;
    }
    return false;
}

TranscriptVM at(const std::vector<transcripts::Cue>& cues, double t) {
    TranscriptVM vm;
    vm.cues = &cues;
    vm.position = t;
    vm.currentCue = size_t(t / 2.0);
    return vm;
}

std::optional<double> firstSeek(const Commands& cs) {
    for (const Command& c : cs) {
        if (auto* s = std::get_if<SeekTo>(&c)) return s->seconds;
    }
    return std::nullopt;
}

} // namespace

TEST_CASE("visibleCueRange finds the cues overlapping the view by binary search") {
    std::vector<float> top{0, 10, 30, 35, 60}; // four cues, 60 px in all
    CHECK(visibleCueRange(top, 0, 10) == std::pair<size_t, size_t>{0, 1});
    CHECK(visibleCueRange(top, 5, 10) == std::pair<size_t, size_t>{0, 2});
    CHECK(visibleCueRange(top, 31, 100) == std::pair<size_t, size_t>{2, 4});
    CHECK(visibleCueRange(top, 59, 10) == std::pair<size_t, size_t>{3, 4});
    CHECK(visibleCueRange({0}, 0, 100) == std::pair<size_t, size_t>{0, 0});
}

TEST_CASE("The highlighted cue follows playback and stays in view") {
    Headless ui;
    auto cues = makeCues(300);
    TranscriptPaneState st;
    for (double t : {0.5, 41.0, 150.3, 420.9, 598.0, 10.0}) {
        TranscriptVM vm = at(cues, t);
        ui.frames(3, vm, st);
        INFO("t = " << t);
        CHECK(st.follow);
        CHECK(visibleInList(st, *vm.currentCue));
        // Only what is visible (plus one row either side) is drawn.
        CHECK(st.hit.rows.size() < 40);
    }
}

TEST_CASE("A tap on a cue seeks to its start and keeps following") {
    Headless ui;
    auto cues = makeCues(100);
    TranscriptPaneState st;
    TranscriptVM vm = at(cues, 20.0);
    ui.frames(3, vm, st);
    REQUIRE(st.hit.rows.size() > 4);
    auto row = st.hit.rows[st.hit.rows.size() / 2];
    Commands c = ui.click(centre(row.min, row.max), vm, st);
    REQUIRE(firstSeek(c));
    CHECK(*firstSeek(c) == cues[row.cue].start);
    CHECK(st.follow);
}

TEST_CASE("Scrolling pauses follow mode; Back to now resumes it") {
    Headless ui;
    auto cues = makeCues(300);
    TranscriptPaneState st;
    TranscriptVM vm = at(cues, 100.0);
    ui.frames(3, vm, st);
    REQUIRE(st.follow);
    CHECK(st.hit.backToNowMax.x == 0); // no button while following

    SECTION("mouse wheel") {
        ImGui::GetIO().MousePos = centre(st.hit.listMin, st.hit.listMax);
        ImGui::GetIO().MouseWheel = -10;
        ui.frames(3, vm, st);
    }
    SECTION("dragging the list with a finger, which is not a tap") {
        ImGuiIO& io = ImGui::GetIO();
        ImVec2 p{centre(st.hit.listMin, st.hit.listMax).x, st.hit.listMin.y + 10};
        io.MousePos = p;
        ui.frames(1, vm, st);
        io.MouseDown[0] = true;
        ui.frames(1, vm, st);
        Commands all;
        const float step = (st.hit.listMax.y - st.hit.listMin.y - 20) / 10;
        for (int i = 1; i <= 10; ++i) { // drag the list down by its whole height
            io.MousePos = {p.x, p.y + step * float(i)};
            Commands c = ui.frames(1, vm, st);
            all.insert(all.end(), c.begin(), c.end());
        }
        io.MouseDown[0] = false;
        Commands c = ui.frames(2, vm, st);
        all.insert(all.end(), c.begin(), c.end());
        CHECK_FALSE(firstSeek(all));
    }
    CHECK_FALSE(st.follow);
    CHECK_FALSE(visibleInList(st, 50)); // scrolled away from the cue being heard
    // Playback moves on; the pane stays where the user put it.
    TranscriptVM later = at(cues, 104.0);
    ui.frames(3, later, st);
    CHECK_FALSE(visibleInList(st, 52));
    REQUIRE(st.hit.backToNowMax.x > 0);
    CHECK(st.hit.backToNowMax.y - st.hit.backToNowMin.y >= 48); // a finger-sized target

    Commands c = ui.click(centre(st.hit.backToNowMin, st.hit.backToNowMax), later, st);
    CHECK_FALSE(firstSeek(c)); // only the view moves, not playback
    ui.frames(2, later, st);
    CHECK(st.follow);
    CHECK(visibleInList(st, 52));
}

TEST_CASE("The layout cache is rebuilt only when the width or font size changes") {
    Headless ui;
    auto cues = makeCues(500);
    TranscriptPaneState st;
    for (double t = 0; t < 40; t += 0.5) ui.frames(1, at(cues, t), st);
    CHECK(st.layout.rebuilds == 1);
    ImGui::GetIO().DisplaySize = {700, 700};
    ui.frames(3, at(cues, 40), st);
    CHECK(st.layout.rebuilds == 2);
    st.lineSpacing = 1.8f;
    ui.frames(3, at(cues, 40), st);
    CHECK(st.layout.rebuilds == 3);
    // Wrapped rows: a long cue is taller than a short one.
    CHECK(st.layout.top[1] - st.layout.top[0] > st.layout.top[2] - st.layout.top[1]);
}

TEST_CASE("Search counts matching cues, steps with Next/Previous and Enter seeks") {
    Headless ui;
    auto cues = makeCues(100);
    TranscriptPaneState st;
    TranscriptVM vm = at(cues, 0.5);
    ui.frames(2, vm, st);
    st.search.query = "IMMUNE"; // as if typed; matching ignores case
    ui.frames(3, vm, st);
    // Cues 0, 5, 7, 10, 14, 15, 20, ... contain "immune".
    std::vector<size_t> expected;
    for (size_t i = 0; i < cues.size(); ++i) {
        if (i % 7 == 0 || i % 5 == 0) expected.push_back(i);
    }
    REQUIRE(st.search.result.cues == expected);
    CHECK(st.search.current == 0);
    CHECK(st.selected == 0u);

    ui.click(centre(st.hit.nextMin, st.hit.nextMax), vm, st);
    ui.click(centre(st.hit.nextMin, st.hit.nextMax), vm, st);
    CHECK(st.search.current == 2);
    CHECK(st.selected == expected[2]);
    CHECK_FALSE(st.follow);
    ui.frames(2, vm, st);
    CHECK(visibleInList(st, expected[2]));

    ui.click(centre(st.hit.previousMin, st.hit.previousMax), vm, st);
    ui.click(centre(st.hit.previousMin, st.hit.previousMax), vm, st);
    ui.click(centre(st.hit.previousMin, st.hit.previousMax), vm, st); // wraps to the last
    CHECK(st.search.current == expected.size() - 1);
    ui.frames(2, vm, st);
    CHECK(visibleInList(st, expected.back()));

    // Enter in the box plays the found line.
    st.search.focusBox = true;
    ui.frames(4, vm, st);
    CHECK(ImGui::GetIO().WantTextInput); // global shortcuts stand aside while typing
    ImGui::GetIO().KeysDown[kEnterKey] = true;
    Commands c = ui.frames(1, vm, st);
    ImGui::GetIO().KeysDown[kEnterKey] = false;
    ui.frames(1, vm, st);
    REQUIRE(firstSeek(c));
    CHECK(*firstSeek(c) == cues[expected.back()].start);

    st.search.query = "no such words";
    ui.frames(2, vm, st);
    CHECK(st.search.result.cues.empty());
}

TEST_CASE("Copy line puts the current cue with its time on the clipboard") {
    Headless ui;
    auto cues = makeCues(20);
    TranscriptPaneState st;
    TranscriptVM vm = at(cues, 7.0); // cue 3
    ui.frames(2, vm, st);
    Commands c = ui.click(centre(st.hit.copyMin, st.hit.copyMax), vm, st);
    REQUIRE(c.size() == 1);
    const auto* copy = std::get_if<CopyText>(&c[0]);
    REQUIRE(copy);
    CHECK(copy->text == "[0:06] Nurse: Line 3 is short.");
}

TEST_CASE("Keys: Ctrl+C copies the line, Escape goes back to now") {
    Headless ui;
    auto cues = makeCues(300);
    TranscriptPaneState st;
    TranscriptVM vm = at(cues, 100.0);
    ui.frames(3, vm, st);
    ImGuiIO& io = ImGui::GetIO();
    io.KeyCtrl = true;
    io.KeysDown[kCKey] = true;
    Commands c = ui.frames(1, vm, st);
    io.KeyCtrl = false;
    io.KeysDown[kCKey] = false;
    REQUIRE(c.size() == 1);
    CHECK(std::get<CopyText>(c[0]).text == cueClipboardText(cues[50]));

    io.MousePos = centre(st.hit.listMin, st.hit.listMax);
    io.MouseWheel = -10;
    ui.frames(3, vm, st);
    REQUIRE_FALSE(st.follow);
    io.KeysDown[kEscapeKey] = true;
    ui.frames(1, vm, st);
    io.KeysDown[kEscapeKey] = false;
    ui.frames(2, vm, st);
    CHECK(st.follow);
    CHECK(visibleInList(st, 50));
}

TEST_CASE("No transcript: the pane says so and returns nothing") {
    Headless ui;
    TranscriptPaneState st;
    TranscriptVM vm;
    vm.unavailableMessage = "The transcript could not be read.";
    CHECK(ui.frames(3, vm, st).empty());
    CHECK(st.hit.rows.empty());
}

TEST_CASE("Each new line comes to the upper third, with the next line in view below it") {
    Headless ui;
    auto cues = makeCues(120);
    TranscriptPaneState st;
    for (double t = 1.0; t < 200; t += 2.0) {
        TranscriptVM vm = at(cues, t);
        ui.frames(2, vm, st);
        const size_t cur = *vm.currentCue;
        INFO("t = " << t);
        const float listH = st.hit.listMax.y - st.hit.listMin.y;
        bool placed = false, nextShown = false;
        for (const auto& r : st.hit.rows) {
            if (r.cue == cur) placed = r.min.y >= st.hit.listMin.y - 1 && r.min.y <= st.hit.listMin.y + listH / 3;
            if (r.cue == cur + 1) nextShown = r.min.y + 40 <= st.hit.listMax.y; // at least its header line
        }
        CHECK(placed);
        CHECK(nextShown);
    }
}

TEST_CASE("A seek brings the line being heard back into view, even when scrolled away and paused") {
    Headless ui;
    auto cues = makeCues(300);
    TranscriptPaneState st;
    TranscriptVM vm = at(cues, 100.0);
    ui.frames(3, vm, st);
    ImGui::GetIO().MousePos = centre(st.hit.listMin, st.hit.listMax);
    ImGui::GetIO().MouseWheel = -20;
    ui.frames(3, vm, st);
    REQUIRE_FALSE(st.follow);
    REQUIRE_FALSE(visibleInList(st, 50));
    TranscriptVM back = at(cues, 85.0); // "Back 15 s" while paused
    back.seekCount = vm.seekCount + 1;
    ui.frames(2, back, st);
    CHECK(st.follow);
    CHECK(visibleInList(st, 42));
}

TEST_CASE("A tap on a line seeks there without moving the line under the finger") {
    Headless ui;
    auto cues = makeCues(100);
    TranscriptPaneState st;
    TranscriptVM vm = at(cues, 20.0);
    ui.frames(3, vm, st);
    auto row = st.hit.rows[st.hit.rows.size() - 3];
    ImGuiIO& io = ImGui::GetIO();
    io.MousePos = centre(row.min, row.max);
    ui.frames(1, vm, st);
    io.MouseDown[0] = true;
    ui.frames(1, vm, st);
    io.MouseDown[0] = false;
    Commands c = ui.frames(1, vm, st); // released: the seek is applied before the next frame
    REQUIRE(firstSeek(c));
    TranscriptVM after = at(cues, *firstSeek(c));
    after.seekCount = vm.seekCount + 1;
    ui.frames(3, after, st);
    for (const auto& r : st.hit.rows)
        if (r.cue == row.cue) CHECK(r.min.y == Approx(row.min.y));
}

TEST_CASE("In a cue taller than the view the word being heard stays in view") {
    Headless ui({900, 360});
    std::vector<transcripts::Cue> cues(1);
    cues[0].start = 0, cues[0].end = 400, cues[0].speaker = "Nurse";
    for (int w = 0; w < 400; ++w) {
        std::string word = "word" + std::to_string(w);
        cues[0].text += (w ? " " : "") + word;
        cues[0].words.push_back({double(w), word});
    }
    TranscriptPaneState st;
    for (double t = 0.5; t < 400; t += 7.0) {
        TranscriptVM vm;
        vm.cues = &cues, vm.position = t, vm.currentCue = 0;
        ui.frames(2, vm, st);
        INFO("t = " << t);
        REQUIRE(st.hit.wordMax.y > 0);
        CHECK(st.hit.wordMin.y >= st.hit.listMin.y - 2);
        CHECK(st.hit.wordMax.y <= st.hit.listMax.y + 2);
    }
}

TEST_CASE("The transcript is a list for a screen reader: lines near the view, their words, which one is being heard") {
    Headless ui;
    std::vector<transcripts::Cue> cues = makeCues(10000);
    TranscriptPaneState st;
    const double t = 2 * 5000 + 0.5; // line 5000 is being heard
    ui.frames(3, at(cues, t), st);
    SemanticTree tree;
    tree.begin("ListenAlong");
    {
        SemanticScope scope(&tree);
        ui.frame(at(cues, t), st);
    }
    const int list = tree.find("transcript");
    REQUIRE(list >= 0);
    CHECK(tree.node(list).role == SemanticRole::List);
    const auto& items = tree.node(list).children;
    // Only what is near the view: not 10,000 objects a frame.
    CHECK(items.size() > 3);
    CHECK(items.size() < 40);
    const int heard = tree.find("transcript/cue/5000");
    REQUIRE(heard >= 0);
    const SemanticNode& n = tree.node(heard);
    CHECK(n.role == SemanticRole::ListItem);
    CHECK(n.name == cues[5000].text);
    CHECK(n.description == "2:46:40, Host");
    CHECK(n.states & kCurrent);
    CHECK(n.states & kShowing);
    CHECK(n.actions & kPress);
    int current = 0, hidden = 0;
    for (int i : items) {
        current += (tree.node(i).states & kCurrent) != 0;
        hidden += (tree.node(i).states & kShowing) == 0;
    }
    CHECK(current == 1);
    CHECK(hidden >= 1); // the extra line past the edge, for keyboard steps, is not on screen
}

TEST_CASE("Search for a screen reader: the number of matches is said once, Next match is a button it can press") {
    Headless ui;
    auto cues = makeCues(100);
    TranscriptPaneState st;
    TranscriptVM vm = at(cues, 0.5);
    st.search.open = true;
    st.search.query = "IMMUNE";
    ui.frames(2, vm, st);
    SemanticTree tree;
    auto described = [&](std::vector<SemanticRequest> requests) {
        tree.begin("ListenAlong");
        SemanticScope scope(&tree, &requests);
        ui.frame(vm, st);
    };
    described({});
    const size_t count = st.search.result.cues.size();
    REQUIRE(count > 1);
    const int said = tree.find("announcement/search/" + std::to_string(count) + " matches");
    REQUIRE(said >= 0);
    CHECK(tree.node(said).role == SemanticRole::Notification);
    REQUIRE(tree.find("search/next") >= 0);
    CHECK(st.search.current == 0);
    described({{"search/next", kPress}});
    CHECK(st.search.current == 1);
    // Another query, another count: a new announcement (a new id).
    st.search.query = "no such words";
    ui.frames(2, vm, st);
    described({});
    CHECK(tree.find("announcement/search/No matches") >= 0);
}
