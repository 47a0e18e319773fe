#pragma once
// The SDL window, its OpenGL context and the ImGui context with its SDL2 and
// OpenGL3 backends: created together, destroyed together.

#include "player/platform/kiosk_window_guard.h"
#include "player/platform/partial_redraw.h"

#include <memory>
#include <string>
#include <vector>

struct SDL_Window;
union SDL_Event;

namespace la::player {

struct WindowOptions {
    std::string title = "ListenAlong";
    int width = 1280;
    int height = 800;
    /// Kiosk: borderless, covering the whole screen, offering the window
    /// manager no move, resize or minimise, and brought back whenever it is
    /// hidden, iconified or loses the focus.
    bool fullscreen = false;
};

class AppWindow {
public:
    /// Returns nullptr and sets `error` when no window can be made (no
    /// display, no OpenGL).
    static std::unique_ptr<AppWindow> create(const WindowOptions& options, std::string& error);
    ~AppWindow();

    /// Feeds an event to ImGui (and a kiosk window's guard).
    void processEvent(const SDL_Event& event);
    /// Kiosk: brings the window back to the front, fullscreen and focused if
    /// it was displaced (retrying while it stays so). Call every loop turn;
    /// does nothing for other windows.
    void holdKioskInFront();
    void beginFrame();
    /// Renders the ImGui frame (not yet shown), drawing only the regions that
    /// changed since the last frame.
    void render();
    /// The regions the last render() drew (empty: nothing changed).
    const std::vector<PixelRect>& lastDamage() const { return lastDamage_; }
    /// How frames are drawn and shown (default: the best one available).
    void setRedrawMode(PartialRedraw::Mode mode);
    PartialRedraw::Mode redrawMode() const;
    /// The next frame is drawn whole (e.g. the font texture was rebuilt).
    void invalidate();
    /// The last rendered frame as RGBA rows, top row first.
    void readFrame(std::vector<unsigned char>& rgba, int& width, int& height) const;
    /// Writes the last rendered frame as PNG; false and `error` on failure.
    bool saveScreenshot(const std::string& path, std::string& error) const;
    void present();

    SDL_Window* sdl() const { return window_; }
    uint32_t windowId() const;

private:
    AppWindow() = default;
    void bringBack();

    SDL_Window* window_ = nullptr;
    void* glContext_ = nullptr;
    bool imguiReady_ = false;
    std::unique_ptr<PartialRedraw> redraw_;
    std::vector<PixelRect> lastDamage_;
    std::unique_ptr<KioskWindowGuard> guard_; ///< kiosk windows only
};

} // namespace la::player
