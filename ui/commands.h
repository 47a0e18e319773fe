#pragma once
// What a view asks for. Views return these; only player/ acts on them, once
// per loop turn, after the frame is drawn (seeks are merged there).

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

using Command = std::variant<TogglePlay, SeekTo, SeekBy, SetVolume, ChangeVolume, ToggleMute, SetSpeed,
                             DismissMessage, Quit, ShowSection, PreviousChapter, NextChapter, CopyText,
                             FocusSearch>;
using Commands = std::vector<Command>;

} // namespace la::ui
