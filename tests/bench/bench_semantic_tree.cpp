// Per-frame cost of what a screen reader needs (issue #13): the main view
// drawn with and without building its semantic tree, diffing it against the
// last frame's, and the AT-SPI mirror's update (ATK objects and signals; no
// bus: the bridge is not started), for the episode's transcript and for a
// 10,000-line one. Headless ImGui at 1920x1080, playing at 5x through the
// episode so the transcript follows and the current line moves.
//
//   cmake --build build --target bench_semantic_tree && build/tests/bench/bench_semantic_tree
//
// Prints microseconds per frame and the number of elements in the tree: the
// transcript declares only the lines near its view, so the tree does not grow
// with the transcript.

#include "player/episode_content.h"
#include "player/platform/atspi_mirror.h"
#include "support/headless_imgui.h"
#include "ui/main_view.h"
#include "ui/semantic_scope.h"

#include <imgui.h>

#include <chrono>
#include <cmath>
#include <cstdio>
#include <string>
#include <vector>

using Clock = std::chrono::steady_clock;
using namespace la;

namespace {

double us(Clock::time_point a, Clock::time_point b) { return std::chrono::duration<double, std::micro>(b - a).count(); }

std::vector<transcripts::Cue> manyCues(const std::vector<transcripts::Cue>& seed, size_t n, double& duration) {
    std::vector<transcripts::Cue> out(n);
    for (size_t i = 0; i < n; ++i) {
        out[i] = seed[i % seed.size()];
        out[i].start = double(i) * 3.0;
        out[i].end = out[i].start + 2.9;
        for (auto& w : out[i].words) w.start = out[i].start;
    }
    duration = double(n) * 3.0;
    return out;
}

struct Figures {
    double drawPlain = 0, drawWithTree = 0, diff = 0, mirror = 0;
    size_t nodes = 0, changes = 0;
};

Figures run(player::EpisodeContent& content, double duration, int frames) {
    ui::MainViewUi view;
    player::AtspiShared shared;
    player::AtspiMirror mirror("ListenAlong", &shared);
    ui::SemanticTree previous, tree;
    Figures f;
    for (int i = -20; i < 2 * frames; ++i) {
        const bool withTree = i % 2 != 0; // alternate, so both see the same scrolling
        ui::MainViewState state;
        state.title = "New Cancer Treatments";
        state.transport.duration = duration;
        state.transport.position = std::fmod(double(i + 40) * 0.2 * 1.5, duration);
        state.transport.audioLoaded = true;
        state.transport.playing = true;
        player::fillContentViews(content, state.transport.position, state);
        auto t0 = Clock::now();
        ImGui::NewFrame();
        if (withTree) {
            tree.begin("ListenAlong — Playing");
            ui::SemanticScope scope(&tree);
            ui::drawMainView(state, view);
        } else {
            ui::drawMainView(state, view);
        }
        ImGui::Render();
        auto t1 = Clock::now();
        if (!withTree) {
            if (i >= 0) f.drawPlain += us(t0, t1);
            continue;
        }
        auto d0 = Clock::now();
        auto changes = ui::diffSemanticTrees(previous, tree);
        auto d1 = Clock::now();
        mirror.update(tree);
        auto m1 = Clock::now();
        if (i >= 0) {
            f.drawWithTree += us(t0, t1);
            f.diff += us(d0, d1);
            f.mirror += us(d1, m1);
            f.nodes += tree.nodes().size();
            f.changes += changes.size();
        }
        std::swap(previous, tree);
    }
    f.drawPlain /= frames, f.drawWithTree /= frames, f.diff /= frames, f.mirror /= frames;
    f.nodes /= size_t(frames), f.changes /= size_t(frames);
    return f;
}

} // namespace

int main() {
    test::HeadlessImGui imgui({1920, 1080});

    player::EpisodeContent content =
        player::loadEpisodeContent(std::string(LA_SOURCE_DIR) + "/assets/episode/episode.ogg", {});
    const std::vector<transcripts::Cue> episodeCues = content.transcript.cues;
    std::printf("%-10s %7s %9s %12s %12s %9s %9s %8s\n", "transcript", "cues", "elements", "draw us", "draw+tree us",
                "diff us", "mirror us", "changes");
    for (size_t n : {episodeCues.size(), size_t(10000)}) {
        double duration = 421;
        if (n != episodeCues.size()) content.transcript.cues = manyCues(episodeCues, n, duration);
        else content.transcript.cues = episodeCues;
        player::buildPaneModels(content);
        Figures f = run(content, duration, 500);
        std::printf("%-10s %7zu %9zu %12.1f %12.1f %9.1f %9.1f %8zu\n", n == episodeCues.size() ? "episode" : "synthetic",
                    n, f.nodes, f.drawPlain, f.drawWithTree, f.diff, f.mirror, f.changes);
    }
    return 0;
}
