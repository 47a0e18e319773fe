#pragma once
// --speed, --text-size, --theme and --speech/--no-speech apply to one run only: they are laid over
// the saved settings at start, and taken back out before saving unless the
// listener changed that setting during the run.

#include "player/config/app_options.h"
#include "player/config/settings.h"

namespace la::player {

class RunOverrides {
public:
    explicit RunOverrides(const AppOptions& options)
        : speed_(options.speed), textSize_(options.textSize), theme_(options.theme), speech_(options.speech) {}

    /// The settings to run with, from those read from the file.
    Settings begin(const Settings& saved);
    /// What to save from the settings at the end of the run.
    Settings toSave(Settings current) const;

private:
    std::optional<double> speed_, textSize_;
    std::optional<ui::ThemeId> theme_;
    std::optional<bool> speech_;
    Settings saved_;     ///< as read from the file
    Settings overrides_; ///< after the command-line overrides
};

} // namespace la::player
