// Per-frame CPU cost of the panes with very long content, in a headless ImGui
// context (nothing is rasterised): a 10 MB single-word cue, 100,000 chapters,
// a 20,000-character article paragraph. Each is drawn for many frames after
// the first (which lays the text out once); "first" is that first frame.
//
//   cmake --build build --target bench_long_text && build/tests/bench/bench_long_text

#include "transcripts/article.h"
#include "ui/article_pane.h"
#include "ui/chapters_pane.h"
#include "ui/transcript_pane.h"

#include <imgui.h>

#include <chrono>
#include <cstdio>
#include <functional>
#include <string>
#include <vector>

using Clock = std::chrono::steady_clock;

namespace {

double ms(Clock::time_point a, Clock::time_point b) { return std::chrono::duration<double, std::milli>(b - a).count(); }

void frame(const std::function<void()>& draw) {
    ImGui::NewFrame();
    ImGui::SetNextWindowPos({0, 0});
    ImGui::SetNextWindowSize(ImGui::GetIO().DisplaySize);
    ImGui::Begin("bench", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoSavedSettings);
    draw();
    ImGui::End();
    ImGui::Render();
}

void run(const char* name, int frames, const std::function<void()>& draw) {
    auto t0 = Clock::now();
    frame(draw);
    auto t1 = Clock::now();
    for (int i = 0; i < frames; ++i) frame(draw);
    auto t2 = Clock::now();
    std::printf("%-34s first frame %8.2f ms   then %7.3f ms per frame\n", name, ms(t0, t1), ms(t1, t2) / frames);
}

} // namespace

int main() {
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = nullptr;
    io.DisplaySize = {1280, 800};
    io.DeltaTime = 1.0f / 60.0f;
    unsigned char* pixels = nullptr;
    int w = 0, h = 0;
    io.Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);

    std::vector<la::transcripts::Cue> cues(1);
    cues[0].start = 0, cues[0].end = 100, cues[0].speaker = "Host", cues[0].text = std::string(10000000, 'x');
    la::ui::TranscriptPaneState ts;
    la::ui::TranscriptVM tvm;
    tvm.cues = &cues, tvm.position = 50, tvm.currentCue = 0;
    run("10 MB single-word cue", 30, [&] { la::ui::drawTranscriptPane(tvm, ts); });

    std::vector<la::ui::ChapterRow> rows;
    for (size_t i = 0; i < 100000; ++i) rows.push_back({i, double(i), "Chapter " + std::to_string(i), "#s" + std::to_string(i)});
    la::ui::ChaptersPaneState cs;
    la::ui::ChaptersVM cvm;
    cvm.rows = &rows, cvm.currentChapter = 50000;
    run("100,000 chapters", 30, [&] { la::ui::drawChaptersPane(cvm, cs); });

    std::string para;
    while (para.size() < 20000) para += "immunotherapy helps the body fight cancer ";
    la::transcripts::Article article = la::transcripts::parseArticle("# T\n\n## S\n\n" + para + "\n", "article.md");
    la::ui::ArticlePaneState as;
    la::ui::ArticleVM avm;
    avm.article = &article;
    run("20,000-character paragraph", 30, [&] { la::ui::drawArticlePane(avm, as); });
    ImGui::DestroyContext();
}
