#pragma once
// The app core's window system (AppHost) on SDL: an AppWindow (SDL, OpenGL,
// ImGui's backends, the kiosk's X11 guard), its events batched per frame and
// translated into the app's terms, the clipboard and SDL's clock. And
// runPlayerApp: the interactive player, wired together.

#include "player/app_host.h"
#include "player/platform/app_window.h"
#include "player/platform/atspi_bridge.h"
#include "player/platform/event_batcher.h"

#include <iosfwd>
#include <memory>
#include <string>
#include <vector>

namespace la::player {

class SdlHost final : public AppHost {
public:
    /// Returns nullptr and sets `error` when no window can be made.
    static std::unique_ptr<SdlHost> open(const WindowOptions& options, std::string& error);

    std::unique_ptr<media::AudioSink> openAudioSink(std::string& error) override;
    std::uint64_t ticksMs() const override;
    InputBatch pollInput(int timeoutMs) override;
    bool adminChordHeld() const override;
    bool keyPressed(Key key, bool repeat) const override;
    void windowSize(int& width, int& height) const override;
    void setTitle(const std::string& title) override;
    bool copyToClipboard(const std::string& text) override;
    void holdKioskInFront() override;
    void uploadFontTexture() override;
    void beginFrame() override;
    void render() override;
    void present() override;
    void describeFrame(const ui::SemanticTree& tree) override;
    std::vector<ui::SemanticRequest> takeAccessRequests() override;
    bool saveScreenshot(const std::string& path, std::string& error) override;

private:
    explicit SdlHost(std::unique_ptr<AppWindow> window) : window_(std::move(window)) {}
    /// Screen readers (AT-SPI): started when a D-Bus session is there.
    void startAccessibility();

    std::unique_ptr<AppWindow> window_;
    EventBatcher events_;
    std::unique_ptr<AtSpiBridge> access_;            ///< null: no screen-reader bridge
    std::vector<ui::SemanticRequest> accessRequests_; ///< taken by the next frame
};

/// The interactive player. args: argv without the program name. Returns the
/// process exit code.
int runPlayerApp(const std::vector<std::string>& args, std::ostream& out, std::ostream& err);

} // namespace la::player
