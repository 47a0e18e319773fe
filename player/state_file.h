#pragma once
// The JSON the player writes at exit with --state-file: where playback was,
// the cue and chapter there, the display settings and the kiosk's mode. Tests
// and kiosk supervisors read it; nothing reads it back into the player.

#include "media/audio_engine.h"
#include "player/episode_content.h"
#include "player/config/settings.h"

#include <optional>
#include <string>

namespace la::player {

class KioskSession;

struct StateSnapshot {
    const EpisodeContent* content = nullptr;
    media::PlaybackStatus status;
    std::optional<Preferences> preferences; ///< none before the app was set up
    const KioskSession* kiosk = nullptr;
};

std::string stateFileJson(const StateSnapshot& s);

/// Writes stateFileJson to `path` atomically (atomic_file.h); returns an
/// error message naming the file, or an empty string.
std::string writeStateFile(const std::string& path, const StateSnapshot& s);

} // namespace la::player
