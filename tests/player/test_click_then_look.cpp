// Click, then look: a control never moves under the pointer because of the
// click it just received (issue #11). Headless, with the player's fonts: every
// control on the main view is found by hovering a grid of points; each is
// clicked where it was found, the command it returned is applied the way the
// player applies it (a new text size rebuilds the fonts between frames), and
// the control under the pointer afterwards must be the same one.

#include "player/episode_content.h"
#include "player/config/settings.h"
#include "support/headless_imgui.h"
#include "transcripts/time_lookup.h"
#include "ui/main_view.h"

#include <catch2/catch.hpp>
#include <imgui.h>
#include <imgui_internal.h>

#include <algorithm>
#include <map>
#include <sstream>
#include <string>

using namespace la;
using namespace la::ui;

namespace {

const std::string kEpisode = std::string(LA_SOURCE_DIR) + "/assets/episode/episode.ogg";

const char* commandName(const Command& c) {
    return std::visit(
        [](const auto& x) -> const char* {
            using T = std::decay_t<decltype(x)>;
            if constexpr (std::is_same_v<T, TogglePlay>) return "TogglePlay";
            else if constexpr (std::is_same_v<T, SeekTo>) return "SeekTo";
            else if constexpr (std::is_same_v<T, SeekBy>) return "SeekBy";
            else if constexpr (std::is_same_v<T, ToggleMute>) return "ToggleMute";
            else if constexpr (std::is_same_v<T, SetVolume>) return "SetVolume";
            else if constexpr (std::is_same_v<T, SetSpeed>) return "SetSpeed";
            else if constexpr (std::is_same_v<T, ChangeSpeed>) return "ChangeSpeed";
            else if constexpr (std::is_same_v<T, SetTextSize>) return "SetTextSize";
            else if constexpr (std::is_same_v<T, StepTextSize>) return "StepTextSize";
            else if constexpr (std::is_same_v<T, SetTheme>) return "SetTheme";
            else if constexpr (std::is_same_v<T, PreviousChapter>) return "PreviousChapter";
            else if constexpr (std::is_same_v<T, NextChapter>) return "NextChapter";
            else if constexpr (std::is_same_v<T, ShowSection>) return "ShowSection";
            else if constexpr (std::is_same_v<T, ReadCurrentSection>) return "ReadCurrentSection";
            else if constexpr (std::is_same_v<T, SetLineSpacing>) return "SetLineSpacing";
            else if constexpr (std::is_same_v<T, SetControlsSize>) return "SetControlsSize";
            else return "other";
        },
        c);
}

/// The main view with the player's fonts, and the part of the player that
/// applies the commands a click returns.
struct Player {
    ImVec2 size;
    player::Settings settings;
    player::EpisodeContent content = player::loadEpisodeContent(kEpisode, {});
    MainViewState state;
    MainViewUi view;
    test::HeadlessImGui imgui;
    FontSet fonts;
    double position = 100.0;
    bool fontsStale = false;
    bool stackTool = false;

    Player(ImVec2 display, double textScale) : size(display), imgui(display) {
        settings.textScale = textScale;
        state.title = "New Cancer Treatments \u2013 Immunotherapy and Targeted Therapy";
        state.transport.audioLoaded = true;
        state.transport.duration = 600;
        seek(position);
        rebuildFonts();
    }

    void rebuildFonts() {
        fonts = test::usePlayerFonts(settings.textScale, settings.theme == ThemeId::Dark ? ThemeId::Dark : ThemeId::Light, size.y);
        state.display.textScale = settings.textScale;
        state.display.effectiveControlsScale = player::controlsScaleFor(settings, size.y);
        fontsStale = false;
    }

    void seek(double to) {
        position = std::clamp(to, 0.0, 600.0);
        player::fillContentViews(content, position, state);
        state.transport.position = position;
        ++state.transcript.seekCount;
    }

