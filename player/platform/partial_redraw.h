#pragma once
// Draws ImGui frames redrawing only the regions FrameDamage reports as
// changed, and shows them. Three ways, best first:
// - on the back buffer itself, shown region by region without a swap
//   (GLX_MESA_copy_sub_buffer: Mesa on X11, software rendering included);
// - into an offscreen framebuffer that keeps its pixels, copied whole to the
//   back buffer and swapped (any OpenGL 3 driver: after a swap the back
//   buffer's contents are undefined, so they cannot be reused);
// - whole frames, straight into the back buffer (switched off, or no
//   framebuffer objects).
//
// Needs the window's OpenGL context current and the ImGui OpenGL3 backend
// initialised.
//
// Size changes: drivers learn the window's new size only at a buffer swap
// (Mesa's software GLX re-reads it on swap and never on a sub-buffer copy),
// so drawing in place after the window grew would copy rectangles of the new
// size out of a back buffer of the old one, which the X server refuses
// (BadValue, X_ShmPutImage) and Xlib ends the program for. So whenever the
// size differs from the one the buffers last took, render() swaps first (the
// back buffer holds what is shown, so nothing visible changes), then draws the
// whole frame at the new size, and the next frames are shown by swaps until
// the driver has settled; no copy ever reaches past the window's real size,
// and a copy the server refuses all the same costs a frame, not the program.

#include "player/platform/frame_damage.h"

#include <memory>
#include <vector>

struct ImDrawData;
struct SDL_Window;

namespace la::player {

struct FramebufferFunctions;
class SubBufferCopy;

class PartialRedraw {
public:
    enum class Mode { InPlace, Offscreen, Whole };

    PartialRedraw();
    ~PartialRedraw();
    PartialRedraw(const PartialRedraw&) = delete;
    PartialRedraw& operator=(const PartialRedraw&) = delete;

    /// Draws `draw` and returns the regions that were drawn (empty: the frame
    /// equals the last one).
    std::vector<PixelRect> render(SDL_Window* window, ImDrawData& draw, int fbWidth, int fbHeight,
                                  const float clear[4]);
    /// Shows what render() drew since the last call.
    void present(SDL_Window* window);
    /// The window system lost what it showed (exposed, restored): show it all.
    void exposed() { showAll_ = true; }

    /// Every region is drawn again on the next frame.
    void invalidate() { damage_.invalidate(); }
    /// Another way of drawing (the best one available is the default); falls
    /// back to a lesser one when the one asked for is unavailable.
    void setMode(Mode mode);
    Mode mode() const { return mode_; }

    /// Reads the last rendered frame as RGBA rows, bottom row first.
    void readPixels(int width, int height, std::vector<unsigned char>& rgba) const;

private:
    Mode bestMode() const;
    bool ensureOffscreen(int fbWidth, int fbHeight);
    void releaseOffscreen();
    void copyOffscreenToBackBuffer();
    void revalidateBuffers(SDL_Window* window, int fbWidth, int fbHeight);
    void drawRects(ImDrawData& draw, const std::vector<PixelRect>& rects, int fbWidth, int fbHeight, const float clear[4]);

    FrameDamage damage_;
    std::unique_ptr<SubBufferCopy> subBuffer_;
    std::unique_ptr<FramebufferFunctions> fb_; ///< null: no framebuffer objects, so no Offscreen mode
    Mode mode_ = Mode::Whole;
    unsigned framebuffer_ = 0, texture_ = 0;
    int width_ = 0, height_ = 0;
    std::vector<PixelRect> unshown_; ///< drawn but not yet shown (in place)
    int sdlWidth_ = 0, sdlHeight_ = 0;         ///< SDL's drawable size at the last size change
    int buffersWidth_ = 0, buffersHeight_ = 0; ///< the window's real size then (in place)
    static constexpr int kSwapsAfterResize = 2;
    int swapsLeft_ = 0; ///< frames still shown by a swap after a size change (in place)
    bool showAll_ = true, changed_ = true, reshowAfterSwap_ = false;
};

} // namespace la::player
