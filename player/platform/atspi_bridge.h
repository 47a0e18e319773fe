#pragma once
// The player's accessibility on Linux (issue #13): mirrors the semantic tree
// the views declare each frame (ui/semantic_tree.h) as ATK objects, which
// atk-bridge publishes over AT-SPI2 for screen readers such as Orca. No ATK
// or GLib in this header, so the window code that owns a bridge needs neither.
//
// One bridge per process (ATK's root and its bridge are process-wide), used
// from the thread that runs the frame loop.

#include "ui/semantic_tree.h"

#include <memory>
#include <string>
#include <vector>

namespace la::player {

class AtSpiBridge {
public:
    /// Starts ATK and atk-bridge for this process, with an application object
    /// named `appName`. Null and `error` when it cannot (no D-Bus session, the
    /// bridge failed, a bridge already running): the player then runs without.
    static std::unique_ptr<AtSpiBridge> start(const std::string& appName, std::string& error);
    ~AtSpiBridge();
    AtSpiBridge(const AtSpiBridge&) = delete;
    AtSpiBridge& operator=(const AtSpiBridge&) = delete;

    /// Mirrors this frame's tree and signals what changed since the last one.
    void update(const ui::SemanticTree& tree);
    /// The window became active: the frame's `activate`, then the focused
    /// element's focus again (what makes Orca speak it).
    void windowActivated();
    /// Where the window's top-left corner is on screen, for screen coordinates.
    void setWindowOrigin(int x, int y);
    /// What screen readers asked since the last call, oldest first: kPress,
    /// kIncrement, kDecrement, kSetValue (with `value`), kScrollIntoView, and
    /// kFocus for a grab_focus. Apply them like input in the next frame.
    std::vector<ui::SemanticRequest> takeRequests();
    /// Sleeps up to `timeoutMs` inside GLib's poll, serving the screen reader
    /// meanwhile; wakes early when one of `extraFds` is readable or a request
    /// has been queued. Returns whether one of `extraFds` is readable.
    bool wait(int timeoutMs, const std::vector<int>& extraFds);

private:
    struct State;
    explicit AtSpiBridge(std::unique_ptr<State> state);
    std::unique_ptr<State> state_;
};

} // namespace la::player
