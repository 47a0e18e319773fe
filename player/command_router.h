#pragma once
// The one place where what a person asked for is carried out. Views and
// keyboard shortcuts return ui::Commands; once per loop turn, after the frame
// is drawn, route() hands each to the state's owner: PlaybackController
// (transport, speed, volume), DisplayController (text, theme), KioskSession
// (welcome screen, idle countdown, PIN pad), or the app (quit, notices, which
// pane shows what, clipboard, toasts). One handler per command type: a
// command without one does not compile.

#include "player/kiosk_policy.h"
#include "player/sleep_timer.h"
#include "ui/commands.h"

#include <cstddef>
#include <string>

namespace la::player {

class DisplayController;
class KioskSession;
class PlaybackController;
struct EpisodeContent;

/// What the router asks of the app itself.
class AppRequests {
public:
    virtual ~AppRequests() = default;
    /// Seconds on the app's clock (the kiosk's timers run on it).
    virtual double now() const = 0;
    virtual void quit() = 0;
    virtual void dismissNotices() = 0;
    /// Shows the article at section `index` (its heading at the top).
    virtual void openArticleSection(std::size_t index) = 0;
    /// Opens the sheet of keyboard shortcuts.
    virtual void showKeyboardHelp() = 0;
    /// Puts the keyboard in the transcript's search box.
    virtual void focusSearch() = 0;
    /// False when the clipboard refused the text.
    virtual bool copyToClipboard(const std::string& text) = 0;
    /// A short message over the player ("Speed 1.25×", "Copied").
    virtual void showToast(const std::string& text) = 0;
    /// The kiosk asked for a reset for the next person, or to quit.
    virtual void kioskAction(KioskAction action) = 0;
    /// Something for a screen reader to say once (not shown): "Chapter 4 of 9: …".
    virtual void announce(const std::string& text) = 0;
    /// The listener moved the position (an autosave becomes due).
    virtual void positionMoved() = 0;
    // The program's own voice (speech_output.h).
    virtual void sayAgain() = 0;
    virtual void setSpeech(bool on) = 0;
    /// Speaks `text` (a section of the article) with the program's voice.
    virtual void readAloud(const std::string& text) = 0;
};

class CommandRouter {
public:
    /// `kiosk` is null outside kiosk mode. All must outlive the router.
    CommandRouter(PlaybackController& playback, DisplayController& display, KioskSession* kiosk,
                  const EpisodeContent& content, AppRequests& app)
        : playback_(playback), display_(display), kiosk_(kiosk), content_(content), app_(app) {}

    /// Carries out a frame's commands in order; seeks are merged into one.
    void route(const ui::Commands& commands);

private:
    /// A listening setting turned on or off: confirmed, and a kiosk visitor's choice.
    void confirmListeningChoice(const std::string& what, bool on);
    void handle(const ui::TogglePlay&);
    void handle(const ui::SeekTo&);
    void handle(const ui::SeekBy&);
    void handle(const ui::SetVolume&);
    void handle(const ui::ChangeVolume&);
    void handle(const ui::ToggleMute&);
    void handle(const ui::SetSpeed&);
    void handle(const ui::ChangeSpeed&);
    void handle(const ui::DismissMessage&);
    void handle(const ui::Quit&);
    void handle(const ui::ShowSection&);
    void handle(const ui::PreviousChapter&);
    void handle(const ui::NextChapter&);
    void handle(const ui::CopyText&);
    void handle(const ui::FocusSearch&);
    void handle(const ui::ShowKeyboardHelp&);
    void handle(const ui::ReadCurrentSection&);
    void handle(const ui::SetTextSize&);
    void handle(const ui::StepTextSize&);
    void handle(const ui::SetControlsSize&);
    void handle(const ui::SetLineSpacing&);
    void handle(const ui::SetTheme&);
    void handle(const ui::StartListening&);
    void handle(const ui::StartReading&);
    void handle(const ui::KioskDismissCountdown&);
    void handle(const ui::KioskFinish&);
    void handle(const ui::PinDigit&);
    void handle(const ui::PinClear&);
    void handle(const ui::PinSubmit&);
    void handle(const ui::PinCancel&);
    void handle(const ui::SayAgain&);
    void handle(const ui::SetSpeech&);
    void handle(const ui::SetEvenLoudness&);
    void handle(const ui::SetVoiceBoost&);
    void handle(const ui::SetShortenPauses&);
    void handle(const ui::SetSleepTimer&);
    void handle(const ui::ExtendSleepTimer&);
    void handle(const ui::NextSleepTimer&);
    void applySleepTimer(SleepTimerOption option);
    void handle(const ui::ReadSectionAloud&);

    void stepChapter(int direction);
    void sayIfSpeedChanged(double before);
    void sayIfTextSizeChanged(double before);
    /// A kiosk without a keyboard or a shared clipboard offers neither search nor copy.
    bool searchAndCopyAllowed() const;

    PlaybackController& playback_;
    DisplayController& display_;
    KioskSession* kiosk_;
    const EpisodeContent& content_;
    AppRequests& app_;
};

} // namespace la::player
