// Nothing is cut off at any text size: the main view over the real episode,
// with the real fonts built at each size (100-400 %) in each theme, in the
// default 1280x800 window. ImGui windows here never scroll sideways, so a
// window whose content is wider than the window has cut something off; each
// control that must stay finger-sized is checked too.

#include "player/episode_content.h"
#include "support/headless_imgui.h"
#include "ui/attract_screen.h"
#include "ui/fonts.h"
#include "ui/kiosk_overlays.h"
#include "ui/main_view.h"
#include "ui/theme.h"

#include <catch2/catch.hpp>
#include <imgui.h>
#include <imgui_internal.h>

#include <functional>
#include <string>

using namespace la;
using namespace la::ui;

TEST_CASE("Nothing is cut off sideways at 100-400 % text in 1280x800, in every theme", "[layout]") {
    const std::string episode = std::string(LA_SOURCE_DIR) + "/assets/episode/episode.ogg";
    player::EpisodeContent content = player::loadEpisodeContent(episode, {});
    REQUIRE_FALSE(content.transcript.cues.empty());
    const double scale = GENERATE(1.0, 1.25, 1.5, 2.0, 2.5, 3.0, 4.0);
    const ThemeId theme = GENERATE(ThemeId::Light, ThemeId::Dark, ThemeId::HighContrast);
    INFO("text " << scale * 100 << " %, theme " << int(theme));

    test::HeadlessImGui imgui({1280, 800});
    const FontSet fonts = test::usePlayerFonts(scale, theme);

    MainViewUi view;
    view.transcript.readingFont = fonts.reading;
    view.article.readingFont = fonts.reading;
    view.article.headingFont = fonts.readingBold;
    MainViewState state;
    state.title = "New Cancer Treatments – Immunotherapy and Targeted Therapy";
    player::fillContentViews(content, 100.0, state);
    state.transport.duration = 421.3;
    state.transport.position = 100.0;

    auto checkFrame = [&](const char* what, const std::function<void()>& draw = {}) {
        for (int i = 0; i < 4; ++i) { // a few frames: layouts measured last frame settle
            ImGui::NewFrame();
            if (draw) draw();
            else drawMainView(state, view);
            ImGui::Render();
        }
        for (ImGuiWindow* w : ImGui::GetCurrentContext()->Windows) {
            if (!w->WasActive || w->Hidden) continue;
            INFO(what << ": window " << w->Name << " content " << w->ContentSize.x << " px wide in "
                      << w->ContentRegionRect.GetWidth() << " px");
            CHECK(w->ScrollMax.x <= 1.0f);
            CHECK(w->Rect().Max.x <= 1280.5f);
        }
    };
    checkFrame("first tab");
    // Play/Pause is never below the fold, whatever the size.
    CHECK(view.transport.playMax.y > view.transport.playMin.y);
    CHECK(view.transport.playMax.y <= 800.0f);
    CHECK(view.transport.playMax.x <= 1280.0f);
    if (view.tabbed) { // every tab at large sizes
        for (ContentTab tab : {ContentTab::Chapters, ContentTab::Article, ContentTab::Settings}) {
            view.selectTab = tab;
            checkFrame("another tab");
        }
    }
    // The kiosk's screens.
    AttractScreenVM attract;
    attract.title = state.title;
    attract.titleFont = fonts.uiBold;
    checkFrame("attract screen", [&] { drawAttractScreen(attract); });
    checkFrame("countdown", [&] { drawMainView(state, view), drawStillListeningOverlay({8}); });
    PinPadVM pin;
    pin.digitsEntered = 3, pin.lastWasWrong = true;
    checkFrame("PIN pad", [&] { drawPinPad(pin); });
}