    void apply(const Command& c) {
        std::visit(
            [&](const auto& x) {
                using T = std::decay_t<decltype(x)>;
                if constexpr (std::is_same_v<T, TogglePlay>) state.transport.playing = !state.transport.playing;
                else if constexpr (std::is_same_v<T, SeekTo>) seek(x.seconds);
                else if constexpr (std::is_same_v<T, SeekBy>) seek(position + x.deltaSeconds);
                else if constexpr (std::is_same_v<T, ToggleMute>) state.transport.muted = !state.transport.muted;
                else if constexpr (std::is_same_v<T, SetVolume>) state.transport.volume = x.volume;
                else if constexpr (std::is_same_v<T, SetSpeed>) state.transport.speed = state.display.speed = x.speed;
                else if constexpr (std::is_same_v<T, ChangeSpeed>) {
                    double s = x.delta > 0 ? player::speedUp(state.transport.speed, x.delta)
                                           : player::speedDown(state.transport.speed, -x.delta);
                    state.transport.speed = state.display.speed = s;
                } else if constexpr (std::is_same_v<T, SetTextSize>) {
                    settings.textScale = player::nearestTextScalePreset(x.scale);
                    fontsStale = true;
                } else if constexpr (std::is_same_v<T, StepTextSize>) {
                    settings.textScale = x.direction > 0   ? player::nextTextScalePreset(settings.textScale)
                                         : x.direction < 0 ? player::previousTextScalePreset(settings.textScale)
                                                           : 1.0;
                    fontsStale = true;
                } else if constexpr (std::is_same_v<T, SetLineSpacing>) {
                    state.display.lineSpacing = x.spacing;
                    view.transcript.lineSpacing = float(x.spacing);
                } else if constexpr (std::is_same_v<T, PreviousChapter> || std::is_same_v<T, NextChapter>) {
                    if (auto t = transcripts::chapterStep(content.chapters.chapters, position, std::is_same_v<T, NextChapter> ? 1 : -1))
                        seek(*t);
                } else if constexpr (std::is_same_v<T, ReadCurrentSection>) {
                    if (state.article.currentSection) openArticleSection(view, *state.article.currentSection);
                }
            },
            c);
    }

    Commands frame() {
        if (fontsStale) rebuildFonts(); // between frames, as the display controller does
        view.transcript.readingFont = view.article.readingFont = fonts.reading;
        view.article.headingFont = fonts.readingBold;
        state.transport.listFont = fonts.reading;
        ImGui::NewFrame();
        Commands out = drawMainView(state, view);
        if (stackTool) { // names the hovered control (ImGui's Stack Tool), off screen
            ImGui::SetNextWindowPos({-10000, -10000});
            ImGui::ShowStackToolWindow();
        }
        ImGui::Render();
        return out;
    }

    /// The interactive item under `p` after the pointer rests there a frame.
    ImGuiID controlAt(ImVec2 p) {
        ImGui::GetIO().MousePos = p;
        frame();
        return GImGui->HoveredId;
    }

    /// What the control under `p` is called: its window and ID stack.
    std::string describe(ImVec2 p) {
        stackTool = true;
        for (int i = 0; i < 24; ++i) controlAt(p);
        stackTool = false;
        std::string out = GImGui->HoveredWindow ? std::string(GImGui->HoveredWindow->Name) + ": " : std::string();
        for (const ImGuiStackLevelInfo& level : GImGui->DebugStackTool.Results) out += std::string(level.Desc) + " / ";
        return out.empty() ? "nothing" : out;
    }

