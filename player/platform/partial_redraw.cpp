#include "player/platform/partial_redraw.h"

#include "player/platform/glx_sub_buffer.h"

#include <SDL.h>
#include <SDL_opengl.h>
#include <backends/imgui_impl_opengl3.h>
#include <imgui.h>

#include <algorithm>
#include <cmath>

namespace la::player {

// Framebuffer objects are OpenGL 3.0 core, outside the 1.1 functions that
// libGL exports directly: look them up through SDL like the ImGui backend does
// with its own loader. Each PartialRedraw looks them up when it is made (its
// window's context current) and owns them: no table shared behind its back.
struct FramebufferFunctions {
    PFNGLGENFRAMEBUFFERSPROC gen = nullptr;
    PFNGLDELETEFRAMEBUFFERSPROC del = nullptr;
    PFNGLBINDFRAMEBUFFERPROC bind = nullptr;
    PFNGLFRAMEBUFFERTEXTURE2DPROC attach = nullptr;
    PFNGLCHECKFRAMEBUFFERSTATUSPROC status = nullptr;
    PFNGLBLITFRAMEBUFFERPROC blit = nullptr;

    /// All six from the current context, or nullptr when any is missing.
    static std::unique_ptr<FramebufferFunctions> load() {
        auto f = std::make_unique<FramebufferFunctions>();
        f->gen = reinterpret_cast<PFNGLGENFRAMEBUFFERSPROC>(SDL_GL_GetProcAddress("glGenFramebuffers"));
        f->del = reinterpret_cast<PFNGLDELETEFRAMEBUFFERSPROC>(SDL_GL_GetProcAddress("glDeleteFramebuffers"));
        f->bind = reinterpret_cast<PFNGLBINDFRAMEBUFFERPROC>(SDL_GL_GetProcAddress("glBindFramebuffer"));
        f->attach = reinterpret_cast<PFNGLFRAMEBUFFERTEXTURE2DPROC>(SDL_GL_GetProcAddress("glFramebufferTexture2D"));
        f->status = reinterpret_cast<PFNGLCHECKFRAMEBUFFERSTATUSPROC>(SDL_GL_GetProcAddress("glCheckFramebufferStatus"));
        f->blit = reinterpret_cast<PFNGLBLITFRAMEBUFFERPROC>(SDL_GL_GetProcAddress("glBlitFramebuffer"));
        if (!(f->gen && f->del && f->bind && f->attach && f->status && f->blit)) return nullptr;
        return f;
    }
};

namespace {

uint32_t packColour(const float c[4]) {
    auto byte = [](float v) { return uint32_t(std::lround(std::clamp(v, 0.0f, 1.0f) * 255)); };
    return byte(c[0]) | byte(c[1]) << 8 | byte(c[2]) << 16 | byte(c[3]) << 24;
}

void clearRect(const PixelRect& r, int fbHeight, const float clear[4]) {
    glEnable(GL_SCISSOR_TEST);
    glScissor(r.x0, fbHeight - r.y1, r.width(), r.height());
    glClearColor(clear[0], clear[1], clear[2], 1.0f);
    glClear(GL_COLOR_BUFFER_BIT);
    glDisable(GL_SCISSOR_TEST);
}

} // namespace

PartialRedraw::PartialRedraw() {
    fb_ = FramebufferFunctions::load();
    subBuffer_ = SubBufferCopy::detect();
    mode_ = bestMode();
}

PartialRedraw::~PartialRedraw() { releaseOffscreen(); }

PartialRedraw::Mode PartialRedraw::bestMode() const {
    if (subBuffer_) return Mode::InPlace;
    if (fb_) return Mode::Offscreen;
    return Mode::Whole;
}

void PartialRedraw::setMode(Mode mode) {
    if (mode == Mode::InPlace && !subBuffer_) mode = Mode::Offscreen;
    if (mode == Mode::Offscreen && !fb_) mode = Mode::Whole;
    mode_ = mode;
    if (mode_ != Mode::Offscreen) releaseOffscreen();
    damage_.invalidate();
    showAll_ = true;
    sdlWidth_ = sdlHeight_ = 0; // in place starts with a swap
}

void PartialRedraw::releaseOffscreen() {
    if (framebuffer_) fb_->del(1, &framebuffer_);
    if (texture_) glDeleteTextures(1, &texture_);
    framebuffer_ = texture_ = 0;
    width_ = height_ = 0;
}

bool PartialRedraw::ensureOffscreen(int fbWidth, int fbHeight) {
    if (framebuffer_ && width_ == fbWidth && height_ == fbHeight) return true;
    releaseOffscreen();
    glGenTextures(1, &texture_);
    glBindTexture(GL_TEXTURE_2D, texture_);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_NEAREST);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_NEAREST);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, fbWidth, fbHeight, 0, GL_RGBA, GL_UNSIGNED_BYTE, nullptr);
    fb_->gen(1, &framebuffer_);
    fb_->bind(GL_FRAMEBUFFER, framebuffer_);
    fb_->attach(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_TEXTURE_2D, texture_, 0);
    const bool complete = fb_->status(GL_FRAMEBUFFER) == GL_FRAMEBUFFER_COMPLETE;
    fb_->bind(GL_FRAMEBUFFER, 0);
    if (!complete) {
        releaseOffscreen();
        return false;
    }
    width_ = fbWidth, height_ = fbHeight;
    damage_.invalidate(); // a new texture holds nothing yet
    return true;
}

