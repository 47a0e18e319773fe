#pragma once
// The whole window: episode title, notices, the content area (transcript,
// chapters, article) and the transport bar along the bottom.

#include "ui/commands.h"
#include "ui/transport_bar.h"

#include <string>
#include <vector>

namespace la::ui {

struct Notice {
    enum class Level { Info, Warning, Error } level = Level::Info;
    std::string text;
};

struct MainViewState {
    std::string title;              ///< episode title
    std::vector<Notice> notices;    ///< shown above the content, newest last
    TransportState transport;
};

struct MainViewUi {
    TransportViewState transport;
};

/// Draws a window that fills the display.
Commands drawMainView(const MainViewState& state, MainViewUi& ui);

} // namespace la::ui
