#include "player/platform/app_window.h"

#include "player/platform/partial_redraw.h"
#include "player/platform/x11_kiosk_window.h"

#include <SDL.h>
#include <SDL_opengl.h>
#include <imgui.h>
#include <backends/imgui_impl_opengl3.h>
#include <backends/imgui_impl_sdl.h>
#include <stb_image_write.h>

#include <algorithm>
#include <vector>

namespace la::player {

std::unique_ptr<AppWindow> AppWindow::create(const WindowOptions& options, std::string& error) {
    if (SDL_InitSubSystem(SDL_INIT_VIDEO | SDL_INIT_EVENTS) != 0) {
        error = std::string("cannot open a window: ") + SDL_GetError();
        return nullptr;
    }
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_FLAGS, 0);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_PROFILE_MASK, SDL_GL_CONTEXT_PROFILE_CORE);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MAJOR_VERSION, 3);
    SDL_GL_SetAttribute(SDL_GL_CONTEXT_MINOR_VERSION, 2);
    SDL_GL_SetAttribute(SDL_GL_DOUBLEBUFFER, 1);
    SDL_GL_SetAttribute(SDL_GL_DEPTH_SIZE, 0);
    SDL_GL_SetAttribute(SDL_GL_STENCIL_SIZE, 0);

    std::unique_ptr<AppWindow> w(new AppWindow());
    auto flags = SDL_WindowFlags(SDL_WINDOW_OPENGL | SDL_WINDOW_RESIZABLE | SDL_WINDOW_ALLOW_HIGHDPI);
    SDL_Rect place{int(SDL_WINDOWPOS_CENTERED), int(SDL_WINDOWPOS_CENTERED), options.width, options.height};
    if (options.fullscreen) {
        flags = SDL_WindowFlags(flags | SDL_WINDOW_FULLSCREEN_DESKTOP | SDL_WINDOW_BORDERLESS);
        // Made at the screen's size: with no window manager, nobody carries
        // out SDL's fullscreen request and the window keeps the size it had.
        SDL_GetDisplayBounds(0, &place);
    }
    w->window_ = SDL_CreateWindow(options.title.c_str(), place.x, place.y, place.w, place.h, flags);
    if (!w->window_) {
        error = std::string("cannot open a window: ") + SDL_GetError();
        return nullptr;
    }
    w->glContext_ = SDL_GL_CreateContext(w->window_);
    if (!w->glContext_) {
        error = std::string("cannot start OpenGL: ") + SDL_GetError();
        return nullptr;
    }
    SDL_GL_MakeCurrent(w->window_, w->glContext_);
    SDL_GL_SetSwapInterval(1);

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGui::GetIO().IniFilename = nullptr; // the layout is ours, never a file's (and kiosks write nothing)
    ImGui_ImplSDL2_InitForOpenGL(w->window_, w->glContext_);
    // Tab is ours (player/keyboard_focus.h): ImGui 1.86 would tab between
    // text fields only, and put a slider into typing mode on the way.
    ImGui::GetIO().KeyMap[ImGuiKey_Tab] = -1;
    ImGui_ImplOpenGL3_Init("#version 150");
    w->imguiReady_ = true;
    w->redraw_ = std::make_unique<PartialRedraw>();
    if (options.fullscreen) {
        lockKioskWindow(w->window_);
        w->guard_ = std::make_unique<KioskWindowGuard>();
    }
    return w;
}

AppWindow::~AppWindow() {
    redraw_.reset(); // its framebuffer belongs to the GL context
    if (imguiReady_) {
        ImGui_ImplOpenGL3_Shutdown();
        ImGui_ImplSDL2_Shutdown();
        ImGui::DestroyContext();
    }
    if (glContext_) SDL_GL_DeleteContext(glContext_);
    if (window_) SDL_DestroyWindow(window_);
    SDL_QuitSubSystem(SDL_INIT_VIDEO | SDL_INIT_EVENTS);
}

uint32_t AppWindow::windowId() const { return SDL_GetWindowID(window_); }

