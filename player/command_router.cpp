#include "player/command_router.h"

#include "player/display_controller.h"
#include "player/episode_content.h"
#include "player/kiosk_session.h"
#include "player/playback_controller.h"
#include "transcripts/time_lookup.h"
#include "ui/transport_menus.h"

#include <algorithm>
#include <cctype>
#include <cmath>

namespace la::player {

namespace {
/// "End of chapter" to "end of chapter", for "Sleep timer: end of chapter".
std::string toLower(std::string s) {
    if (!s.empty()) s[0] = char(std::tolower(static_cast<unsigned char>(s[0])));
    return s;
}
} // namespace

void CommandRouter::route(const ui::Commands& commands) {
    for (const ui::Command& c : commands) std::visit([this](const auto& command) { handle(command); }, c);
    playback_.commitSeek();
}

// ---- transport ---------------------------------------------------------------

void CommandRouter::handle(const ui::TogglePlay&) {
    playback_.togglePlay();
    // The result, for whoever cannot see the button change (a screen reader, the talking kiosk).
    app_.announce(playback_.status().playing ? "Playing" : "Paused");
}

void CommandRouter::handle(const ui::SeekTo& c) {
    playback_.queueSeekTo(c.seconds);
    app_.positionMoved();
}

void CommandRouter::handle(const ui::SeekBy& c) {
    playback_.queueSeekBy(c.deltaSeconds);
    app_.positionMoved();
}

void CommandRouter::handle(const ui::PreviousChapter&) { stepChapter(-1); }
void CommandRouter::handle(const ui::NextChapter&) { stepChapter(+1); }

void CommandRouter::stepChapter(int direction) {
    // From the queued target: two "next chapter" presses in one frame go two chapters on.
    if (std::optional<double> t = transcripts::chapterStep(content_.chapters.chapters, playback_.pendingPosition(), direction)) {
        playback_.queueSeekTo(*t);
        app_.positionMoved();
        if (std::string said = chapterAnnouncement(content_, *t); !said.empty()) app_.announce(said);
    }
}

void CommandRouter::handle(const ui::SetVolume& c) { playback_.setVolume(c.volume); }
void CommandRouter::handle(const ui::ChangeVolume& c) { playback_.changeVolume(c.delta); }
void CommandRouter::handle(const ui::ToggleMute&) { playback_.setMuted(!playback_.muted()); }

void CommandRouter::handle(const ui::SetSpeed& c) {
    const double before = playback_.speed();
    playback_.setSpeed(c.speed);
    sayIfSpeedChanged(before);
}

void CommandRouter::handle(const ui::ChangeSpeed& c) {
    const double before = playback_.speed();
    playback_.stepSpeed(c.delta);
    sayIfSpeedChanged(before);
}

void CommandRouter::sayIfSpeedChanged(double before) {
    if (playback_.speed() != before) app_.showToast("Speed " + ui::speedLabel(playback_.speed()));
}

// ---- the app -----------------------------------------------------------------

void CommandRouter::handle(const ui::DismissMessage&) { app_.dismissNotices(); }
void CommandRouter::handle(const ui::SayAgain&) { app_.sayAgain(); }
void CommandRouter::handle(const ui::SetSpeech& c) {
    app_.setSpeech(c.on);
    if (kiosk_) kiosk_->visitorChoice(app_.now());
}
void CommandRouter::confirmListeningChoice(const std::string& what, bool on) {
    app_.showToast(what + (on ? " on" : " off"));
    if (kiosk_) kiosk_->visitorChoice(app_.now());
}
void CommandRouter::handle(const ui::SetEvenLoudness& c) {
    playback_.setEvenLoudness(c.on, playback_.preferences().loudnessTarget);
    confirmListeningChoice("Even loudness", c.on);
}
void CommandRouter::handle(const ui::SetVoiceBoost& c) {
    playback_.setVoiceBoost(c.on);
    confirmListeningChoice("Voice boost", c.on);
}
void CommandRouter::handle(const ui::SetSleepTimer& c) {
    const SleepTimerMode mode = c.mode == ui::SleepMode::Minutes        ? SleepTimerMode::Minutes
                                : c.mode == ui::SleepMode::EndOfChapter ? SleepTimerMode::EndOfChapter
                                                                        : SleepTimerMode::Off;
    // The menu's own entry, for its label ("End of episode" without chapters).
    SleepTimerOption option{mode, c.minutes, ""};
    for (const SleepTimerOption& o : sleepTimerOptions(!content_.chapterRows.empty()))
        if (o.mode == mode && (mode != SleepTimerMode::Minutes || o.minutes == c.minutes)) option = o;
    if (option.label.empty()) option.label = std::to_string(std::clamp(c.minutes, kSleepMinMinutes, kSleepMaxMinutes)) + " minutes";
    applySleepTimer(option);
}
void CommandRouter::handle(const ui::NextSleepTimer&) {
    applySleepTimer(nextSleepTimerOption(playback_.sleepTimerChoice(), !content_.chapterRows.empty()));
}
void CommandRouter::applySleepTimer(SleepTimerOption option) {
    playback_.setSleepTimer(option);
    if (option.mode == SleepTimerMode::Off) app_.showToast("Sleep timer off");
    else if (option.mode == SleepTimerMode::Minutes) app_.showToast("Sleep timer: " + playback_.sleepTimerChoice().label);
    else app_.showToast("Sleep timer: " + toLower(option.label));
    if (kiosk_) kiosk_->visitorChoice(app_.now());
}
void CommandRouter::handle(const ui::ExtendSleepTimer&) {
    playback_.extendSleepTimer();
    app_.showToast("Sleep timer: " + std::to_string(kSleepExtendMinutes) + " more minutes");
    if (kiosk_) kiosk_->visitorChoice(app_.now());
}
void CommandRouter::handle(const ui::SetShortenPauses& c) {
    playback_.setShortenPauses(c.on);
    confirmListeningChoice("Shorten pauses", c.on);
}
void CommandRouter::handle(const ui::ReadSectionAloud& c) {
    if (content_.article && c.index < content_.article->sections.size()) app_.readAloud(sectionSpeech(*content_.article, c.index));
}
void CommandRouter::handle(const ui::Quit&) { app_.quit(); }

void CommandRouter::handle(const ui::ShowSection& c) {
    if (!content_.article) return;
    if (std::optional<size_t> section = transcripts::findSection(*content_.article, c.anchor)) app_.openArticleSection(*section);
}

void CommandRouter::handle(const ui::ReadCurrentSection&) {
    if (std::optional<size_t> section = sectionAt(content_, playback_.status().position)) app_.openArticleSection(*section);
}

bool CommandRouter::searchAndCopyAllowed() const { return !kiosk_ || kiosk_->config().searchAndCopy; }

void CommandRouter::handle(const ui::CopyText& c) {
    if (!searchAndCopyAllowed()) return;
    app_.showToast(app_.copyToClipboard(c.text) ? "Copied" : "Could not copy");
}

void CommandRouter::handle(const ui::ShowKeyboardHelp&) { app_.showKeyboardHelp(); }

void CommandRouter::handle(const ui::FocusSearch&) {
    if (searchAndCopyAllowed()) app_.focusSearch();
}

// ---- display -----------------------------------------------------------------

void CommandRouter::handle(const ui::SetTextSize& c) {
    const double before = display_.preferences().textScale;
    display_.setTextSize(c.scale);
    sayIfTextSizeChanged(before);
}

void CommandRouter::handle(const ui::StepTextSize& c) {
    const double before = display_.preferences().textScale;
    display_.stepTextSize(c.direction);
    sayIfTextSizeChanged(before);
    if (kiosk_) kiosk_->visitorChoice(app_.now());
}

void CommandRouter::sayIfTextSizeChanged(double before) {
    const double now = display_.preferences().textScale;
    if (now != before) app_.showToast("Text " + std::to_string(int(std::lround(now * 100))) + " %");
}

void CommandRouter::handle(const ui::SetControlsSize& c) { display_.setControlsSize(c.scale); }
void CommandRouter::handle(const ui::SetLineSpacing& c) { display_.setLineSpacing(c.spacing); }

void CommandRouter::handle(const ui::SetTheme& c) {
    display_.setTheme(c.theme);
    if (kiosk_) kiosk_->visitorChoice(app_.now());
}

// ---- kiosk (its views only draw in kiosk mode) ---------------------------------

void CommandRouter::handle(const ui::StartListening&) {
    if (!kiosk_) return;
    kiosk_->startSession(app_.now());
    playback_.play();
    app_.announce("Playing");
}

void CommandRouter::handle(const ui::StartReading&) {
    if (!kiosk_) return;
    kiosk_->startSession(app_.now());
    app_.openArticleSection(0); // the article from its start
}

void CommandRouter::handle(const ui::KioskDismissCountdown&) {
    if (kiosk_) kiosk_->dismissCountdown(app_.now());
}

void CommandRouter::handle(const ui::KioskFinish&) {
    if (kiosk_) app_.kioskAction(kiosk_->finish(app_.now()));
}

void CommandRouter::handle(const ui::PinDigit& c) {
    if (kiosk_) kiosk_->pinDigit(app_.now(), c.digit);
}

void CommandRouter::handle(const ui::PinClear&) {
    if (kiosk_) kiosk_->pinClear(app_.now());
}

void CommandRouter::handle(const ui::PinSubmit&) {
    if (kiosk_) app_.kioskAction(kiosk_->pinSubmit(app_.now()));
}

void CommandRouter::handle(const ui::PinCancel&) {
    if (kiosk_) kiosk_->pinCancel(app_.now());
}

} // namespace la::player
