#pragma once
// The SDL window, its OpenGL context and the ImGui context with its SDL2 and
// OpenGL3 backends: created together, destroyed together.

#include <memory>
#include <string>

struct SDL_Window;
union SDL_Event;

namespace la::player {

struct WindowOptions {
    std::string title = "ListenAlong";
    int width = 1280;
    int height = 800;
    bool fullscreen = false; ///< borderless, covering the whole screen (kiosk)
};

class AppWindow {
public:
    /// Returns nullptr and sets `error` when no window can be made (no
    /// display, no OpenGL).
    static std::unique_ptr<AppWindow> create(const WindowOptions& options, std::string& error);
    ~AppWindow();

    /// Feeds an event to ImGui.
    void processEvent(const SDL_Event& event);
    void beginFrame();
    /// Renders the ImGui frame into the back buffer (not yet shown).
    void render();
    /// Writes the back buffer as PNG; false and `error` on failure.
    bool saveScreenshot(const std::string& path, std::string& error) const;
    void present();

    SDL_Window* sdl() const { return window_; }
    uint32_t windowId() const;

private:
    AppWindow() = default;
    SDL_Window* window_ = nullptr;
    void* glContext_ = nullptr;
    bool imguiReady_ = false;
};

} // namespace la::player
