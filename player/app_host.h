#pragma once
// What the app core needs from the window system, and nothing more: the clock,
// input (already translated into the app's own terms), the frame and a few
// window chores. player/platform/sdl_host.h provides it; a test can provide
// its own and drive PlayerApp without a display.

#include "media/audio_sink.h"
#include "ui/semantic_tree.h"

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace la::player {

/// The keys the global shortcuts use (keyboard_shortcuts.h), independent of
/// any window system's key codes.
enum class Key {
    F, R, M, Num0, Equals, Minus, KeypadPlus, KeypadMinus, Keypad0,
    Tab, Escape, Space, Backspace, Left, Right, Up, Down, Home, End, PageUp, PageDown,
    Comma, Period, Slash, LeftBracket, RightBracket, F1,
    Enter, KeypadEnter, F6,
    F2, KeypadMultiply, ///< say the last phrase again (the talking kiosk)
    T,                  ///< the sleep timer's next choice (Shift: off)
};

/// One frame's worth of input, after the host has fed it to ImGui.
struct InputBatch {
    int events = 0;              ///< how many events arrived (0: the wait timed out)
    bool closeRequested = false; ///< quit, or the window's close button (Alt+F4, the window manager)
    bool personInput = false;    ///< a person used it (a key, a click, a touch; not a nudged mouse)
    bool holdsBack = false;      ///< key releases wait for the next frame: draw it soon
    bool pressed = false;        ///< a key, button or finger went down (speech stops at once)
};

class AppHost {
public:
    virtual ~AppHost() = default;

    /// The audio device (SDL_mixer in a window; a test's own sink headless).
    /// Null and `error` when there is none: the app then plays silently.
    virtual std::unique_ptr<media::AudioSink> openAudioSink(std::string& error) = 0;

    /// Milliseconds since the host was opened (its clock starts before its
    /// window is made, so --quit-after counts the window's creation too).
    virtual std::uint64_t ticksMs() const = 0;
    /// Waits up to `timeoutMs` for input (0: does not wait) and takes it.
    virtual InputBatch pollInput(int timeoutMs) = 0;
    /// Ctrl+Alt+Shift+Q held down right now (the kiosk's admin chord).
    virtual bool adminChordHeld() const = 0;
    /// `key` went down this frame (`repeat`: auto-repeat counts too). Between
    /// beginFrame() and render().
    virtual bool keyPressed(Key key, bool repeat) const = 0;

    /// The window's size in points.
    virtual void windowSize(int& width, int& height) const = 0;
    virtual void setTitle(const std::string& title) = 0;
    /// False when the clipboard refused the text.
    virtual bool copyToClipboard(const std::string& text) = 0;
    /// Kiosk: brings the window back to the front if it was displaced. Every loop turn.
    virtual void holdKioskInFront() = 0;

    /// The font atlas was rebuilt: its texture must be made again.
    virtual void uploadFontTexture() = 0;
    virtual void beginFrame() = 0;
    /// Renders the ImGui frame (not shown yet).
    virtual void render() = 0;
    virtual void present() = 0;
    /// What the frame just rendered shows, for assistive technologies (a
    /// screen reader's adapter mirrors it; a test can read it back).
    virtual void describeFrame(const ui::SemanticTree& tree) = 0;
    /// What assistive technologies asked since the last frame (press, set a
    /// value, move the focus), for the views to carry out in the next one.
    virtual std::vector<ui::SemanticRequest> takeAccessRequests() = 0;
    /// Writes the last rendered frame as PNG; false and `error` on failure.
    virtual bool saveScreenshot(const std::string& path, std::string& error) = 0;
};

} // namespace la::player
