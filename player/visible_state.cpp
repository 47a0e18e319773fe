#include "player/visible_state.h"

#include "player/kiosk_session.h"
#include "transcripts/time_lookup.h"

namespace la::player {

VisibleState visibleStateOf(const media::PlaybackStatus& status, int windowWidth,
                            const std::vector<transcripts::Cue>& cues, const KioskSession* kiosk, double now) {
    VisibleState v;
    v.clockSecond = long(status.position);
    if (status.duration > 0) v.seekPixel = long(status.position / status.duration * windowWidth) / 3;
    if (auto cue = transcripts::cueBeingHeard(cues, status.position)) {
        v.cue = long(*cue);
        std::optional<size_t> word = transcripts::wordAt(cues[*cue], status.position);
        v.word = word ? long(*word) + 1 : 0; // 0: before the first word
    }
    v.playing = status.playing;
    v.hasError = !status.error.empty();
    if (kiosk) {
        v.kioskMode = int(kiosk->mode());
        v.countdown = kiosk->mode() == KioskMode::Countdown ? kiosk->countdownSecondsLeft(now) : -1;
    }
    return v;
}

} // namespace la::player
