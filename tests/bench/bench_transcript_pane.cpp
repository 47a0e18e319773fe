// Per-frame CPU cost of the transcript pane with 100 and 10,000 cues, in a
// headless ImGui context (example_null set-up: font atlas, DisplaySize,
// DeltaTime, NewFrame/Render; nothing is rasterised).
//
// Build and run, with CMake once tests/CMakeLists.txt has add_subdirectory(bench):
//   cmake --build build --target bench_transcript_pane && build/tests/bench/bench_transcript_pane
// or by hand against an existing build tree:
//   g++ -std=c++20 -O2 -I. -I/usr/include/imgui tests/bench/bench_transcript_pane.cpp \
//       build/ui/libla_ui.a build/transcripts/libla_transcripts.a -limgui -lstb -lfreetype -o /tmp/bench \
//     && /tmp/bench
//
// Measured 2026-11-26 (2 shared cores, RelWithDebInfo libraries), microseconds per frame:
//   follow: 100 cues ~80, 10,000 cues ~58; scroll: ~65 / ~75; relayout (width change
//   every frame, not a real case): ~110 / ~8,300. Cost is independent of the cue count
//   except when the height cache is rebuilt (window resize, text size or spacing change).
//
// Scenarios, each timed over many frames after a warm-up:
//   follow  - playing: the position advances every frame, follow mode scrolls
//   scroll  - the user has scrolled: the view jumps around the whole list
//   relayout - the width changes every frame: the height cache is rebuilt (worst case,
//              happens only on window resize or text-size change)
// The frame time includes ImGui's own NewFrame/Render; "pane" is drawTranscriptPane alone.

#include "ui/transcript_pane.h"

#include <imgui.h>

#include <chrono>
#include <cmath>
#include <cstdio>
#include <string>
#include <vector>

using la::transcripts::Cue;
using Clock = std::chrono::steady_clock;

namespace {

std::vector<Cue> makeCues(size_t n) {
    static const char* words[] = {"immune", "system", "cells", "the", "body", "treatment", "cancer", "and",
                                  "doctor", "may", "help", "every", "week", "with", "some", "people"};
    std::vector<Cue> cues(n);
    unsigned seed = 7;
    for (size_t i = 0; i < n; ++i) {
        Cue& c = cues[i];
        c.start = double(i) * 3.0;
        c.end = c.start + 2.8;
        c.speaker = i % 2 ? "Nurse" : "Host";
        size_t count = 4 + (seed = seed * 1103515245u + 12345u) % 40; // 4..43 words: 1-4 lines
        for (size_t w = 0; w < count; ++w) {
            if (w) c.text += ' ';
            c.text += words[(seed >> 8) % 16];
            seed = seed * 1103515245u + 12345u;
            c.words.push_back({c.start + 0.05 * double(w), words[(seed >> 8) % 16]});
        }
    }
    return cues;
}

struct Result {
    double frameUs = 0, paneUs = 0;
};

template <class Setup>
Result run(const std::vector<Cue>& cues, int frames, Setup&& perFrame) {
    la::ui::TranscriptPaneState st;
    la::ui::TranscriptVM vm;
    vm.cues = &cues;
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = {1280, 800};
    double frameTotal = 0, paneTotal = 0;
    for (int f = -10; f < frames; ++f) { // 10 warm-up frames, not counted
        perFrame(f, vm, st);
        auto t0 = Clock::now();
        ImGui::NewFrame();
        ImGui::SetNextWindowPos({0, 0});
        ImGui::SetNextWindowSize(io.DisplaySize);
        ImGui::Begin("bench", nullptr, ImGuiWindowFlags_NoDecoration);
        auto p0 = Clock::now();
        la::ui::Commands c = la::ui::drawTranscriptPane(vm, st);
        auto p1 = Clock::now();
        ImGui::End();
        ImGui::Render();
        auto t1 = Clock::now();
        if (f >= 0) {
            frameTotal += std::chrono::duration<double, std::micro>(t1 - t0).count();
            paneTotal += std::chrono::duration<double, std::micro>(p1 - p0).count();
        }
    }
    return {frameTotal / frames, paneTotal / frames};
}

} // namespace

int main() {
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.DeltaTime = 1.0f / 60.0f;
    unsigned char* px;
    int w, h;
    io.Fonts->GetTexDataAsRGBA32(&px, &w, &h);

    std::printf("%-8s %8s %14s %14s\n", "scenario", "cues", "frame us/frame", "pane us/frame");
    for (size_t n : {size_t(100), size_t(10000)}) {
        std::vector<Cue> cues = makeCues(n);
        const double span = cues.back().end;
        Result follow = run(cues, 2000, [&](int f, la::ui::TranscriptVM& vm, la::ui::TranscriptPaneState&) {
            vm.position = std::fmod(double(f + 10) * 0.2, span); // 5x speed through the episode
            vm.currentCue = size_t(vm.position / 3.0);
        });
        Result scroll = run(cues, 2000, [&](int f, la::ui::TranscriptVM& vm, la::ui::TranscriptPaneState& st) {
            vm.position = 10;
            vm.currentCue = 3;
            st.follow = false;
            st.scrollToCue = size_t(f + 10) * 7919 % n; // jump around the list
        });
        Result relayout = run(cues, n > 1000 ? 20 : 200, [&](int f, la::ui::TranscriptVM& vm, la::ui::TranscriptPaneState&) {
            vm.position = 10;
            vm.currentCue = 3;
            ImGui::GetIO().DisplaySize = {float(900 + (f + 10) % 2 * 300), 800};
        });
        std::printf("%-8s %8zu %14.1f %14.1f\n", "follow", n, follow.frameUs, follow.paneUs);
        std::printf("%-8s %8zu %14.1f %14.1f\n", "scroll", n, scroll.frameUs, scroll.paneUs);
        std::printf("%-8s %8zu %14.1f %14.1f\n", "relayout", n, relayout.frameUs, relayout.paneUs);
    }
    ImGui::DestroyContext();
    return 0;
}
