#pragma once
// What a view asks for. Views return these; only player/ acts on them, once
// per loop turn, after the frame is drawn (seeks are merged there).

#include "ui/theme_id.h"

#include <cstddef>
#include <string>
#include <variant>
#include <vector>

namespace la::ui {

struct TogglePlay {};
struct SeekTo { double seconds = 0; };
struct SeekBy { double deltaSeconds = 0; };   ///< relative to the (pending) position
struct SetVolume { float volume = 0; };        ///< 0..1
struct ChangeVolume { float delta = 0; };
struct ToggleMute {};
struct SetSpeed { double speed = 1.0; };
struct DismissMessage {};
struct Quit {};
struct ShowSection { std::string anchor; };    ///< open the article at this section (anchor or "article.md#anchor")
struct PreviousChapter {};                      ///< start of this chapter, or the previous one if near its start
struct NextChapter {};
struct CopyText { std::string text; };          ///< put text on the clipboard
struct FocusSearch {};                          ///< put the keyboard in the transcript search box
struct ReadCurrentSection {};                   ///< show the article section of the chapter being heard
struct ChangeSpeed { double delta = 0; };       ///< relative speed step (+-0.05, +-0.25)
struct SetTextSize { double scale = 1.0; };     ///< the one text size, 1.0 = 100 %
struct StepTextSize { int direction = 0; };     ///< -1 smaller / +1 bigger preset; 0 = reset to 100 %
struct SetControlsSize { double scale = 0; };   ///< buttons and labels (advanced); 0 = automatic
struct SetLineSpacing { double spacing = 1.5; };    ///< transcript and article line spacing
struct SetTheme { ThemeId theme = ThemeId::Light; };
// Kiosk mode (ui/attract_screen.h, ui/kiosk_overlays.h; player/kiosk_policy.h acts on them)
struct StartListening {};                       ///< attract screen: start a session on the listening screen
struct StartReading {};                         ///< attract screen: start a session on the reading screen
struct KioskDismissCountdown {};                ///< "Yes, I'm still here": cancel the idle countdown
struct KioskFinish {};                          ///< "I'm finished": back to the welcome screen, reset for the next person
struct PinDigit { int digit = 0; };             ///< admin PIN pad: one digit 0-9
struct PinClear {};                             ///< admin PIN pad: forget the digits typed
struct PinSubmit {};                            ///< admin PIN pad: check the digits typed
struct PinCancel {};                            ///< admin PIN pad: close it, back to the kiosk
struct ShowKeyboardHelp {};                     ///< ? or F1: the sheet of keyboard shortcuts
// The program's own voice (issue #14; player/speech_output.h acts on them)
struct SayAgain {};                             ///< "Say it again", F2: repeat the last phrase
struct SetSpeech { bool on = false; };          ///< "Speech on/off" (kiosk), "Speak controls" (desktop)
struct ReadSectionAloud { std::size_t index = 0; }; ///< "Read this section aloud": the article section, spoken
// Easy listening (issue #15; player/playback_controller.h acts on them)
struct SetEvenLoudness { bool on = true; };     ///< every episode at the same loudness (EBU R128)
struct SetVoiceBoost { bool on = false; };      ///< quiet words raised, a speech-band lift
struct SetShortenPauses { bool on = false; };   ///< long pauses cut short
/// The sleep timer's kinds (player/sleep_timer.h's SleepTimerMode, which views do not see).
enum class SleepMode { Off, Minutes, EndOfChapter };
struct SetSleepTimer { SleepMode mode = SleepMode::Off; int minutes = 0; }; ///< "Sleep timer: 30 minutes", Off, End of chapter
struct ExtendSleepTimer {};                     ///< "+5 min": five more minutes of listening
struct NextSleepTimer {};                       ///< the T key: the menu's next choice (Off, 5 minutes, ... end of chapter)

using Command = std::variant<TogglePlay, SeekTo, SeekBy, SetVolume, ChangeVolume, ToggleMute, SetSpeed,
                             DismissMessage, Quit, ShowSection, PreviousChapter, NextChapter, CopyText,
                             FocusSearch, ReadCurrentSection, ChangeSpeed, SetTextSize, StepTextSize, SetControlsSize,
                             SetLineSpacing, SetTheme, StartListening, StartReading, KioskDismissCountdown, KioskFinish,
                             PinDigit, PinClear, PinSubmit, PinCancel, ShowKeyboardHelp, SayAgain, SetSpeech,
                             ReadSectionAloud, SetEvenLoudness, SetVoiceBoost, SetShortenPauses, SetSleepTimer, ExtendSleepTimer,
                             NextSleepTimer>;
using Commands = std::vector<Command>;

} // namespace la::ui
