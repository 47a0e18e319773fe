#include "player/platform/sdl_host.h"

#include "player/config/app_options.h"
#include "player/config/arg_parse.h"
#include "player/player_app.h"

#include <SDL.h>
#include <SDL_syswm.h>
#include <X11/Xlib.h>
#include <backends/imgui_impl_opengl3.h>
#include <imgui.h>

#include <cstdlib>
#include <cstdio>
#include <cstring>
#include <ostream>
#include <utility>

namespace la::player {

namespace {

SDL_Scancode scancodeOf(Key key) {
    switch (key) {
    case Key::F: return SDL_SCANCODE_F;
    case Key::R: return SDL_SCANCODE_R;
    case Key::M: return SDL_SCANCODE_M;
    case Key::Num0: return SDL_SCANCODE_0;
    case Key::Equals: return SDL_SCANCODE_EQUALS;
    case Key::Minus: return SDL_SCANCODE_MINUS;
    case Key::KeypadPlus: return SDL_SCANCODE_KP_PLUS;
    case Key::KeypadMinus: return SDL_SCANCODE_KP_MINUS;
    case Key::Keypad0: return SDL_SCANCODE_KP_0;
    case Key::Tab: return SDL_SCANCODE_TAB;
    case Key::Escape: return SDL_SCANCODE_ESCAPE;
    case Key::Space: return SDL_SCANCODE_SPACE;
    case Key::Backspace: return SDL_SCANCODE_BACKSPACE;
    case Key::Left: return SDL_SCANCODE_LEFT;
    case Key::Right: return SDL_SCANCODE_RIGHT;
    case Key::Up: return SDL_SCANCODE_UP;
    case Key::Down: return SDL_SCANCODE_DOWN;
    case Key::Home: return SDL_SCANCODE_HOME;
    case Key::End: return SDL_SCANCODE_END;
    case Key::PageUp: return SDL_SCANCODE_PAGEUP;
    case Key::PageDown: return SDL_SCANCODE_PAGEDOWN;
    case Key::Comma: return SDL_SCANCODE_COMMA;
    case Key::Period: return SDL_SCANCODE_PERIOD;
    case Key::Slash: return SDL_SCANCODE_SLASH;
    case Key::LeftBracket: return SDL_SCANCODE_LEFTBRACKET;
    case Key::RightBracket: return SDL_SCANCODE_RIGHTBRACKET;
    case Key::F1: return SDL_SCANCODE_F1;
    case Key::Enter: return SDL_SCANCODE_RETURN;
    case Key::KeypadEnter: return SDL_SCANCODE_KP_ENTER;
    case Key::F6: return SDL_SCANCODE_F6;
    case Key::F2: return SDL_SCANCODE_F2;
    case Key::KeypadMultiply: return SDL_SCANCODE_KP_MULTIPLY;
    case Key::T: return SDL_SCANCODE_T;
    }
    return SDL_SCANCODE_UNKNOWN;
}

} // namespace

std::unique_ptr<SdlHost> SdlHost::open(const WindowOptions& options, std::string& error) {
    SDL_GetTicks64(); // the clock starts here, before the window is made
    // A kiosk turns SIGTERM/SIGINT into nothing but their default action, so
    // the service manager can still stop it while close requests are ignored.
    if (options.fullscreen) SDL_SetHint(SDL_HINT_NO_SIGNAL_HANDLERS, "1");
    std::unique_ptr<AppWindow> window = AppWindow::create(options, error);
    if (!window) return nullptr;
    std::unique_ptr<SdlHost> host(new SdlHost(std::move(window)));
    host->startAccessibility();
    return host;
}

void SdlHost::startAccessibility() {
    // NO_AT_BRIDGE=1 turns it off, as for GTK programs.
    if (const char* off = std::getenv("NO_AT_BRIDGE"); off && std::strcmp(off, "1") == 0) return;
    std::string why;
    access_ = AtSpiBridge::start("ListenAlong", why);
    if (!access_) {
        // No session bus (a kiosk, a test): nobody to talk to. With one, a
        // screen reader user needs to know why the player stays silent.
        if (std::getenv("DBUS_SESSION_BUS_ADDRESS"))
            std::fprintf(stderr, "listenalong: screen readers cannot see the window: %s\n", why.c_str());
        return;
    }
    SDL_SysWMinfo info;
    SDL_VERSION(&info.version);
    int x11 = -1;
    if (SDL_GetWindowWMInfo(window_->sdl(), &info) && info.subsystem == SDL_SYSWM_X11)
        x11 = ConnectionNumber(info.info.x11.display);
    // Sleep in GLib's poll, so a screen reader's questions are answered at
    // once (not a frame later), with the X connection in it so input wakes it too.
    events_.waitWith([this, x11](int timeoutMs) {
        std::vector<int> fds;
        if (x11 >= 0) fds.push_back(x11);
        access_->wait(timeoutMs, fds);
    });
}

std::unique_ptr<media::AudioSink> SdlHost::openAudioSink(std::string& error) { return media::openSdlMixerSink(error); }

std::uint64_t SdlHost::ticksMs() const { return SDL_GetTicks64(); }

InputBatch SdlHost::pollInput(int timeoutMs) {
    InputBatch batch;
    for (const SDL_Event& e : events_.next(timeoutMs)) {
        window_->processEvent(e);
        // Orca speaks the focused control once the window says it is active.
        if (access_ && e.type == SDL_WINDOWEVENT && e.window.event == SDL_WINDOWEVENT_FOCUS_GAINED)
            access_->windowActivated();
        batch.closeRequested |= e.type == SDL_QUIT || (e.type == SDL_WINDOWEVENT && e.window.event == SDL_WINDOWEVENT_CLOSE &&
                                                       e.window.windowID == window_->windowId());
        batch.personInput |= isPersonInput(e);
        batch.pressed |= e.type == SDL_KEYDOWN || e.type == SDL_MOUSEBUTTONDOWN || e.type == SDL_FINGERDOWN;
        ++batch.events;
    }
    batch.holdsBack = events_.holdsBack();
    if (access_) {
        std::vector<ui::SemanticRequest> asked = access_->takeRequests();
        if (!asked.empty()) {
            accessRequests_.insert(accessRequests_.end(), asked.begin(), asked.end());
            ++batch.events; // draw the next frame: it carries them out
            batch.personInput = true; // a person, through their screen reader
        }
    }
    return batch;
}

bool SdlHost::adminChordHeld() const {
    const Uint8* keys = SDL_GetKeyboardState(nullptr);
    SDL_Keymod m = SDL_GetModState();
    return keys[SDL_SCANCODE_Q] && (m & KMOD_CTRL) && (m & KMOD_ALT) && (m & KMOD_SHIFT);
}

// The 1.86 SDL backend indexes ImGui's keys by SDL scancode.
bool SdlHost::keyPressed(Key key, bool repeat) const { return ImGui::IsKeyPressed(int(scancodeOf(key)), repeat); }

void SdlHost::windowSize(int& width, int& height) const { SDL_GetWindowSize(window_->sdl(), &width, &height); }

void SdlHost::setTitle(const std::string& title) { SDL_SetWindowTitle(window_->sdl(), title.c_str()); }

bool SdlHost::copyToClipboard(const std::string& text) { return SDL_SetClipboardText(text.c_str()) == 0; }

void SdlHost::holdKioskInFront() { window_->holdKioskInFront(); }

void SdlHost::uploadFontTexture() {
    ImGui_ImplOpenGL3_DestroyFontsTexture();
    ImGui_ImplOpenGL3_CreateFontsTexture();
}

void SdlHost::beginFrame() { window_->beginFrame(); }
void SdlHost::render() { window_->render(); }
void SdlHost::present() { window_->present(); }

void SdlHost::describeFrame(const ui::SemanticTree& tree) {
    if (!access_) return;
    int x = 0, y = 0;
    SDL_GetWindowPosition(window_->sdl(), &x, &y);
    access_->setWindowOrigin(x, y);
    access_->update(tree);
}

std::vector<ui::SemanticRequest> SdlHost::takeAccessRequests() { return std::exchange(accessRequests_, {}); }

bool SdlHost::saveScreenshot(const std::string& path, std::string& error) { return window_->saveScreenshot(path, error); }

int runPlayerApp(const std::vector<std::string>& args, std::ostream& out, std::ostream& err) {
    AppOptions options;
    try {
        options = parseAppOptions(args);
    } catch (const UsageRequest&) {
        out << appUsage();
        return 0;
    } catch (const ArgError& e) {
        err << "listenalong: " << e.what() << "\n";
        return 2;
    }
    int code = 1;
    {
        std::string error;
        std::unique_ptr<SdlHost> host = SdlHost::open({"ListenAlong", options.width, options.height, options.kiosk}, error);
        if (!host) err << "listenalong: " << error << "\n";
        else code = PlayerApp(std::move(options), *host, err).run();
    }
    SDL_Quit();
    return code;
}

} // namespace la::player
