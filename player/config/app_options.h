#pragma once
// The interactive player's command line.

#include "ui/theme_id.h"

#include <optional>
#include <string>
#include <vector>

namespace la::player {

struct AppOptions {
    std::string audioFile;          ///< empty: the bundled episode
    std::optional<double> start;    ///< --start SECONDS
    bool play = false;              ///< --play: start playing at launch
    long frames = -1;               ///< --frames N: render N frames, then exit
    std::string screenshot;         ///< --screenshot FILE.png: write the last frame
    double quitAfter = -1;          ///< --quit-after SECONDS: exit after this long (tests, demos)
    int width = 1280;               ///< --size WxH
    int height = 800;
    std::string transcript;         ///< --transcript FILE (overrides the sidecar)
    std::string chapters;           ///< --chapters FILE
    std::string article;            ///< --article FILE
    std::optional<double> speed;      ///< --speed S (this run only; overrides the saved setting)
    std::optional<double> textSize;   ///< --text-size PERCENT, as a scale (2.0 = 200 %)
    std::optional<ui::ThemeId> theme; ///< --theme light|dark|high-contrast
    std::string settingsFile;         ///< --settings FILE (default: $XDG_CONFIG_HOME/listenalong/settings.json)
    bool kiosk = false;               ///< --kiosk: full screen, unattended, resets itself
    std::string kioskConfig;          ///< --kiosk-config FILE (default: the "kiosk" section of the settings file)
    std::string stateFile;          ///< --state-file FILE: write the final position as JSON at exit
    std::optional<bool> speech;       ///< --speech / --no-speech: the program's own voice, this run only
    std::string speechLog;            ///< --speech-log FILE: each utterance, with the app's clock in ms
};

/// Throws ArgError (message to print) or UsageRequest (--help).
AppOptions parseAppOptions(const std::vector<std::string>& args);

/// Shown in a corner of the kiosk's welcome screen when its config has problems.
inline constexpr const char* kKioskSetupNotice = "Setup notice for staff: see the log";

/// The --help text: every option and sub-command.
const char* appUsage();

} // namespace la::player
