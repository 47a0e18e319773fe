#include "player/player_app.h"

#include "player/app_host.h"
#include "player/command_router.h"
#include "player/config/asset_paths.h"
#include "player/config/settings_store.h"
#include "player/display_controller.h"
#include "player/episode_content.h"
#include "player/keyboard_focus.h"
#include "player/keyboard_shortcuts.h"
#include "player/kiosk_session.h"
#include "player/playback_controller.h"
#include "player/resume_tracker.h"
#include "player/config/run_overrides.h"
#include "player/save_schedule.h"
#include "player/sleep_timer.h"
#include "player/speech_narrator.h"
#include "player/speech_output.h"
#include "player/start_check.h"
#include "player/state_file.h"
#include "player/toast.h"
#include "player/visible_state.h"
#include "player/window_title.h"
#include "ui/main_view.h"
#include "ui/focus_outline.h"
#include "ui/semantic_scope.h"
#include "ui/transport_menus.h"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <csignal>
#include <ctime>
#include <filesystem>
#include <ostream>

namespace la::player {
namespace {

// SIGHUP (the terminal closed, the session ended) quits like SIGTERM, which
// the host reports as a close request: the position and settings are saved on the way out.
volatile std::sig_atomic_t g_hangup = 0;
extern "C" void onHangup(int) { g_hangup = 1; }

constexpr const char* kDefaultTitle = "New Cancer Treatments – Immunotherapy and Targeted Therapy";

} // namespace

class PlayerApp::Impl final : private AppRequests {
public:
    Impl(AppOptions options, AppHost& host, std::ostream& err) : options_(std::move(options)), err_(err), host_(host) {}

    int run() {
        if (!setUp()) return 1;
        long frame = 0;
        while (!quit_) {
            handleEvents(waitMilliseconds());
            if (g_hangup) quit_ = true;
            if (kiosk_) {
                host_.holdKioskInFront();
                media::PlaybackStatus st = playback_->status();
                handleKioskAction(kiosk_->update(nowSeconds(), st.playing, st.ended, host_.adminChordHeld()));
                speakCountdown();
            }
            speech_->update(*playback_);
            // The sleep timer counts, fades the episode and pauses it in this turn.
            playback_->updateSleepTimer(std::int64_t(host_.ticksMs()), &content_.chapters.chapters);
            // Said, not only seen: whoever wakes, or hears the sound stop, learns why.
            // (A toast is also a screen reader's notification, and spoken when Speak controls is on.)
            if (playback_->sleepTimerState().pauseNow) showToast(kSleepTimerPausedText);
            for (std::string p : {speech_->takeProblem(), playback_->update()}) {
                if (p.empty()) continue;
                err_ << "listenalong: " << p << "\n";
                if (!kiosk_) notice(ui::Notice::Level::Warning, p); // a kiosk's problems are for staff: the log
            }
            bool last = quit_ || (options_.frames >= 0 && frame + 1 >= options_.frames) ||
                        (options_.quitAfter >= 0 && host_.ticksMs() >= std::uint64_t(options_.quitAfter * 1000));
            // Sleep through frames that would look the same: draw only after
            // input or when something visible moved on.
            autosave();
            updateTitle();
            VisibleState visible = visibleState();
            if (!last && busyFrames_ == 0 && options_.frames < 0 && visible == lastVisible_) continue;
            lastVisible_ = visible;
            ui::Commands commands = drawFrame();
            if (last && !options_.screenshot.empty()) saveScreenshot();
            host_.present();
            router_->route(commands);
            speakFrame(); // after the commands: a first touch that started listening needs no welcome
            if (last) break;
            ++frame;
        }
        // One reading of the position for both files, so they agree exactly.
        media::PlaybackStatus final = playback_ ? playback_->status() : media::PlaybackStatus{};
        writeStateFile(final);
        saveSettings(final);
        return exitCode_;
    }

private:
    bool setUp() {
        std::string assets = findAssetsDir();
        display_ = std::make_unique<DisplayController>(assets.empty() ? "" : assets + "/fonts", fontTextureUpload());
        playback_ = std::make_unique<PlaybackController>(openAudio());
        speech_ = std::make_unique<SpeechOutput>(playback_->mix(), [this] { return host_.ticksMs(); }, options_.speechLog);
        if (options_.kiosk) startKiosk();
        else loadSettings();
        if (!options_.kiosk) std::signal(SIGHUP, onHangup); // a kiosk keeps the default: its service manager decides
        router_ = std::make_unique<CommandRouter>(*playback_, *display_, kiosk_.get(), content_, static_cast<AppRequests&>(*this));
        openEpisode();
        return true;
    }