    /// Press and release at `p`; the commands of both frames.
    Commands click(ImVec2 p) {
        ImGuiIO& io = ImGui::GetIO();
        io.MousePos = p;
        io.MouseDown[0] = true;
        Commands out = frame();
        io.MouseDown[0] = false;
        for (Command& c : frame()) out.push_back(std::move(c));
        return out;
    }
};

/// Every control on screen, each with the first grid point that hovers it.
std::map<ImGuiID, ImVec2> controlsOnScreen(Player& p, float step) {
    std::map<ImGuiID, ImVec2> found;
    for (float y = step / 2; y < p.size.y; y += step)
        for (float x = step / 2; x < p.size.x; x += step)
            if (ImGuiID id = p.controlAt({x, y}); id != 0 && !found.count(id)) {
                // The middle of the control along this row is a more honest target than its edge.
                float right = x;
                while (right + 2 < p.size.x && p.controlAt({right + 2, y}) == id) right += 2;
                found[id] = {std::round((x + right) / 2), y};
            }
    return found;
}

/// Clicks every control of the view at `textScale` in a `size` window and
/// checks the pointer is still over it afterwards. Returns how many were clicked.
int clickEveryControl(ImVec2 size, double textScale) {
    Player probe(size, textScale);
    probe.frame();
    probe.frame();
    const std::map<ImGuiID, ImVec2> controls = controlsOnScreen(probe, 24);
    int clicked = 0;
    for (const auto& [id, at] : controls) {
        // A fresh player for each click: the controls are where they were found.
        Player p(size, textScale);
        p.frame();
        p.frame();
        if (p.controlAt(at) != id) continue; // a control that only shows on hover elsewhere
        const std::string was = p.describe(at);
        const bool wasOnSettings = p.view.tabbed && p.view.tab == ContentTab::Settings;
        Commands commands = p.click(at);
        std::ostringstream what;
        for (const Command& c : commands) {
            what << commandName(c) << ' ';
            p.apply(c);
        }
        for (int i = 0; i < 3; ++i) p.controlAt(at); // the next frames, at the new size if it changed
        if (!wasOnSettings && p.view.tabbed && p.view.tab == ContentTab::Settings) {
            // The one press where bigger text turns the header's controls into
            // a tab: the Settings tab opens with the control on it, in sight.
            INFO(size.x << "x" << size.y << ": " << was << " turned the layout to tabs");
            CHECK(p.view.tab == ContentTab::Settings);
            CHECK(controlsOnScreen(p, 24).count(id) == 1);
            ++clicked;
            continue;
        }
        if (!GImGui->OpenPopupStack.empty()) {
            // A menu opened (speed presets, chapter list): it leaves its
            // button in sight, and the button is there when it closes.
            ImGuiWindow* menu = GImGui->OpenPopupStack.back().Window;
            REQUIRE(menu);
            CHECK_FALSE(menu->Rect().Contains(at));
            ImGui::ClosePopupToLevel(0, false);
            for (int i = 0; i < 2; ++i) p.controlAt(at);
        }
        INFO(size.x << "x" << size.y << " at " << textScale * 100 << " %: control at (" << at.x << ", " << at.y
                    << ") returned " << what.str() << "; text now " << p.settings.textScale * 100 << " %");
        if (p.controlAt(at) != id) {
            const std::string now = p.describe(at);
            FAIL_CHECK("clicked " << was << ", now under the pointer: " << now);
        }
        ++clicked;
    }
    return clicked;
}

} // namespace

TEST_CASE("Click, then look: every control on the main view is still under the pointer after its click", "[layout]") {
    struct Case { ImVec2 size; std::vector<double> scales; };
    const Case cases[] = {{{1280, 800}, {1.0, 1.25, 1.5, 1.75, 2.0, 2.5, 3.0, 3.5, 4.0}},
                          {{800, 480}, {1.0, 2.0, 4.0}},
                          {{1920, 1080}, {1.0, 2.0, 4.0}}};
    for (const Case& c : cases) {
        for (double scale : c.scales) {
            int clicked = clickEveryControl(c.size, scale);
            INFO(c.size.x << "x" << c.size.y << " at " << scale * 100 << " %");
            CHECK(clicked >= 8); // the transport alone has more
        }
    }
}
