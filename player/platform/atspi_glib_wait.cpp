#include "player/platform/atspi_glib_wait.h"

#include <glib.h>

#include <algorithm>

namespace la::player {

bool waitInGlibPoll(int timeoutMs, const std::vector<int>& extraFds, const std::function<bool()>& stop) {
    GMainContext* context = g_main_context_default();
    if (!g_main_context_acquire(context)) return false; // another thread runs it: nothing of ours to serve
    const gint64 deadline = g_get_monotonic_time() + gint64(std::max(timeoutMs, 0)) * 1000;
    std::vector<GPollFD> fds(16);
    bool readable = false;
    for (;;) {
        gint priority = 0, glibTimeout = -1;
        g_main_context_prepare(context, &priority);
        gint n;
        while ((n = g_main_context_query(context, priority, &glibTimeout, fds.data(), gint(fds.size()))) > gint(fds.size()))
            fds.resize(size_t(n));
        fds.resize(size_t(n) + extraFds.size());
        for (size_t k = 0; k < extraFds.size(); ++k) fds[size_t(n) + k] = GPollFD{extraFds[k], G_IO_IN, 0};

        const gint64 leftUs = std::max<gint64>(deadline - g_get_monotonic_time(), 0);
        gint sleepMs = gint((leftUs + 999) / 1000);
        if (glibTimeout >= 0) sleepMs = std::min(sleepMs, glibTimeout);
        if (stop()) sleepMs = 0; // already asked for: serve GLib once and return
        g_poll(fds.data(), guint(fds.size()), sleepMs);
        g_main_context_check(context, priority, fds.data(), n);
        g_main_context_dispatch(context);

        for (size_t k = 0; k < extraFds.size(); ++k)
            readable = readable || (fds[size_t(n) + k].revents & (G_IO_IN | G_IO_HUP | G_IO_ERR));
        if (readable || stop() || g_get_monotonic_time() >= deadline) break;
    }
    g_main_context_release(context);
    return readable;
}

} // namespace la::player
