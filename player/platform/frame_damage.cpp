#include "player/platform/frame_damage.h"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstring>

namespace la::player {
namespace {

uint64_t mix(uint64_t h, uint64_t v) {
    // splitmix64's finaliser over the running hash: order-sensitive, so the
    // same triangles drawn in another order (another blend) hash differently.
    h ^= v + 0x9e3779b97f4a7c15ull + (h << 6) + (h >> 2);
    h ^= h >> 30;
    h *= 0xbf58476d1ce4e5b9ull;
    h ^= h >> 27;
    h *= 0x94d049bb133111ebull;
    return h ^ (h >> 31);
}

uint64_t bitsOf(float f) {
    uint32_t u;
    std::memcpy(&u, &f, sizeof u);
    return u;
}

uint64_t hashVertex(uint64_t h, const ImDrawVert& v) {
    h = mix(h, bitsOf(v.pos.x) | bitsOf(v.pos.y) << 32);
    h = mix(h, bitsOf(v.uv.x) | bitsOf(v.uv.y) << 32);
    return mix(h, v.col);
}

int64_t area(const PixelRect& r) { return int64_t(r.width()) * r.height(); }

PixelRect unite(const PixelRect& a, const PixelRect& b) {
    return {std::min(a.x0, b.x0), std::min(a.y0, b.y0), std::max(a.x1, b.x1), std::max(a.y1, b.y1)};
}

} // namespace

std::vector<PixelRect> mergeChangedTiles(const std::vector<bool>& changed, int cols, int tile, int fbWidth,
                                         int fbHeight, int maxRects) {
    struct Run { int c0, c1, r0, r1; }; // tiles [c0, c1) × [r0, r1)
    std::vector<Run> done, open;
    const int rows = cols > 0 ? int(changed.size()) / cols : 0;
    for (int r = 0; r < rows; ++r) {
        std::vector<Run> next;
        for (int c = 0; c < cols;) {
            if (!changed[size_t(r) * cols + c]) { ++c; continue; }
            int c1 = c;
            while (c1 < cols && changed[size_t(r) * cols + c1]) ++c1;
            auto same = std::find_if(open.begin(), open.end(), [&](const Run& o) { return o.c0 == c && o.c1 == c1; });
            if (same != open.end()) {
                next.push_back({c, c1, same->r0, r + 1});
                open.erase(same);
            } else {
                next.push_back({c, c1, r, r + 1});
            }
            c = c1;
        }
        done.insert(done.end(), open.begin(), open.end());
        open = std::move(next);
    }
    done.insert(done.end(), open.begin(), open.end());

    std::vector<PixelRect> rects;
    for (const Run& run : done) {
        rects.push_back({run.c0 * tile, run.r0 * tile, std::min(run.c1 * tile, fbWidth), std::min(run.r1 * tile, fbHeight)});
    }
    // Too many pieces: join the two whose union wastes the fewest pixels, until
    // few enough remain (each piece costs a pass over the draw commands).
    maxRects = std::max(maxRects, 1);
    if (rects.size() > 64) {
        PixelRect all = rects.front();
        for (const PixelRect& r : rects) all = unite(all, r);
        return {all};
    }
    while (int(rects.size()) > maxRects) {
        size_t bi = 0, bj = 1;
        int64_t best = INT64_MAX;
        for (size_t i = 0; i < rects.size(); ++i) {
            for (size_t j = i + 1; j < rects.size(); ++j) {
                int64_t waste = area(unite(rects[i], rects[j])) - area(rects[i]) - area(rects[j]);
                if (waste < best) best = waste, bi = i, bj = j;
            }
        }
        rects[bi] = unite(rects[bi], rects[bj]);
        rects.erase(rects.begin() + long(bj));
    }
    return rects;
}

bool FrameDamage::hashTiles(const ImDrawData& draw, uint64_t seed) {
    std::fill(tiles_.begin(), tiles_.end(), seed);
    const ImVec2 off = draw.DisplayPos, scale = draw.FramebufferScale;
    for (int l = 0; l < draw.CmdListsCount; ++l) {
        const ImDrawList& list = *draw.CmdLists[l];
        for (const ImDrawCmd& cmd : list.CmdBuffer) {
            if (cmd.UserCallback) return false; // cannot know what it draws
            // The clip rectangle as the OpenGL backend turns it into a scissor box.
            const float cx0 = std::max((cmd.ClipRect.x - off.x) * scale.x, 0.0f);
            const float cy0 = std::max((cmd.ClipRect.y - off.y) * scale.y, 0.0f);
            const float cx1 = std::min((cmd.ClipRect.z - off.x) * scale.x, float(fbWidth_));
            const float cy1 = std::min((cmd.ClipRect.w - off.y) * scale.y, float(fbHeight_));
            if (cx1 <= cx0 || cy1 <= cy0) continue;
            uint64_t cmdHash = mix(uint64_t(reinterpret_cast<uintptr_t>(cmd.TextureId)),
                                   bitsOf(cx0) | bitsOf(cy0) << 32);
            cmdHash = mix(cmdHash, bitsOf(cx1) | bitsOf(cy1) << 32);
            for (unsigned i = 0; i + 2 < cmd.ElemCount; i += 3) {
                const ImDrawVert* v[3];
                for (int k = 0; k < 3; ++k) v[k] = &list.VtxBuffer[int(cmd.VtxOffset + list.IdxBuffer[int(cmd.IdxOffset + i + k)])];
                float x0 = v[0]->pos.x, x1 = x0, y0 = v[0]->pos.y, y1 = y0;
                uint64_t h = cmdHash;
                for (const ImDrawVert* p : v) {
                    x0 = std::min(x0, p->pos.x), x1 = std::max(x1, p->pos.x);
                    y0 = std::min(y0, p->pos.y), y1 = std::max(y1, p->pos.y);
                    h = hashVertex(h, *p);
                }
                // Pixels the triangle can touch: its box, a pixel wider for
                // rasterisation rules, inside the scissor box.
                const float px0 = std::max((x0 - off.x) * scale.x - 1, cx0), px1 = std::min((x1 - off.x) * scale.x + 1, cx1);
                const float py0 = std::max((y0 - off.y) * scale.y - 1, cy0), py1 = std::min((y1 - off.y) * scale.y + 1, cy1);
                if (px1 <= px0 || py1 <= py0) continue;
                const int tc0 = int(px0) / kTile, tc1 = std::min(int(std::ceil(px1)) / kTile, cols_ - 1);
                const int tr0 = int(py0) / kTile, tr1 = std::min(int(std::ceil(py1)) / kTile, rows_ - 1);
                for (int r = tr0; r <= tr1; ++r) {
                    for (int c = tc0; c <= tc1; ++c) {
                        uint64_t& t = tiles_[size_t(r) * cols_ + c];
                        t = mix(t, h);
                    }
                }
            }
        }
    }
    return true;
}

std::vector<PixelRect> FrameDamage::update(const ImDrawData& draw, int fbWidth, int fbHeight, uint32_t clearColour,
                                           int maxRects) {
    const PixelRect whole{0, 0, fbWidth, fbHeight};
    if (fbWidth <= 0 || fbHeight <= 0) return {};
    if (fbWidth != fbWidth_ || fbHeight != fbHeight_) {
        fbWidth_ = fbWidth, fbHeight_ = fbHeight;
        cols_ = (fbWidth + kTile - 1) / kTile, rows_ = (fbHeight + kTile - 1) / kTile;
        tiles_.assign(size_t(cols_) * rows_, 0);
        previous_.assign(tiles_.size(), 0);
        valid_ = false;
    }
    if (!hashTiles(draw, mix(0x4c697374656e416cull, clearColour))) {
        valid_ = false; // and next frame too: the callback's pixels were not hashed
        return {whole};
    }
    std::vector<bool> changed(tiles_.size());
    bool any = false;
    for (size_t i = 0; i < tiles_.size(); ++i) any |= changed[i] = tiles_[i] != previous_[i];
    tiles_.swap(previous_);
    if (!valid_) {
        valid_ = true;
        return {whole};
    }
    if (!any) return {};
    return mergeChangedTiles(changed, cols_, kTile, fbWidth, fbHeight, maxRects);
}

} // namespace la::player
