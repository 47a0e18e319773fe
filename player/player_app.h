#pragma once
// The interactive player's core: opens the episode and the settings (or the
// kiosk's config), and runs the main loop until the user quits: input, kiosk
// rules, autosave, drawing the frame, applying what the user asked for. The
// window system is behind AppHost (app_host.h), so the core includes none of
// it: player/platform/ runs it in a real window, a test can run it on its own
// host.

#include "player/config/app_options.h"

#include <iosfwd>
#include <memory>

namespace la::player {

class AppHost;

class PlayerApp {
public:
    /// `host` must outlive the app.
    PlayerApp(AppOptions options, AppHost& host, std::ostream& err);
    ~PlayerApp();
    PlayerApp(const PlayerApp&) = delete;
    PlayerApp& operator=(const PlayerApp&) = delete;

    /// Runs until the user quits (or --frames / --quit-after say so), saves,
    /// and returns the process exit code.
    int run();

private:
    class Impl;
    std::unique_ptr<Impl> impl_;
};

} // namespace la::player
