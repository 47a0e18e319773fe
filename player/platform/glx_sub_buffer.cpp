#include "player/platform/glx_sub_buffer.h"

#include "player/platform/x11_error_trap.h"

#include <GL/glx.h>

#include <cstring>

namespace la::player {
namespace {

bool hasExtension(const char* list, const char* name) {
    const size_t n = std::strlen(name);
    for (const char* p = list; p && (p = std::strstr(p, name)); p += n) {
        if ((p == list || p[-1] == ' ') && (p[n] == ' ' || p[n] == '\0')) return true;
    }
    return false;
}

class GlxSubBufferCopy final : public SubBufferCopy {
public:
    GlxSubBufferCopy(Display* display, GLXDrawable drawable, PFNGLXCOPYSUBBUFFERMESAPROC fn)
        : display_(display), drawable_(drawable), copy_(fn) {}

    bool copy(const std::vector<PixelRect>& rects, int fbHeight) override {
        // A copy the server refuses (the window changed size after the
        // buffers took theirs) only costs a frame, never the program.
        X11ErrorTrap trap(display_);
        for (const PixelRect& r : rects) copy_(display_, drawable_, r.x0, fbHeight - r.y1, r.width(), r.height());
        return trap.error() == 0;
    }

    bool drawableSize(int& width, int& height) override {
        Window root;
        int x, y;
        unsigned w = 0, h = 0, border, depth;
        if (!XGetGeometry(display_, drawable_, &root, &x, &y, &w, &h, &border, &depth)) return false;
        width = int(w), height = int(h);
        return true;
    }

private:
    Display* display_;
    GLXDrawable drawable_;
    PFNGLXCOPYSUBBUFFERMESAPROC copy_;
};

} // namespace

std::unique_ptr<SubBufferCopy> SubBufferCopy::detect() {
    if (!glXGetCurrentContext()) return nullptr;
    Display* display = glXGetCurrentDisplay();
    GLXDrawable drawable = glXGetCurrentDrawable();
    if (!display || !drawable) return nullptr;
    if (!hasExtension(glXQueryExtensionsString(display, DefaultScreen(display)), "GLX_MESA_copy_sub_buffer")) return nullptr;
    auto fn = reinterpret_cast<PFNGLXCOPYSUBBUFFERMESAPROC>(
        glXGetProcAddressARB(reinterpret_cast<const GLubyte*>("glXCopySubBufferMESA")));
    if (!fn) return nullptr;
    return std::make_unique<GlxSubBufferCopy>(display, drawable, fn);
}

} // namespace la::player
