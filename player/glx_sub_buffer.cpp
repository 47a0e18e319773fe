#include "player/glx_sub_buffer.h"

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

    void copy(const std::vector<PixelRect>& rects, int fbHeight) override {
        for (const PixelRect& r : rects) copy_(display_, drawable_, r.x0, fbHeight - r.y1, r.width(), r.height());
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