void AppWindow::processEvent(const SDL_Event& event) {
    ImGui_ImplSDL2_ProcessEvent(&event);
    // The backend reads the modifiers from SDL_GetModState(), which is the
    // state after every event already queued: a quick Shift+Tab would then
    // arrive as Tab. The key's own event says what was held when it went down.
    if (event.type == SDL_KEYDOWN) {
        ImGuiIO& io = ImGui::GetIO();
        const Uint16 mod = event.key.keysym.mod;
        io.KeyShift = (mod & KMOD_SHIFT) != 0;
        io.KeyCtrl = (mod & KMOD_CTRL) != 0;
        io.KeyAlt = (mod & KMOD_ALT) != 0;
        io.KeySuper = (mod & KMOD_GUI) != 0;
    }
    // The window system may have lost what it showed: show it all again.
    if (event.type == SDL_WINDOWEVENT && event.window.windowID == windowId() &&
        (event.window.event == SDL_WINDOWEVENT_EXPOSED || event.window.event == SDL_WINDOWEVENT_SHOWN ||
         event.window.event == SDL_WINDOWEVENT_RESTORED))
        redraw_->exposed();
    if (guard_ && event.type == SDL_DISPLAYEVENT) guard_->onDisplayChange();
    holdKioskInFront();
}

void AppWindow::holdKioskInFront() {
    if (guard_ && guard_->bringBackNow(SDL_GetWindowFlags(window_), double(SDL_GetTicks64()) / 1000.0)) bringBack();
}

// Only requests that never wait: SDL_ShowWindow and SDL_RestoreWindow wait for
// the window to be mapped, which a window manager showing the desktop never
// does, and the kiosk would hang. The window manager may refuse any request,
// so the guard asks again while the window stays displaced.
void AppWindow::bringBack() {
    lockKioskWindow(window_); // fullscreen, above, on every desktop
    SDL_Rect screen;
    if (SDL_GetDisplayBounds(std::max(SDL_GetWindowDisplayIndex(window_), 0), &screen) == 0)
        placeKioskWindow(window_, screen.x, screen.y, screen.w, screen.h);
    showKioskWindow(window_); // mapped, raised, active, focused
}

void AppWindow::setRedrawMode(PartialRedraw::Mode mode) { redraw_->setMode(mode); }

PartialRedraw::Mode AppWindow::redrawMode() const { return redraw_->mode(); }

void AppWindow::invalidate() { redraw_->invalidate(); }

void AppWindow::beginFrame() {
    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplSDL2_NewFrame();
    ImGui::NewFrame();
}

void AppWindow::render() {
    ImGui::Render();
    int w = 0, h = 0;
    SDL_GL_GetDrawableSize(window_, &w, &h);
    const ImVec4 bg = ImGui::GetStyle().Colors[ImGuiCol_WindowBg];
    const float clear[4] = {bg.x, bg.y, bg.z, 1.0f};
    lastDamage_ = redraw_->render(window_, *ImGui::GetDrawData(), w, h, clear);
}

void AppWindow::readFrame(std::vector<unsigned char>& rgba, int& width, int& height) const {
    SDL_GL_GetDrawableSize(window_, &width, &height);
    std::vector<unsigned char> rows;
    redraw_->readPixels(width, height, rows);
    // OpenGL rows run bottom-up; alpha is whatever blending left there.
    const size_t stride = size_t(width) * 4;
    rgba.resize(rows.size());
    for (int y = 0; y < height; ++y) {
        std::copy_n(rows.begin() + long(size_t(height - 1 - y) * stride), stride, rgba.begin() + long(size_t(y) * stride));
    }
    for (size_t i = 3; i < rgba.size(); i += 4) rgba[i] = 255;
}

bool AppWindow::saveScreenshot(const std::string& path, std::string& error) const {
    int w = 0, h = 0;
    std::vector<unsigned char> pixels;
    readFrame(pixels, w, h);
    if (!stbi_write_png(path.c_str(), w, h, 4, pixels.data(), w * 4)) {
        error = path + ": cannot write the screenshot";
        return false;
    }
    return true;
}

void AppWindow::present() { redraw_->present(window_); }

} // namespace la::player