    std::unique_ptr<media::AudioSink> openAudio() {
        std::string error;
        auto sink = host_.openAudioSink(error);
        if (sink) return sink;
        notice(ui::Notice::Level::Warning,
               "Sound is not available on this computer (" + error + "). You can still read along; playback runs silently.");
        return media::openNullSink();
    }

    /// The preferences, each from its owner.
    Preferences preferences() const {
        Preferences p;
        static_cast<DisplayPreferences&>(p) = display_->preferences();
        static_cast<ListeningPreferences&>(p) = playback_->preferences();
        static_cast<SpeechPreferences&>(p) = speech_->preferences();
        return p;
    }

    void usePreferences(const Preferences& p) {
        display_->setPreferences(p);
        playback_->setPreferences(p);
        speech_->setPreferences(p);
    }

    void openEpisode() {
        std::string path = options_.audioFile.empty() ? defaultEpisodePath() : options_.audioFile;
        if (path.empty()) {
            failLoad("The bundled episode was not found (looked next to the program and in " LISTENALONG_SOURCE_ASSETS ").");
            return;
        }
        loadContent(path);
        std::string error;
        if (!playback_->open(path, error)) {
            failLoad("Cannot play the episode: " + error);
            return;
        }
        if (std::string late = startAfterEndProblem(options_.start, playback_->status().duration); !late.empty()) {
            err_ << "listenalong: " << late << "\n";
            notice(ui::Notice::Level::Warning, late);
            resume_.openAt(path, 0.0);
        } else if (options_.start) {
            resume_.openAt(path, *options_.start);
            playback_->seek(*options_.start);
        } else if (!kiosk_) {
            playback_->seek(resume_.open(savedSettings(), path, playback_->status().duration));
        }
        lastChapter_ = chapterIndexAt(playback_->status().position); // resuming into chapter 3 is not a chapter change
        if (options_.play) playback_->play();
    }

    // Transcript, chapters and article: each problem becomes a notice, never a failure.
    void loadContent(const std::string& audioPath) {
        content_ = loadEpisodeContent(audioPath, {options_.transcript, options_.chapters, options_.article});
        for (const ui::Notice& n : content_.notices) {
            if (n.level != ui::Notice::Level::Info) err_ << "listenalong: " << n.text << "\n";
            notices_.push_back(n);
        }
    }

    // Preferences from settings.json; --speed/--text-size/--theme apply to this
    // run only, so they are put back before saving unless the user changed them.
    void loadSettings() {
        store_ = std::make_unique<SettingsStore>(options_.settingsFile.empty() ? defaultSettingsPath()
                                                                              : std::filesystem::path(options_.settingsFile));
        SettingsLoadResult loaded = store_->load();
        for (const std::string& w : loaded.warnings) {
            err_ << "listenalong: " << w << "\n";
            notice(ui::Notice::Level::Warning, w);
        }
        Settings s = runOverrides_.begin(loaded.settings);
        usePreferences(s);
        positions_ = std::move(s.positions);
        pausesSavedBefore_ = s.pausesSavedSeconds;
        lastSaved_ = runOverrides_.toSave(savedSettings());
        lastSeenPreferences_ = preferences();
        if (!loaded.warnings.empty()) schedule_.noteChange(nowSeconds()); // rewrite repaired values once, as before
    }

    /// What settings.json would hold now: the preferences and the positions.
    Settings savedSettings() const {
        Settings s;
        static_cast<Preferences&>(s) = preferences();
        s.positions = positions_;
        s.pausesSavedSeconds = pausesSavedSeconds();
        return s;
    }

    /// Time Shorten pauses has saved: in earlier sessions (settings.json) and in
    /// this one; in a kiosk, for this visitor.
    double pausesSavedSeconds() const { return pausesSavedBefore_ + (playback_ ? playback_->status().savedSeconds : 0.0); }

