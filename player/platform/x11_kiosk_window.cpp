#include "player/platform/x11_kiosk_window.h"

#include "player/platform/x11_error_trap.h"

#include <SDL.h>
#include <SDL_syswm.h>

#include <X11/Xatom.h>
#include <X11/Xlib.h>

namespace la::player {
namespace {

struct X11Window {
    Display* display = nullptr;
    Window window = 0;
    explicit operator bool() const { return display && window; }
};

X11Window x11Of(SDL_Window* window) {
    SDL_SysWMinfo info;
    SDL_VERSION(&info.version);
    if (!window || !SDL_GetWindowWMInfo(window, &info) || info.subsystem != SDL_SYSWM_X11) return {};
    return {info.info.x11.display, info.info.x11.window};
}

// A window manager changes a managed window on request only (EWMH client
// messages to the root window).
void request(const X11Window& x, const char* type, long a, long b = 0, long c = 0, long d = 0) {
    XEvent e{};
    e.xclient.type = ClientMessage;
    e.xclient.window = x.window;
    e.xclient.message_type = XInternAtom(x.display, type, False);
    e.xclient.format = 32;
    e.xclient.data.l[0] = a, e.xclient.data.l[1] = b, e.xclient.data.l[2] = c, e.xclient.data.l[3] = d;
    XSendEvent(x.display, DefaultRootWindow(x.display), False, SubstructureRedirectMask | SubstructureNotifyMask, &e);
}

} // namespace

void lockKioskWindow(SDL_Window* window) {
    const X11Window x = x11Of(window);
    if (!x) return;
    // Motif hints: flags (functions | decorations), functions, decorations,
    // input mode, status. Functions without MWM_FUNC_ALL list what is
    // allowed: nothing (no move 4, resize 2, minimise 8, maximise 16, close 32;
    // the kiosk ignores close requests anyway). No decorations.
    const long hints[5] = {1 | 2, 0, 0, 0, 0};
    const Atom motif = XInternAtom(x.display, "_MOTIF_WM_HINTS", False);
    XChangeProperty(x.display, x.window, motif, motif, 32, PropModeReplace,
                    reinterpret_cast<const unsigned char*>(hints), 5);
    // Above other windows, and on every desktop (0xFFFFFFFF; window managers
    // without _NET_WM_STATE_STICKY, openbox among them, know only this), so
    // switching desktops never hides it. 1: the request is an application's.
    request(x, "_NET_WM_STATE", 1 /* add */, long(XInternAtom(x.display, "_NET_WM_STATE_ABOVE", False)),
            long(XInternAtom(x.display, "_NET_WM_STATE_STICKY", False)), 1);
    request(x, "_NET_WM_DESKTOP", 0xFFFFFFFFL, 1);
    request(x, "_NET_WM_STATE", 1, long(XInternAtom(x.display, "_NET_WM_STATE_FULLSCREEN", False)), 0, 1);
    XFlush(x.display);
}

bool placeKioskWindow(SDL_Window* window, int x, int y, int w, int h) {
    const X11Window xw = x11Of(window);
    if (!xw) return false;
    XWindowAttributes a;
    if (!XGetWindowAttributes(xw.display, xw.window, &a)) return false;
    Window child;
    int rootX = 0, rootY = 0;
    XTranslateCoordinates(xw.display, xw.window, a.root, 0, 0, &rootX, &rootY, &child);
    if (rootX == x && rootY == y && a.width == w && a.height == h) return false;
    XMoveResizeWindow(xw.display, xw.window, x, y, unsigned(w), unsigned(h));
    XFlush(xw.display);
    return true;
}

void showKioskWindow(SDL_Window* window) {
    const X11Window x = x11Of(window);
    if (!x) return;
    // Mapping is how ICCCM un-iconifies; _NET_ACTIVE_WINDOW brings it back
    // from "show desktop" or another desktop as well (SDL sends that only for
    // windows that are mapped, and a hidden one is not).
    XMapRaised(x.display, x.window);
    request(x, "_NET_ACTIVE_WINDOW", 1 /* an application */, CurrentTime);
    XWindowAttributes a;
    if (XGetWindowAttributes(x.display, x.window, &a) && a.map_state == IsViewable) {
        X11ErrorTrap trap(x.display); // it may be unmapped in between: not fatal
        XSetInputFocus(x.display, x.window, RevertToParent, CurrentTime);
    }
    XFlush(x.display);
}

} // namespace la::player
