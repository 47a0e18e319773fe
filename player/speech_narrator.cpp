#include "player/speech_narrator.h"

#include "ui/spoken_text.h"

namespace la::player {
namespace {

void append(std::string& out, const std::string& phrase) {
    if (phrase.empty()) return;
    if (!out.empty()) out += (out.back() == '.' || out.back() == '!' || out.back() == '?') ? " " : ". ";
    out += phrase;
}

bool contains(const ui::SemanticBounds& b, float x, float y) {
    return b.width > 0 && b.height > 0 && x >= b.x && y >= b.y && x < b.x + b.width && y < b.y + b.height;
}

bool speakable(const ui::SemanticNode& n) {
    switch (n.role) {
    case ui::SemanticRole::Frame:
    case ui::SemanticRole::Panel:
    case ui::SemanticRole::List:
    case ui::SemanticRole::PageTabList:
    case ui::SemanticRole::Dialog:
    case ui::SemanticRole::Notification: return false;
    default: return !n.name.empty();
    }
}

} // namespace

std::string SpeechNarrator::phraseFor(const ui::SemanticTree& tree, bool speakFocus, const std::string& touchedId,
                                      bool personActed) {
    std::string phrase;
    const int f = tree.focused();
    const std::string id = f >= 0 ? tree.node(f).id : "";
    const std::string spoken = f >= 0 ? ui::spokenText(tree.node(f)) : "";
    // The first key shows the focus where it already was: that is news too.
    const bool shownNow = speakFocus && !focusShown_;
    if (speakFocus && f >= 0 && (shownNow || id != focusedId_ || (personActed && spoken != focusedPhrase_))) phrase = spoken;
    focusShown_ = speakFocus;
    focusedId_ = id;
    focusedPhrase_ = spoken;

    if (!touchedId.empty() && touchedId != touchedId_) {
        if (int t = tree.find(touchedId); t >= 0 && touchedId != id) append(phrase, ui::spokenText(tree.node(t)));
    }
    touchedId_ = touchedId;

    // A notification is said when it appears; one that goes away and comes
    // back (the next countdown) is new again.
    std::set<std::string> present;
    for (const ui::SemanticNode& n : tree.nodes()) {
        if (n.role != ui::SemanticRole::Notification || n.name.empty()) continue;
        present.insert(n.id);
        if (!notifications_.count(n.id)) append(phrase, n.name);
    }
    notifications_ = std::move(present);
    return phrase;
}

void SpeechNarrator::reset() {
    focusShown_ = false;
    focusedId_.clear();
    focusedPhrase_.clear();
    touchedId_.clear();
}

int elementAt(const ui::SemanticTree& tree, float x, float y) {
    int best = -1;
    // Children come after their parents: the last match is the deepest.
    for (int i = 0; i < int(tree.nodes().size()); ++i) {
        const ui::SemanticNode& n = tree.node(i);
        if (speakable(n) && contains(n.bounds, x, y)) best = i;
    }
    return best;
}

} // namespace la::player
