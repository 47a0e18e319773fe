#pragma once
// One open episode's saved position: where to start it, and what (if
// anything) to write back. The rule that keeps the resume point still:
// a session that neither played nor moved the position writes nothing, so
// opening and closing an episode any number of times never walks it back
// (issue #10 item 6); a session that played saves the exact position with the
// rewind flag, so the next open steps back 5 s once.

#include "player/config/settings.h"

#include <cstdint>
#include <filesystem>
#include <string>

namespace la::player {

class ResumeTracker {
public:
    /// Where to start `file`: from its identity key (episode_identity.h),
    /// else from an old name-only key, else 0. See resumePositionFor().
    double open(const Settings& s, const std::filesystem::path& file, double durationSeconds);
    /// Starts a session at an explicit position (--start).
    void openAt(const std::filesystem::path& file, double seconds);

    /// Call whenever playback is seen playing: from then on the position is saved with rewind.
    void notePlaying() { played_ = true; }

    /// Writes `position` into s if this session played or moved it; drops
    /// the old name-only entry then. Returns whether s changed.
    bool record(Settings& s, double position, std::int64_t now) const;

    const std::string& key() const { return key_; }

private:
    void start(const std::filesystem::path& file);

    std::string key_;
    std::string legacyKey_; ///< the bare file name, as earlier versions saved it
    double openedAt_ = -1;  ///< where this session started
    bool played_ = false;
};

} // namespace la::player
