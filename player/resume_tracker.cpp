#include "player/resume_tracker.h"

#include "player/episode_identity.h"

#include <cmath>

namespace la::player {

void ResumeTracker::start(const std::filesystem::path& file) {
    key_ = episodeIdentityKey(file);
    legacyKey_ = file.filename().string();
    played_ = false;
}

double ResumeTracker::open(const Settings& s, const std::filesystem::path& file, double durationSeconds) {
    start(file);
    // The old key is only a fallback: once this file has its own entry, a
    // name-only entry may belong to another file of the same name.
    const std::string& from = s.positions.count(key_) || !s.positions.count(legacyKey_) ? key_ : legacyKey_;
    openedAt_ = resumePositionFor(s, from, durationSeconds);
    return openedAt_;
}

void ResumeTracker::openAt(const std::filesystem::path& file, double seconds) {
    start(file);
    openedAt_ = seconds;
}

bool ResumeTracker::record(Settings& s, double position, std::int64_t now) const {
    if (key_.empty() || !std::isfinite(position) || position < 0) return false;
    // Neither played nor moved: the saved entry (with its rewind) stays as it is.
    if (!played_ && std::abs(position - openedAt_) < 1e-3) return false;
    const bool hasLegacy = legacyKey_ != key_ && s.positions.count(legacyKey_);
    auto it = s.positions.find(key_);
    if (!hasLegacy && it != s.positions.end() && it->second.seconds == position && it->second.rewind == played_)
        return false; // already saved: no write needed
    rememberPosition(s, key_, position, played_, now);
    if (legacyKey_ != key_) s.positions.erase(legacyKey_);
    return true;
}

} // namespace la::player