    // Kiosk: nothing is read from or saved to the user's settings; each new
    // person gets the configured defaults. Config problems are logged, and
    // safe values are used instead (a config that cannot be used: nobody can quit).
    void startKiosk() {
        KioskConfigResult cfg;
        if (!options_.kioskConfig.empty()) cfg = loadKioskConfig(options_.kioskConfig);
        else cfg = loadKioskSection(options_.settingsFile.empty() ? defaultSettingsPath() : std::filesystem::path(options_.settingsFile));
        // Config problems are for staff: the log, and one quiet line on the welcome screen.
        for (const std::string& w : cfg.warnings) err_ << "listenalong: kiosk config: " << w << "\n";
        if (options_.speech) cfg.config.defaults.speech = *options_.speech;
        kiosk_ = std::make_unique<KioskSession>(cfg.config);
        if (!kiosk_->lockoutWarning().empty()) err_ << "listenalong: kiosk: " << kiosk_->lockoutWarning() << "\n";
        if (!cfg.warnings.empty()) kiosk_->setSetupNotice(kKioskSetupNotice);
        playback_->setVolumeLimit(limitVolume(kiosk_->config(), kVolumeRange.max)); // hearing safety
        usePreferences(kioskVisitorStart(kiosk_->config()));
        startupNotices_ = notices_;
    }

    // Everything one person changed goes back to the kiosk defaults.
    void resetForNextPerson() {
        playback_->pause();
        playback_->seek(0);
        playback_->setSleepTimer({}); // this visitor's sleep timer is not the next one's
        pausesSavedBefore_ = -playback_->status().savedSeconds; // nor the time the last one saved
        usePreferences(kioskVisitorStart(kiosk_->config()));
        view_ = ui::MainViewUi{};
        // The next person starts where everyone starts: no focus outline, no focus to give back.
        ui::clearKeyboardFocus();
        keyboardFocus_.reset();
        notices_ = startupNotices_;
        narrator_.reset();
        welcomed_ = false;
        // Said even when this visitor had turned speech off: speech is back on by default.
        speech_->say(kResetPhrase, "reset");
    }

    void handleKioskAction(KioskAction a) {
        if (a == KioskAction::ResetToDefaults) resetForNextPerson();
        if (a == KioskAction::Quit) {
            quit_ = true;
            exitCode_ = kAdminQuitExitStatus;
        }
    }

    // Only when it changes: a title change is a window-system round trip.
    void updateTitle() {
        TitleFacts f;
        f.loaded = playback_->loaded();
        f.episodeTitle = playback_->title().empty() ? kDefaultTitle : playback_->title();
        if (f.loaded) {
            media::PlaybackStatus st = playback_->status();
            f.playing = st.playing;
            f.chapter = chapterIndexAt(st.position);
            f.chapterCount = content_.chapterRows.size();
        }
        std::string title = windowTitle(f);
        if (title == title_) return;
        title_ = std::move(title);
        host_.setTitle(title_);
    }

    std::function<void()> fontTextureUpload() {
        return [this] { host_.uploadFontTexture(); };
    }

    double nowSeconds() const { return double(host_.ticksMs()) / 1000.0; }

    // Decides each loop turn whether the position or settings are due to be
    // written (save_schedule.h), so a kill or a crash loses seconds, not the session.
    void autosave() {
        if (kiosk_ || !playback_->loaded()) return;
        media::PlaybackStatus st = playback_->status();
        double now = nowSeconds();
        if (st.playing) resume_.notePlaying();
        schedule_.notePlaying(now, st.playing);
        size_t chapter = chapterIndexAt(st.position);
        if (chapter != lastChapter_) {
            if (st.playing) schedule_.noteUrgent();
            lastChapter_ = chapter;
        }
        if (Preferences p = preferences(); p != lastSeenPreferences_) {
            lastSeenPreferences_ = p;
            schedule_.noteChange(now);
        }
        if (schedule_.due(now)) saveSettings(st);
    }

    size_t chapterIndexAt(double position) const { return chapterNumberAt(content_, position); }

