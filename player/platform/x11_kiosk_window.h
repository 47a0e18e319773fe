#pragma once
// What only Xlib can tell a window manager about the kiosk window: offer no
// move, resize or iconify, keep it above other windows and on every desktop;
// and, with no window manager at all, make it cover the screen itself.
// Kept apart so the X11 headers (and their macros) stay out of everything
// else; every function does nothing when the window is not an X11 one.

struct SDL_Window;

namespace la::player {

/// Motif function hints (no move, resize, minimise, maximise), and requests
/// for fullscreen, above other windows and on every desktop. Safe to repeat.
void lockKioskWindow(SDL_Window* window);

/// Moves and sizes the X window itself to x, y, w, h when it is not there
/// (SDL only asks a window manager for fullscreen, and with none nothing
/// happens). True if it was moved.
bool placeKioskWindow(SDL_Window* window, int x, int y, int w, int h);

/// Maps and raises the window, asks the window manager to show and activate
/// it wherever it went, and gives it the keyboard focus if it is on screen.
/// Never waits for the window manager.
void showKioskWindow(SDL_Window* window);

} // namespace la::player
