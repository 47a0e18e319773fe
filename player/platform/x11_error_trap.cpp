#include "player/platform/x11_error_trap.h"

#include <X11/Xlib.h>

namespace la::player {
namespace {

int g_error = 0; // Xlib calls handlers without a context pointer

int record(Display*, XErrorEvent* e) {
    if (!g_error) g_error = e->error_code;
    return 0;
}

} // namespace

X11ErrorTrap::X11ErrorTrap(void* display) : display_(display) {
    XSync(static_cast<Display*>(display_), False);
    g_error = 0;
    previous_ = reinterpret_cast<void*>(XSetErrorHandler(record));
}

int X11ErrorTrap::error() {
    XSync(static_cast<Display*>(display_), False);
    synced_ = true;
    return g_error;
}

// A round trip per sync: none again if error() has just waited (each present
// goes through here).
X11ErrorTrap::~X11ErrorTrap() {
    if (!synced_) XSync(static_cast<Display*>(display_), False);
    XSetErrorHandler(reinterpret_cast<XErrorHandler>(previous_));
}

} // namespace la::player