// Each region is cleared and the whole frame is drawn into it with every
// command clipped to it, so what lands there is exactly what a full redraw
// would put there (regions may overlap: each is complete on its own).
void PartialRedraw::drawRects(ImDrawData& draw, const std::vector<PixelRect>& rects, int fbWidth, int fbHeight,
                              const float clear[4]) {
    glViewport(0, 0, fbWidth, fbHeight);
    const ImVec2 off = draw.DisplayPos, scale = draw.FramebufferScale;
    for (const PixelRect& rect : rects) {
        clearRect(rect, fbHeight, clear);
        if (rect == PixelRect{0, 0, fbWidth, fbHeight}) {
            ImGui_ImplOpenGL3_RenderDrawData(&draw);
            continue;
        }
        const ImVec4 limit{rect.x0 / scale.x + off.x, rect.y0 / scale.y + off.y, rect.x1 / scale.x + off.x,
                           rect.y1 / scale.y + off.y};
        std::vector<ImVector<ImDrawCmd>> saved(size_t(draw.CmdListsCount));
        for (int l = 0; l < draw.CmdListsCount; ++l) {
            ImVector<ImDrawCmd>& cmds = draw.CmdLists[l]->CmdBuffer;
            ImVector<ImDrawCmd> clipped;
            for (const ImDrawCmd& cmd : cmds) {
                ImDrawCmd c = cmd;
                c.ClipRect = {std::max(c.ClipRect.x, limit.x), std::max(c.ClipRect.y, limit.y),
                              std::min(c.ClipRect.z, limit.z), std::min(c.ClipRect.w, limit.w)};
                if (c.ClipRect.z > c.ClipRect.x && c.ClipRect.w > c.ClipRect.y) clipped.push_back(c);
            }
            saved[size_t(l)].swap(cmds);
            cmds.swap(clipped);
        }
        ImGui_ImplOpenGL3_RenderDrawData(&draw);
        for (int l = 0; l < draw.CmdListsCount; ++l) draw.CmdLists[l]->CmdBuffer.swap(saved[size_t(l)]);
    }
}

// The swap shows the back buffer, which in place holds exactly what is shown
// already; drivers then take the new size on the next draw. Whatever the
// buffers held before is gone or of the old size: the frame is drawn whole.
// The next frames are shown by swaps too: right after a size change Mesa's
// software GLX still copies sub-buffers at the old height (measured: after
// leaving fullscreen the copy showed the old frame's corner), while a swap
// shows the whole back buffer at its own size.
void PartialRedraw::revalidateBuffers(SDL_Window* window, int fbWidth, int fbHeight) {
    SDL_GL_SwapWindow(window);
    swapsLeft_ = kSwapsAfterResize;
    sdlWidth_ = fbWidth, sdlHeight_ = fbHeight;
    if (!subBuffer_->drawableSize(buffersWidth_, buffersHeight_)) buffersWidth_ = fbWidth, buffersHeight_ = fbHeight;
    damage_.invalidate();
    unshown_.clear();
    showAll_ = true;
}

