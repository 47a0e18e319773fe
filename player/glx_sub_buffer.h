#pragma once
// Showing part of the back buffer without a swap (GLX_MESA_copy_sub_buffer,
// which Mesa offers on X11, software rendering included). Without a swap the
// back buffer keeps the last frame, so only changed regions need drawing and
// only they travel to the X server.
//
// Kept apart so the X11 headers (and their macros) stay out of everything else.

#include "player/frame_damage.h"

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
    virtual void copy(const std::vector<PixelRect>& rects, int fbHeight) = 0;
};

} // namespace la::player
