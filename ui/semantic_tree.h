#pragma once
// What a screen reader needs to know about the screen, declared by the views
// beside drawing it (issue #13): for each element a stable id, its role, the
// name a sighted user reads, a description where it helps, its value, its
// states, where it is, and what it can be asked to do. Plain data: no ATK, no
// GLib, no ImGui here. A platform adapter (AT-SPI on Linux) mirrors it and
// signals only what changed from one frame to the next (diffSemanticTrees).

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace la::ui {

enum class SemanticRole {
    Frame, Panel, PushButton, ToggleButton, Slider, List, ListItem, Paragraph, Heading, Link, PageTabList, PageTab,
    Dialog, Status,
    CheckBox,
    /// A box to type into (the transcript's search): its value text is what was typed.
    TextField,
    /// Something to say once, politely, when it appears ("Speed 1.5 times",
    /// "Copied", the kiosk's countdown): a new id for each new message.
    Notification,
};

/// Bit flags of SemanticNode::states.
enum SemanticState : std::uint32_t {
    kFocusable = 1u << 0,
    kFocused = 1u << 1,
    kChecked = 1u << 2,   ///< a toggle that is on (Mute while muted)
    kSelected = 1u << 3,  ///< the shown tab, the chosen theme
    kCurrent = 1u << 4,   ///< the transcript line being heard, the chapter playing
    kExpanded = 1u << 5,  ///< "More settings" open, a menu open
    kDisabled = 1u << 6,
    kShowing = 1u << 7,   ///< on screen now (not scrolled out of view)
};

/// Bit flags of SemanticNode::actions.
enum SemanticAction : std::uint32_t {
    kPress = 1u << 0,
    kIncrement = 1u << 1,
    kDecrement = 1u << 2,
    kSetValue = 1u << 3,
    kScrollIntoView = 1u << 4,
    /// Only in a SemanticRequest: move keyboard focus here (a screen reader's
    /// grab_focus). Any element with kFocusable accepts it, so views need not
    /// declare it in `actions`. Its value 1: without showing the focus
    /// outline if it was hidden. A list takes it for an item: value 0 the
    /// first, -1 the last.
    kFocus = 1u << 5,
};

/// A slider's value: numbers for the adapter, text for the listener
/// ("2:09 of 7:01", "1.5 times").
struct SemanticValue {
    double current = 0, min = 0, max = 0, step = 0;
    std::string text;
    bool operator==(const SemanticValue&) const = default;
};

struct SemanticBounds {
    float x = 0, y = 0, width = 0, height = 0; ///< window points
    bool operator==(const SemanticBounds&) const = default;
};

struct SemanticNode {
    std::string id;   ///< stable across frames: "transport/play", "transcript/cue/41"
    SemanticRole role = SemanticRole::Panel;
    std::string name; ///< what a sighted user reads; an icon is named by its meaning
    std::string description;
    std::optional<SemanticValue> value;
    std::uint32_t states = 0;
    std::uint32_t actions = 0;
    SemanticBounds bounds;
    int parent = -1;            ///< index in the tree; -1 for the root
    std::vector<int> children;  ///< indexes, in reading order
};

/// One frame's tree. The views add to it in reading order; open() starts an
/// element whose children follow until close().
class SemanticTree {
public:
    /// Clears the tree and starts the root (the window's frame).
    void begin(std::string name);
    /// Adds an element under the open one and opens it. Returns its index.
    int open(std::string id, SemanticRole role, std::string name);
    void close();
    /// Adds an element under the open one (not opened). Returns its index.
    int add(std::string id, SemanticRole role, std::string name);

    SemanticNode& node(int index) { return nodes_.at(size_t(index)); }
    const SemanticNode& node(int index) const { return nodes_.at(size_t(index)); }
    const std::vector<SemanticNode>& nodes() const { return nodes_; }
    /// The element with this id, or -1.
    int find(const std::string& id) const;
    /// The focused element, or -1.
    int focused() const;

private:
    std::vector<SemanticNode> nodes_;
    std::vector<int> openStack_;
};

/// What an assistive technology (a screen reader) asked of an element: the
/// platform adapter queues these, and the next frame turns each into what the
/// same action by a person would have done. `value`: kSetValue's new value.
struct SemanticRequest {
    std::string id;
    SemanticAction action = kPress;
    double value = 0;
    bool operator==(const SemanticRequest&) const = default;
};

/// What changed between two frames' trees, for the adapter to signal.
struct SemanticChange {
    enum class Kind { Added, Removed, Name, Description, Value, States, Bounds, Children, Focus };
    Kind kind;
    std::string id;
    std::uint32_t statesChanged = 0; ///< Kind::States: the flags that flipped
};

/// Changes from `before` to `after`, by id: elements added and removed, and
/// for those in both, what differs. A change of focus is one Focus change for
/// the newly focused element (none when nothing is focused any more).
std::vector<SemanticChange> diffSemanticTrees(const SemanticTree& before, const SemanticTree& after);

} // namespace la::ui