std::vector<PixelRect> PartialRedraw::render(SDL_Window* window, ImDrawData& draw, int fbWidth, int fbHeight,
                                             const float clear[4]) {
    const PixelRect whole{0, 0, fbWidth, fbHeight};
    if (fbWidth <= 0 || fbHeight <= 0) return {};
    if (fbWidth != sdlWidth_ || fbHeight != sdlHeight_) {
        if (mode_ == Mode::InPlace) {
            revalidateBuffers(window, fbWidth, fbHeight);
        } else {
            // This frame's swap makes the driver take the new size, possibly
            // after it was drawn at the old one: it is shown once more after.
            sdlWidth_ = fbWidth, sdlHeight_ = fbHeight;
            reshowAfterSwap_ = true;
        }
    }
    if (mode_ == Mode::Offscreen && !ensureOffscreen(fbWidth, fbHeight)) mode_ = Mode::Whole;
    if (mode_ == Mode::Whole) {
        drawRects(draw, {whole}, fbWidth, fbHeight, clear);
        changed_ = true;
        return {whole};
    }
    std::vector<PixelRect> rects = damage_.update(draw, fbWidth, fbHeight, packColour(clear));
    if (rects.empty()) return rects;
    changed_ = true;
    if (mode_ == Mode::InPlace) {
        drawRects(draw, rects, fbWidth, fbHeight, clear);
        unshown_.insert(unshown_.end(), rects.begin(), rects.end());
        return rects;
    }
    fb_->bind(GL_FRAMEBUFFER, framebuffer_);
    drawRects(draw, rects, fbWidth, fbHeight, clear);
    fb_->bind(GL_FRAMEBUFFER, 0);
    copyOffscreenToBackBuffer();
    return rects;
}

// The back buffer is undefined after every swap: the whole frame is copied.
void PartialRedraw::copyOffscreenToBackBuffer() {
    fb_->bind(GL_READ_FRAMEBUFFER, framebuffer_);
    fb_->bind(GL_DRAW_FRAMEBUFFER, 0);
    fb_->blit(0, 0, width_, height_, 0, 0, width_, height_, GL_COLOR_BUFFER_BIT, GL_NEAREST);
    fb_->bind(GL_FRAMEBUFFER, 0);
}

void PartialRedraw::present(SDL_Window* window) {
    if (mode_ == Mode::InPlace && swapsLeft_ > 0) {
        SDL_GL_SwapWindow(window);
        --swapsLeft_;
        // The back buffer is undefined after a swap: draw and show it all next.
        damage_.invalidate();
        unshown_.clear();
        showAll_ = true;
        return;
    }
    if (mode_ == Mode::InPlace) {
        const PixelRect buffers{0, 0, buffersWidth_, buffersHeight_};
        if (showAll_) unshown_ = {buffers};
        // Never past the size the buffers took at the last swap.
        std::vector<PixelRect> inside;
        for (const PixelRect& r : unshown_) {
            PixelRect c{std::max(r.x0, 0), std::max(r.y0, 0), std::min(r.x1, buffers.x1), std::min(r.y1, buffers.y1)};
            if (c.width() > 0 && c.height() > 0) inside.push_back(c);
        }
        unshown_.clear();
        showAll_ = false;
        // Refused all the same (the window changed size in between): the next
        // frame swaps and is drawn whole.
        if (!subBuffer_->copy(inside, buffersHeight_)) sdlWidth_ = sdlHeight_ = 0;
        return;
    }
    // An unchanged frame is not sent again: with software rendering the copy
    // to the window costs as much as drawing a small change.
    if (!changed_ && !showAll_) return;
    if (!changed_ && mode_ == Mode::Offscreen && framebuffer_) copyOffscreenToBackBuffer();
    SDL_GL_SwapWindow(window);
    changed_ = false;
    showAll_ = reshowAfterSwap_;
    reshowAfterSwap_ = false;
}

void PartialRedraw::readPixels(int width, int height, std::vector<unsigned char>& rgba) const {
    rgba.assign(size_t(width) * size_t(height) * 4, 0);
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    if (mode_ == Mode::Offscreen && framebuffer_) {
        fb_->bind(GL_READ_FRAMEBUFFER, framebuffer_);
        glReadPixels(0, 0, width, height, GL_RGBA, GL_UNSIGNED_BYTE, rgba.data());
        fb_->bind(GL_READ_FRAMEBUFFER, 0);
    } else {
        glReadBuffer(GL_BACK);
        glReadPixels(0, 0, width, height, GL_RGBA, GL_UNSIGNED_BYTE, rgba.data());
    }
}

} // namespace la::player
