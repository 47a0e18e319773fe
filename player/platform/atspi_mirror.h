#pragma once
// Keeps one long-lived AtkObject per element of the semantic tree (by its
// stable id) and, each frame, signals to the screen reader only what changed:
// children added and removed, names, descriptions, values, flipped states and
// the focus. Objects live as long as their id stays in the tree, so a screen
// reader's reference (and its cache) survives from frame to frame.

#include "player/platform/atspi_object.h"
#include "ui/semantic_tree.h"

#include <string>
#include <unordered_map>

namespace la::player {

class AtspiMirror {
public:
    AtspiMirror(const std::string& appName, AtspiShared* shared);
    ~AtspiMirror();
    AtspiMirror(const AtspiMirror&) = delete;
    AtspiMirror& operator=(const AtspiMirror&) = delete;

    /// The application object (atk_get_root): its one child is the frame.
    AtkObject* root() const { return app_; }
    void update(const ui::SemanticTree& tree);
    /// Sends the frame's activate, then the focused element's focus again:
    /// Orca speaks the focused control only after both (as GTK sends them).
    /// Before the first update, waits for it.
    void windowActivated();

private:
    AtkObject* objectOf(const std::string& id) const;
    void createOrRebuild(const ui::SemanticTree& tree);
    void signalChanges(const ui::SemanticTree& tree);
    void syncChildren(AtkObject* parent, const std::vector<AtkObject*>& wanted);
    void announceNew(const ui::SemanticTree& tree);
    void moveFocus(const ui::SemanticTree& tree);
    void dropRemoved(const ui::SemanticTree& tree);
    void sendActivation();

    AtspiShared* shared_;
    AtkObject* app_;
    std::unordered_map<std::string, AtkObject*> objects_; ///< a reference each
    std::unordered_map<std::string, bool> fresh_;         ///< made this frame: nothing to signal yet
    ui::SemanticTree previous_;
    std::string focusedId_;
    std::string frameId_;
    bool activationPending_ = false;
};

} // namespace la::player
