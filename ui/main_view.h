#pragma once
// The whole window: episode title, notices, the content area (transcript,
// chapters, article) and the transport bar along the bottom.

#include "ui/article_pane.h"
#include "ui/chapters_pane.h"
#include "ui/commands.h"
#include "ui/drag_scroll.h"
#include "ui/display_bar.h"
#include "ui/transcript_pane.h"
#include "ui/transport_bar.h"

#include <optional>
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
    std::string toast;              ///< a brief confirmation over the content ("Speed 1.5×", "Copied"); empty: none
    bool kiosk = false;             ///< "I'm finished" in the transport
    bool searchAndCopy = true;      ///< Search and Copy line shown (a kiosk hides them unless configured)
    TransportState transport;
    DisplayBarState display;        ///< speed, text size, theme controls
    TranscriptVM transcript;        ///< the panes that follow the audio
    ChaptersVM chapters;
    ArticleVM article;
};

/// The content area's panes; below ~60 x font size wide they become tabs.
enum class ContentTab { Transcript, Chapters, Article, Settings };

struct MainViewUi {
    TransportViewState transport;
    DisplayBarUi displayBar;
    float transportHeight = 0;           ///< measured last frame (rows wrap at large text)
    TranscriptPaneState transcript;
    ChaptersPaneState chapters;
    ArticlePaneState article;
    std::optional<ContentTab> selectTab; ///< switch to this tab on the next frame (when tabbed)
    int keepSettingsOpen = 0;            ///< frames left: the header's text size was just changed, show Settings if the layout turns tabbed
    ContentTab tab = ContentTab::Transcript; ///< the tab shown when tabbed
    bool tabbed = false;                 ///< last frame's layout (read-only for callers)
    bool split = false;                  ///< last frame: chapters above the article, both shown (side by side only)
    bool volumeInTransport = true;       ///< false: Mute and volume are in the Settings tab (they would need a row of their own)
    bool choosingView = false;           ///< tabbed, one-button strip: the list of views is open in place of the pane
    bool keyboardHelp = false;           ///< the sheet of keyboard shortcuts is open (ui/keyboard_help.h)
    DragScroll settingsDrag, viewsDrag;  ///< touch scrolling of the Settings tab and the list of views
};

/// Content narrower than this many font sizes is shown as tabs.
inline constexpr float kTabbedBelowFontSizes = 60.0f;
/// Side by side, chapters and article are stacked when the content is at
/// least this many font sizes tall, else they share the right column as tabs.
/// (1280x800 at 100 % text leaves about 26.)
inline constexpr float kSplitSideAboveFontSizes = 22.0f;
/// Stacked, the chapters pane is never shorter than this (its buttons and
/// about two rows), nor the article (its check box, a heading, a few lines).
inline constexpr float kChaptersMinFontSizes = 9.0f;
inline constexpr float kArticleMinFontSizes = 12.0f;

/// "Read this section": scroll the article to `section` and bring its pane
/// forward. Called by player/ when it applies a ShowSection command.
void openArticleSection(MainViewUi& ui, size_t section);

/// Draws a window that fills the display.
Commands drawMainView(const MainViewState& state, MainViewUi& ui);

} // namespace la::ui
