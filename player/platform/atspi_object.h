#pragma once
// The AtkObject that stands for one element of the semantic tree. It keeps a
// copy of the element as of the last frame and answers the screen reader's
// questions from it; what the screen reader asks it to do is only queued
// (AtspiShared::requests), for the app to apply in its next frame, so the
// app's state is touched by one thread at one point of the frame, like input.
//
// One GType per set of interfaces (registered when first needed), so a button
// does not claim to hold text or a value: AT clients pick what to read by the
// interfaces an object lists.

#include "ui/semantic_tree.h"

#include <atk/atk.h>

#include <string>
#include <vector>

namespace la::player {

/// What all objects of one bridge share.
struct AtspiShared {
    std::vector<ui::SemanticRequest> requests; ///< asked since the app last took them
    int windowX = 0, windowY = 0;              ///< the window's origin on screen, for screen coordinates
    bool windowActive = false;                 ///< the frame has ATK_STATE_ACTIVE
};

/// Interfaces an object implements beyond AtkObject.
enum AtspiInterface : unsigned {
    kAtspiComponent = 1u << 0,
    kAtspiAction = 1u << 1,
    kAtspiValue = 1u << 2,
    kAtspiText = 1u << 3,
    kAtspiWindow = 1u << 4,
};

/// The interfaces this element needs: every element has a place on screen;
/// actions for press/increment/decrement, a value when it has one, text for
/// the roles whose name is their content, a window for the frame.
unsigned atspiInterfacesOf(const ui::SemanticNode& node);

/// The C++ side of one object.
struct AtspiNodeData {
    ui::SemanticNode node;            ///< as of the last frame; its parent and children indexes are not used
    std::u32string text;              ///< the name decoded, for AtkText's character offsets
    bool application = false;         ///< the application object: no states or interfaces of its own
    bool defunct = false;             ///< gone from the tree; the screen reader may still hold it
    unsigned interfaces = 0;
    std::vector<AtkObject*> children; ///< a reference each, in reading order
    AtspiShared* shared = nullptr;
};

/// A new object implementing `interfaces`, with one reference (the caller's).
AtkObject* newAtspiObject(unsigned interfaces, AtspiShared* shared);
/// The data of one of our objects; null for any other object (or null).
AtspiNodeData* atspiData(AtkObject* object);

} // namespace la::player
