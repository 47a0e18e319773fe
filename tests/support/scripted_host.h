#pragma once
// A window system for PlayerApp without a window (player/app_host.h): ImGui
// draws into a headless context, the clock moves only when the app waits, the
// sound device is one the test pulls, and the input is what the test script
// gives each turn of the loop — keys, and clicks aimed at what the frame's
// semantic tree says is where (as a person aims at what they see).

#include "player/app_host.h"
#include "media/audio_engine.h"
#include "ui/semantic_tree.h"

#include <imgui.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <functional>
#include <memory>
#include <set>
#include <string>
#include <thread>
#include <utility>
#include <vector>

namespace la::test {

/// A device that plays only when the test pulls: render() as fast as the
/// decoder thread supplies.
class PullSink final : public media::AudioSink {
public:
    media::DeviceFormat format() const override { return {}; }
    void attach(media::AudioRenderer* e) override { engine_ = e; }
    std::string description() const override { return "test pull sink"; }
    bool audible() const override { return false; }
    /// Renders `seconds` of output; returns its peak level (0..1).
    float pull(double seconds) {
        if (!engine_) return 0;
        const media::DeviceFormat f;
        std::vector<float> buf(size_t(f.bufferFrames * f.channels));
        int blocks = int(seconds * f.sampleRate / f.bufferFrames);
        float peak = 0;
        for (int i = 0; i < blocks; ++i) {
            engine_->render(buf.data(), f.bufferFrames);
            for (float v : buf) peak = std::max(peak, std::abs(v));
            std::this_thread::sleep_for(std::chrono::microseconds(200)); // let the decoder refill the ring
        }
        return peak;
    }

private:
    media::AudioRenderer* engine_ = nullptr;
};

class ScriptedHost final : public player::AppHost {
public:
    /// Called at each turn of the app's loop, before its input is taken: the
    /// script looks at the clock and the last frame's tree and queues input.
    std::function<void(ScriptedHost&)> script;

    std::uint64_t now = 0; ///< ms
    int width = 1280, height = 800; ///< the window's size
    bool shift = false; ///< Shift held (for the keys pressed while it is)
    int frames = 0;
    std::string title;
    ui::SemanticTree lastTree; ///< what the last frame drawn showed
    PullSink* sink = nullptr;  ///< the app's sound device (owned by the app)
    /// Set: the app gets this device instead of a PullSink (e.g. the real
    /// SDL_mixer sink on SDL's "disk" driver); `sink` then stays null.
    std::function<std::unique_ptr<media::AudioSink>(std::string&)> openSink;
    /// Called at the start of each frame the app draws, and with its tree
    /// once it is drawn (a test can note what else happened meanwhile).
    std::function<void()> beforeFrame;
    std::function<void(const ui::SemanticTree&)> afterFrame;
    bool closeRequested = false; ///< the next turn asks the app to quit (the window's close button)

    // ---- what the script can do -------------------------------------------------
    /// `key` goes down in the next frame.
    void press(player::Key key) { nextKeys_.insert(key); }
    /// A click (down one frame, up the next) at the centre of the element `id`
    /// of the last frame's tree. False when it is not there.
    bool click(const std::string& id) {
        int i = lastTree.find(id);
        if (i < 0) return false;
        const ui::SemanticBounds& b = lastTree.node(i).bounds;
        clickAt_ = {b.x + b.width * 0.5f, b.y + b.height * 0.5f};
        clickPhase_ = 1;
        return true;
    }
    /// What a screen reader would ask (ui::SemanticRequest), taken by the next frame.
    void request(const std::string& id, ui::SemanticAction action, double value = 0) {
        requests_.push_back({id, action, value});
        ++pendingInput_;
    }
    bool shows(const std::string& id) const { return lastTree.find(id) >= 0; }
    std::string valueText(const std::string& id) const {
        int i = lastTree.find(id);
        return i >= 0 && lastTree.node(i).value ? lastTree.node(i).value->text : "";
    }

    // ---- AppHost ---------------------------------------------------------------
    std::unique_ptr<media::AudioSink> openAudioSink(std::string& error) override {
        if (openSink) return openSink(error);
        auto s = std::make_unique<PullSink>();
        sink = s.get();
        return s;
    }
    std::uint64_t ticksMs() const override { return now; }
    player::InputBatch pollInput(int timeoutMs) override {
        keys_.clear();
        if (script) script(*this);
        player::InputBatch in;
        in.closeRequested = closeRequested;
        if (!nextKeys_.empty() || clickPhase_ > 0 || pendingInput_ > 0) {
            pendingInput_ = 0;
            in.events = 1;
            in.personInput = true;
            in.pressed = !nextKeys_.empty() || clickPhase_ == 1;
        } else {
            now += std::uint64_t(timeoutMs); // nothing happened: the whole wait passes
        }
        keys_.swap(nextKeys_);
        if (clickPhase_ == 1) mouseDown_ = true, clickPhase_ = 2;
        else if (clickPhase_ == 2) mouseDown_ = false, clickPhase_ = 0;
        now += 16; // a frame's time for what did happen
        return in;
    }
    bool adminChordHeld() const override { return false; }
    bool keyPressed(player::Key key, bool) const override { return keys_.count(key) > 0; }
    void windowSize(int& width, int& height) const override {
        width = this->width;
        height = this->height;
    }
    void setTitle(const std::string& t) override { title = t; }
    bool copyToClipboard(const std::string&) override { return true; }
    void holdKioskInFront() override {}
    void uploadFontTexture() override {
        unsigned char* pixels = nullptr;
        int w = 0, h = 0;
        ImGui::GetIO().Fonts->GetTexDataAsRGBA32(&pixels, &w, &h);
    }
    void beginFrame() override {
        if (beforeFrame) beforeFrame();
        ImGuiIO& io = ImGui::GetIO();
        io.DisplaySize = {float(width), float(height)};
        io.DeltaTime = 1.0f / 60.0f;
        // Keyboard navigation needs ImGui's keys mapped, as a backend maps them.
        for (int k = 0; k < ImGuiKey_COUNT; ++k)
            if (io.KeyMap[k] < 0) io.KeyMap[k] = k;
        io.KeyShift = shift;
        io.MousePos = clickAt_;
        io.MouseDown[0] = mouseDown_;
        ImGui::NewFrame();
    }
    void render() override {
        ImGui::Render();
        ++frames;
    }
    void describeFrame(const ui::SemanticTree& tree) override {
        lastTree = tree;
        if (afterFrame) afterFrame(tree);
    }
    std::vector<ui::SemanticRequest> takeAccessRequests() override { return std::exchange(requests_, {}); }
    void present() override {}
    bool saveScreenshot(const std::string&, std::string& error) override {
        error = "no screen";
        return false;
    }

private:
    std::set<player::Key> keys_, nextKeys_;
    ImVec2 clickAt_{-1, -1};
    int clickPhase_ = 0;
    int pendingInput_ = 0;
    std::vector<ui::SemanticRequest> requests_;
    bool mouseDown_ = false;
};

} // namespace la::test