    // Writes only when something differs from the last save, so an idle or
    // paused player does not touch the disk.
    void saveSettings(const media::PlaybackStatus& st) {
        schedule_.saved(nowSeconds());
        if (kiosk_ || !store_) return; // one patient's choices never outlive the session
        Settings live = savedSettings();
        if (playback_->loaded()) resume_.record(live, st.position, std::int64_t(std::time(nullptr)));
        positions_ = live.positions;
        Settings s = runOverrides_.toSave(std::move(live));
        if (s == lastSaved_) return;
        std::string error;
        if (store_->save(s, error)) lastSaved_ = std::move(s);
        else if (error != lastSaveError_) err_ << "listenalong: " << error << "\n"; // once, not every 5 s
        lastSaveError_ = error;
    }

    void writeStateFile(const media::PlaybackStatus& status) {
        if (options_.stateFile.empty()) return;
        StateSnapshot snap;
        snap.content = &content_;
        snap.status = status;
        if (display_ && playback_) snap.preferences = preferences();
        snap.kiosk = kiosk_.get();
        std::string error = player::writeStateFile(options_.stateFile, snap);
        if (!error.empty()) err_ << "listenalong: " << error << "\n";
    }

    void failLoad(const std::string& message) {
        err_ << "listenalong: " << message << "\n";
        notice(ui::Notice::Level::Error, message);
        exitCode_ = 1;
    }

    void notice(ui::Notice::Level level, std::string text) { notices_.push_back({level, std::move(text)}); }

    // Sleep until something happens: input, or the next visible change.
    int waitMilliseconds() const {
        if (options_.frames >= 0) return 0;
        if (busyFrames_ > 0) return 0; // let ImGui finish reacting to input
        // Playing: look every 20 ms whether a word, the clock or the seek bar
        // moved (cheap); a frame is drawn only when one did.
        int ms = playback_->status().playing ? 20 : 1000;
        // The sleep timer's fade is smooth at 20 ms steps (it runs while playing only, but whatever wakes us).
        if (const auto& left = playback_->sleepTimerState().remainingSeconds; left && *left < kSleepFadeSeconds + 1)
            ms = std::min(ms, 20);
        if (kiosk_) ms = std::min(ms, 250); // idle timers and the countdown tick
        ms = int(std::min<double>(ms, std::ceil(schedule_.secondsUntilDue(nowSeconds()) * 1000)));
        if (options_.quitAfter >= 0) {
            std::uint64_t end = std::uint64_t(options_.quitAfter * 1000), now = host_.ticksMs();
            ms = now >= end ? 0 : int(std::min<std::uint64_t>(std::uint64_t(ms), end - now));
        }
        return ms;
    }

    void handleEvents(int timeoutMs) {
        InputBatch input = host_.pollInput(timeoutMs);
        if (busyFrames_ > 0) --busyFrames_;
        // A kiosk ignores close requests (Alt+F4, the window manager): only the admin PIN quits.
        if (input.closeRequested && !kiosk_) quit_ = true;
        if (kiosk_ && input.personInput) kiosk_->onInput(nowSeconds());
        if (input.pressed) {
            // Any key or touch stops the voice at once (EN 301 549 5.1.3): what
            // the key does may say something new in the next frame.
            speech_->interrupt();
            pressed_ = true;
            if (kiosk_ && kiosk_->showsAttract() && !welcomed_) welcomeDue_ = true;
        }
        // A finger resting on the screen is timed frame by frame.
        if (speech_->on() && ImGui::GetCurrentContext() && ImGui::GetIO().MouseDown[0]) busyFrames_ = std::max(busyFrames_, 1);
        if (input.events > 0) busyFrames_ = 3;
        if (input.holdsBack) busyFrames_ = std::max(busyFrames_, 1);
    }

    VisibleState visibleState() const {
        int w = 0, h = 0;
        host_.windowSize(w, h);
        VisibleState v = visibleStateOf(playback_->status(), w, content_.transcript.cues, kiosk_.get(), nowSeconds());
        v.toast = !toast_.text(nowSeconds()).empty();
        const SleepTimerOutput& sleep = playback_->sleepTimerState();
        v.sleepMode = int(playback_->sleepTimerChoice().mode);
        v.sleepSecond = sleep.remainingSeconds ? long(std::ceil(*sleep.remainingSeconds)) : -1;
        return v;
    }

