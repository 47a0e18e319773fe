#pragma once
// Showing part of the back buffer without a swap (GLX_MESA_copy_sub_buffer,
// which Mesa offers on X11, software rendering included). Without a swap the
// back buffer keeps the last frame, so only changed regions need drawing and
// only they travel to the X server.
//
// Kept apart so the X11 headers (and their macros) stay out of everything else.

#include "player/platform/frame_damage.h"

#include <memory>
#include <vector>

namespace la::player {

class SubBufferCopy {
public:
    /// For the current OpenGL context: nullptr when it is not GLX or the
    /// extension is missing (EGL, Wayland, other drivers).
    static std::unique_ptr<SubBufferCopy> detect();
    virtual ~SubBufferCopy() = default;
    /// Copies `rects` (top-left origin) from the back to the front buffer.
    /// False when the X server refused a copy (reported, not fatal).
    virtual bool copy(const std::vector<PixelRect>& rects, int fbHeight) = 0;
    /// The window's size as the X server has it, which is what the driver
    /// sizes its buffers by (SDL's idea of it can differ, e.g. a fullscreen
    /// request no window manager carried out). False if unknown.
    virtual bool drawableSize(int& width, int& height) = 0;
};

} // namespace la::player
