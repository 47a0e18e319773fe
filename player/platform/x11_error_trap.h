#pragma once
// Xlib's default error handler ends the program. Requests that may be refused
// for reasons outside the program's control (a window resized or unmapped by
// someone else meanwhile) run inside a trap instead, which records their
// errors, and only theirs, and lets the caller carry on.
//
// Kept apart so the X11 headers stay out of everything else: the display is
// passed as Xlib's Display*, typed void* here.

namespace la::player {

class X11ErrorTrap {
public:
    /// Sends and waits out everything queued so far (its errors go to the
    /// usual handler), then starts recording.
    explicit X11ErrorTrap(void* display);
    /// Waits for the requests made inside, puts the usual handler back.
    ~X11ErrorTrap();
    X11ErrorTrap(const X11ErrorTrap&) = delete;
    X11ErrorTrap& operator=(const X11ErrorTrap&) = delete;

    /// The first X error code recorded so far (0: none); waits for the
    /// requests made inside. Make no more requests inside after it.
    int error();

private:
    void* display_;
    void* previous_;
    bool synced_ = false;
};

} // namespace la::player