    // The sleep timer's menu, choice and time left for More settings.
    void fillSleepTimer(ui::DisplayBarState& d) const {
        auto toUi = [](SleepTimerMode m) {
            return m == SleepTimerMode::Minutes        ? ui::SleepMode::Minutes
                   : m == SleepTimerMode::EndOfChapter ? ui::SleepMode::EndOfChapter
                                                       : ui::SleepMode::Off;
        };
        // 15 minutes to 2 hours, as podcast apps offer: 5 and 10 would take a
        // second row of buttons (pushing Play off an 800-pixel screen) for
        // times "+5 min" gives anyway.
        for (const SleepTimerOption& o : sleepTimerOptions(!content_.chapterRows.empty()))
            if (o.mode != SleepTimerMode::Minutes || o.minutes >= 15) d.sleepChoices.push_back({toUi(o.mode), o.minutes, o.label});
        const SleepTimerOption& chosen = playback_->sleepTimerChoice();
        d.sleepMode = toUi(chosen.mode);
        d.sleepMinutes = chosen.minutes;
        if (chosen.mode != SleepTimerMode::Off) d.sleepText = playback_->sleepTimerState().text;
    }

    ui::Commands drawFrame() {
        int windowW = 0, windowH = 0;
        host_.windowSize(windowW, windowH);
        std::string fontWarning = display_->prepareFrame(windowH);
        if (!fontWarning.empty() && fontWarning != lastFontWarning_) notice(ui::Notice::Level::Warning, fontWarning);
        lastFontWarning_ = fontWarning;
        const DisplayPreferences& look = display_->preferences();
        view_.transcript.readingFont = display_->fonts().reading;
        view_.transcript.lineSpacing = float(look.lineSpacing);
        view_.article.readingFont = display_->fonts().reading;
        view_.article.headingFont = display_->fonts().readingBold;
        host_.beginFrame();
        ui::beginKeyboardFocusFrame();
        // Tab, F6 and the keys on a focused control move along the last frame's tree: what the person saw.
        KeyPressed keyPressed = [this](Key k, bool repeat) { return host_.keyPressed(k, repeat); };
        const ImGuiIO& io = ImGui::GetIO();
        FocusKeys focusKeys =
            keyboardFocus_.update(semantics_, keyPressed, io.KeyShift, io.WantTextInput, ui::keyboardFocusShown());
        if (focusKeys.hideFocus) ui::hideKeyboardFocus();
        // The views declare what they draw for screen readers as they draw it.
        semantics_.begin(title_);
        std::vector<ui::SemanticRequest> requests = host_.takeAccessRequests();
        requests.insert(requests.end(), focusKeys.requests.begin(), focusKeys.requests.end());
        ui::SemanticScope describing(&semantics_, &requests);
        ui::MainViewState state;
        state.title = playback_->title().empty() ? kDefaultTitle : playback_->title();
        state.notices = notices_;
        std::string decodeError = playback_->status().error;
        if (!decodeError.empty()) state.notices.push_back({ui::Notice::Level::Error, "Playback stopped: " + decodeError});
        state.transport = playback_->transportState();
        state.transport.sayAgainButton = kiosk_ && speech_->on();
        state.display = display_->barState(playback_->speed());
        state.display.speakControls = speech_->on();
        state.display.evenLoudness = playback_->evenLoudness();
        state.display.voiceBoost = playback_->voiceBoost();
        state.display.shortenPauses = playback_->shortenPauses();
        state.display.savedSeconds = pausesSavedSeconds();
        fillSleepTimer(state.display);
        fillContentViews(content_, state.transport.position, state);
        state.article.readAloud = speech_->on();
        state.kiosk = kiosk_ != nullptr;
        state.searchAndCopy = !kiosk_ || kiosk_->config().searchAndCopy;
        state.transcript.seekCount = playback_->seekCount();
        state.toast = toast_.text(nowSeconds());
        ui::Commands commands;
        if (!kiosk_ || !kiosk_->showsAttract()) commands = ui::drawMainView(state, view_);
        if (kiosk_) {
            ui::Commands k = kiosk_->draw(nowSeconds(), state.title,
                                          {display_->fonts().readingBold, display_->fonts().reading, look.textScale, look.theme,
                                           speech_->on()});
            commands.insert(commands.end(), k.begin(), k.end());
        }
        // Over every view, the kiosk's too; as thick as the reading text is large.
        ui::drawFocusOutline(display_->fonts().reading ? display_->fonts().reading->FontSize : 0.0f);
        // Said once by a screen reader, not shown: a new id for each message.
        if (!announcement_.empty() && nowSeconds() - announcedAt_ < kAnnouncementSeconds)
            ui::declareText("announcement/" + std::to_string(announcements_), ui::SemanticRole::Notification, announcement_, {});
        // While the sheet of shortcuts is open its keys scroll it and close it, nothing else.
        if (!view_.keyboardHelp) {
            KeyPressed shortcutKey = [&](Key k, bool repeat) { return !focusKeys.taken.count(k) && keyPressed(k, repeat); };
            ui::Commands keys = collectShortcuts(state.transport.duration, shortcutKey);
            commands.insert(commands.end(), keys.begin(), keys.end());
            if (shortcutKey(Key::F2, false) || shortcutKey(Key::KeypadMultiply, false)) commands.push_back(ui::SayAgain{});
            // The welcome screen's "press Enter": Enter with no control focused starts listening.
            if (kiosk_ && kiosk_->showsAttract() && (shortcutKey(Key::Enter, false) || shortcutKey(Key::KeypadEnter, false)))
                commands.push_back(ui::StartListening{});
        }
        host_.render();
        host_.describeFrame(semantics_);
        return commands;
    }

