#pragma once
// Which parts of the screen an ImGui frame changes compared with the frame
// before. With software rendering (llvmpipe) filling pixels is nearly all of a
// frame's cost, and while the episode plays most frames differ only in a word
// highlight, the clock and the seek bar: redrawing only those regions is what
// keeps a playing player under a few percent of a core.
//
// The screen is cut into tiles; each tile gets a hash of every triangle that
// touches it, in drawing order (positions, texture coordinates, colours,
// texture, clip). A tile whose hash is unchanged would be drawn with the same
// pixels, so it need not be drawn again. Nothing here knows what the views
// draw, so no view can forget to report a change.

#include <cstdint>
#include <vector>

struct ImDrawData;

namespace la::player {

/// A rectangle in framebuffer pixels, top-left origin, [x0, x1) × [y0, y1).
struct PixelRect {
    int x0 = 0, y0 = 0, x1 = 0, y1 = 0;
    bool operator==(const PixelRect&) const = default;
    int width() const { return x1 - x0; }
    int height() const { return y1 - y0; }
};

class FrameDamage {
public:
    static constexpr int kTile = 32; ///< tile edge in pixels

    /// Hashes `draw` and returns the regions that differ from the previous
    /// call, as at most `maxRects` rectangles covering every changed tile
    /// (merged into one bounding box beyond that). The whole framebuffer is
    /// returned on the first call, after `invalidate()`, when the size or the
    /// clear colour changed, and for frames with draw callbacks. An empty
    /// result means the frame looks exactly like the last one.
    std::vector<PixelRect> update(const ImDrawData& draw, int fbWidth, int fbHeight, uint32_t clearColour,
                                  int maxRects = 4);

    /// The next update returns the whole framebuffer (the pixels kept from
    /// earlier frames can no longer be trusted, e.g. the font texture changed).
    void invalidate() { valid_ = false; }

private:
    bool hashTiles(const ImDrawData& draw, uint64_t seed);

    int fbWidth_ = 0, fbHeight_ = 0, cols_ = 0, rows_ = 0;
    bool valid_ = false;
    std::vector<uint64_t> tiles_, previous_;
};

/// Merges a grid of changed tiles (row-major, `cols` wide) into rectangles in
/// pixels, clipped to the framebuffer: runs along each row, then runs with the
/// same columns on consecutive rows. Beyond `maxRects` it returns their
/// bounding box.
std::vector<PixelRect> mergeChangedTiles(const std::vector<bool>& changed, int cols, int tile, int fbWidth,
                                         int fbHeight, int maxRects);

} // namespace la::player
