#pragma once
// A private X server (Xvfb) of a chosen screen size, optionally with a stock
// window manager (openbox), for tests that need another screen than the
// suite's 1280x800 one; and what the X server shows of a window, read with
// xwd, to compare with what the program drew.
//
// Commands for this server are run with run()/output(), which set DISPLAY;
// the suite's own DISPLAY is left alone.

#include "support/x11_session.h"

#include <stb_image.h>

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <string>
#include <vector>

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

namespace la::test {

/// RGB pixels, top row first.
struct RgbImage {
    int width = 0, height = 0;
    std::vector<unsigned char> rgb;
    bool empty() const { return rgb.empty(); }
};

inline RgbImage loadPng(const std::string& path) {
    RgbImage img;
    int channels = 0;
    if (unsigned char* p = stbi_load(path.c_str(), &img.width, &img.height, &channels, 3)) {
        img.rgb.assign(p, p + size_t(img.width) * img.height * 3);
        stbi_image_free(p);
    }
    return img;
}

/// Reads an X window dump (xwd's format: big-endian header, then the pixels
/// in ZPixmap form); 24/32-bit TrueColor only, which is what Xvfb -screen
/// WxHx24 gives. Empty on anything else.
inline RgbImage readXwd(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    auto field = [&](int i) {
        const auto* b = reinterpret_cast<const unsigned char*>(bytes.data()) + i * 4;
        return uint32_t(b[0]) << 24 | uint32_t(b[1]) << 16 | uint32_t(b[2]) << 8 | uint32_t(b[3]);
    };
    RgbImage img;
    if (bytes.size() < 100) return img;
    const uint32_t headerSize = field(0), format = field(2), width = field(4), height = field(5), byteOrder = field(7),
                   bitsPerPixel = field(11), bytesPerLine = field(12), redMask = field(14), greenMask = field(15),
                   blueMask = field(16), colours = field(19);
    const size_t start = size_t(headerSize) + size_t(colours) * 12;
    if (format != 2 || bitsPerPixel != 32 || start + size_t(bytesPerLine) * height > bytes.size()) return img;
    auto channel = [](uint32_t pixel, uint32_t mask) {
        int shift = 0;
        while (mask && !(mask & 1)) mask >>= 1, ++shift;
        return (unsigned char)((pixel >> shift) & 0xff);
    };
    img.width = int(width), img.height = int(height);
    img.rgb.resize(size_t(width) * height * 3);
    for (uint32_t y = 0; y < height; ++y) {
        for (uint32_t x = 0; x < width; ++x) {
            const auto* p = reinterpret_cast<const unsigned char*>(bytes.data()) + start + size_t(y) * bytesPerLine + x * 4;
            const uint32_t pixel = byteOrder == 0 ? uint32_t(p[0]) | uint32_t(p[1]) << 8 | uint32_t(p[2]) << 16 | uint32_t(p[3]) << 24
                                                  : uint32_t(p[3]) | uint32_t(p[2]) << 8 | uint32_t(p[1]) << 16 | uint32_t(p[0]) << 24;
            unsigned char* o = &img.rgb[(size_t(y) * width + x) * 3];
            o[0] = channel(pixel, redMask), o[1] = channel(pixel, greenMask), o[2] = channel(pixel, blueMask);
        }
    }
    return img;
}

struct ImageDifference {
    double mean = 255;  ///< mean absolute difference per channel (0..255)
    double worstTile = 255; ///< the same over the worst 64x64 tile
};

/// How far apart two images are; 255 when their sizes differ. The worst tile
/// catches a small region left stale that the mean over a big screen hides.
inline ImageDifference compareImages(const RgbImage& a, const RgbImage& b) {
    ImageDifference d;
    if (a.empty() || a.width != b.width || a.height != b.height) return d;
    constexpr int kTile = 64;
    const int cols = (a.width + kTile - 1) / kTile, rows = (a.height + kTile - 1) / kTile;
    std::vector<uint64_t> tileSum(size_t(cols) * rows), tileCount(tileSum.size());
    uint64_t sum = 0;
    for (int y = 0; y < a.height; ++y) {
        for (int x = 0; x < a.width; ++x) {
            const size_t i = (size_t(y) * a.width + x) * 3, t = size_t(y / kTile) * cols + x / kTile;
            for (int c = 0; c < 3; ++c) {
                const uint64_t diff = uint64_t(std::abs(int(a.rgb[i + c]) - int(b.rgb[i + c])));
                sum += diff, tileSum[t] += diff, tileCount[t] += 1;
            }
        }
    }
    d.mean = double(sum) / double(a.rgb.size());
    d.worstTile = 0;
    for (size_t t = 0; t < tileSum.size(); ++t) d.worstTile = std::max(d.worstTile, double(tileSum[t]) / double(tileCount[t]));
    return d;
}

class OwnXServer {
public:
    /// Starts Xvfb with one screen of width x height (24-bit); with `openbox`,
    /// also openbox with its stock configuration. ok() says whether it runs.
    OwnXServer(int width, int height, bool openbox = false) {
        int fds[2];
        if (pipe(fds) != 0) return;
        server_ = fork();
        if (server_ == 0) {
            close(fds[0]);
            const std::string screen = std::to_string(width) + "x" + std::to_string(height) + "x24";
            const std::string fd = std::to_string(fds[1]);
            int devnull = open("/dev/null", O_WRONLY);
            dup2(devnull, 1), dup2(devnull, 2);
            execlp("Xvfb", "Xvfb", "-displayfd", fd.c_str(), "-screen", "0", screen.c_str(), "-nolisten", "tcp",
                   static_cast<char*>(nullptr));
            _exit(127);
        }
        close(fds[1]);
        // Xvfb writes its display number once it accepts connections.
        std::string number;
        char c;
        while (read(fds[0], &c, 1) == 1 && c != '\n') number += c;
        close(fds[0]);
        if (number.empty()) return;
        display_ = ":" + number;
        if (openbox) {
            wm_ = fork();
            if (wm_ == 0) {
                int devnull = open("/dev/null", O_WRONLY);
                dup2(devnull, 1), dup2(devnull, 2);
                setenv("DISPLAY", display_.c_str(), 1);
                execlp("openbox", "openbox", "--sm-disable", static_cast<char*>(nullptr));
                _exit(127);
            }
            // Managing once it has announced itself on the root window.
            for (int i = 0; i < 100 && output("xprop -root _NET_SUPPORTING_WM_CHECK").find("window id") == std::string::npos; ++i)
                sleepSeconds(0.05);
        }
    }
    ~OwnXServer() {
        for (pid_t pid : {wm_, server_}) {
            if (pid > 0) {
                kill(pid, SIGTERM);
                waitpid(pid, nullptr, 0);
            }
        }
    }
    OwnXServer(const OwnXServer&) = delete;
    OwnXServer& operator=(const OwnXServer&) = delete;

    bool ok() const { return !display_.empty(); }
    bool managed() const { return wm_ > 0 && output("xprop -root _NET_SUPPORTING_WM_CHECK").find("window id") != std::string::npos; }
    const std::string& display() const { return display_; }
    /// `command` with DISPLAY set to this server (for sh -c).
    std::string on(const std::string& command) const { return "env DISPLAY=" + display_ + " " + command; }
    int run(const std::string& command) const { return shell(on(command)); }
    std::string output(const std::string& command) const { return shellOutput(on(command) + " 2>/dev/null"); }

    /// The newest visible window named ListenAlong… ("" if none in time).
    std::string playerWindow(double seconds = 15) const {
        return output("timeout " + std::to_string(int(seconds)) + " xdotool search --sync --onlyvisible --name '^ListenAlong' | tail -1");
    }
    /// What the X server shows of window `wid` (its own area, no frame).
    RgbImage capture(const std::string& wid, const std::string& file) const {
        if (run("xwd -silent -id " + wid + " -out '" + file + "'") != 0) return {};
        return readXwd(file);
    }

private:
    pid_t server_ = -1, wm_ = -1;
    std::string display_;
};

} // namespace la::test