    // ---- AppRequests: what the command router asks of the app -------------------

    double now() const override { return nowSeconds(); }
    void quit() override { quit_ = true; }
    void dismissNotices() override { notices_.clear(); }
    void openArticleSection(std::size_t index) override { ui::openArticleSection(view_, index); }
    void focusSearch() override {
        view_.transcript.search.focusBox = true;
        view_.selectTab = ui::ContentTab::Transcript;
    }
    bool copyToClipboard(const std::string& text) override { return host_.copyToClipboard(text); }
    void showKeyboardHelp() override {
        if (kiosk_ && kiosk_->showsAttract()) return; // the welcome screen has its own few keys
        view_.keyboardHelp = true;
    }
    void showToast(const std::string& text) override { toast_.show(text, nowSeconds()); }
    void announce(const std::string& text) override {
        announcement_ = text;
        ++announcements_;
        announcedAt_ = nowSeconds();
    }
    void kioskAction(KioskAction action) override { handleKioskAction(action); }
    void sayAgain() override { speech_->repeat(); }
    void setSpeech(bool on) override {
        speech_->setOn(on);
        if (on) speech_->say("Speech on.", "result");
    }
    void readAloud(const std::string& text) override { speech_->say(text, "section"); }

    // ---- the program's own voice (issue #14) ---------------------------------------

    // What this frame brought that someone who cannot see it must hear: the
    // welcome (first touch on the welcome screen), where the focus went, a
    // control under a resting finger, and the notifications.
    void speakFrame() {
        const bool acted = pressed_;
        pressed_ = false;
        std::string phrase = narrator_.phraseFor(semantics_, ui::keyboardFocusShown(), touchedElement(), acted);
        if (!speech_->on()) return;
        // Nobody is there yet: the welcome screen waits silently for a first touch.
        if (kiosk_ && kiosk_->showsAttract() && !welcomed_ && !welcomeDue_) return;
        if (welcomeDue_) {
            welcomeDue_ = false;
            welcomed_ = true;
            if (kiosk_ && !kiosk_->showsAttract()) { // the touch chose already
                if (!phrase.empty()) speech_->say(phrase, "focus");
                return;
            }
            speech_->say(phrase.empty() ? kWelcomePhrase : std::string(kWelcomePhrase) + " " + phrase, "welcome");
            return;
        }
        if (phrase.empty()) return;
        // A person's key or touch replaces what was being said; a change
        // nobody made (a dialog appearing, taking the focus) waits its turn.
        if (acted) speech_->say(phrase, "focus");
        else speech_->sayAfter(phrase, "focus");
    }

    // The element under a finger (or the mouse button) held still for half a second.
    std::string touchedElement() const {
        const ImGuiIO& io = ImGui::GetIO();
        if (!io.MouseDown[0] || io.MouseDownDuration[0] < kTouchHoldSeconds) return "";
        const ImVec2 d = ImGui::GetMouseDragDelta(0, 0.0f);
        if (d.x * d.x + d.y * d.y > 20.0f * 20.0f) return ""; // a drag, not a finger resting
        int i = elementAt(semantics_, io.MousePos.x, io.MousePos.y);
        return i >= 0 ? semantics_.node(i).id : "";
    }

    // The countdown's own notification is said by the narrator when it
    // appears; the last seconds are said too.
    void speakCountdown() {
        int left = kiosk_->mode() == KioskMode::Countdown ? kiosk_->countdownSecondsLeft(nowSeconds()) : -1;
        if (left != lastCountdown_ && left == kCountdownWarnAt) speech_->sayAfter(std::to_string(left) + " seconds.", "countdown");
        lastCountdown_ = left;
    }
    void positionMoved() override { schedule_.noteChange(nowSeconds()); }

    void saveScreenshot() {
        std::string error;
        if (!host_.saveScreenshot(options_.screenshot, error)) {
            err_ << "listenalong: " << error << "\n";
            exitCode_ = 1;
        }
    }

    AppOptions options_;
    std::ostream& err_;
    AppHost& host_;
    std::unique_ptr<PlaybackController> playback_; ///< owns speed, volume, mute
    std::unique_ptr<DisplayController> display_;   ///< owns text size, theme, line spacing
    std::unique_ptr<KioskSession> kiosk_;   ///< set in kiosk mode only
    std::unique_ptr<CommandRouter> router_;
    std::unique_ptr<SettingsStore> store_;  ///< null in kiosk mode: nothing is saved
    std::map<std::string, SavedPosition> positions_; ///< settings.json's positions (ResumeTracker updates them)
    double pausesSavedBefore_ = 0; ///< settings.json's timeSavedByShorterPauses when it was read (kiosk: minus what earlier visitors saved)
    std::vector<ui::Notice> startupNotices_; ///< shown again to each new person
    VisibleState lastVisible_;
    RunOverrides runOverrides_{options_};
    ResumeTracker resume_;
    SaveSchedule schedule_;
    Settings lastSaved_;           ///< what the settings file holds (as far as this run knows)
    Preferences lastSeenPreferences_; ///< to notice a preference change
    size_t lastChapter_ = 0;
    std::string lastSaveError_;
    std::string lastFontWarning_;
    std::string title_; ///< the window's, as last set
    std::vector<ui::Notice> notices_;
    Toast toast_;
    ui::MainViewUi view_;
    KeyboardFocus keyboardFocus_;
    std::unique_ptr<SpeechOutput> speech_; ///< owns the speech preferences
    SpeechNarrator narrator_;
    bool pressed_ = false;     ///< a key or touch went down since the last frame
    bool welcomeDue_ = false;  ///< the first touch on the welcome screen: say what the kiosk is
    bool welcomed_ = false;    ///< said to this visitor already
    int lastCountdown_ = -1;
    static constexpr double kTouchHoldSeconds = 0.5;
    static constexpr int kCountdownWarnAt = 5;
    static constexpr const char* kWelcomePhrase =
        "Welcome. This kiosk plays a podcast episode about new cancer treatments: immunotherapy and targeted therapy, "
        "with its written article. Touch Listen, or press Enter, to start listening. Press Tab to move between "
        "the buttons and Enter to choose. Press F2 to hear this again.";
    static constexpr const char* kResetPhrase = "This screen has started again for the next person.";
    ui::SemanticTree semantics_; ///< what this frame shows, for screen readers (AppHost::describeFrame)
    static constexpr double kAnnouncementSeconds = 5; ///< how long an announcement stays in the tree
    std::string announcement_;   ///< the last thing to say (AppRequests::announce)
    unsigned announcements_ = 0; ///< how many so far: each one's id
    double announcedAt_ = 0;
    EpisodeContent content_;
    int busyFrames_ = 3;
    bool quit_ = false;
    int exitCode_ = 0;
};

PlayerApp::PlayerApp(AppOptions options, AppHost& host, std::ostream& err)
    : impl_(std::make_unique<Impl>(std::move(options), host, err)) {}
PlayerApp::~PlayerApp() = default;

int PlayerApp::run() { return impl_->run(); }

} // namespace la::player
