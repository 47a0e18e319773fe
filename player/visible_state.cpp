#include "player/visible_state.h"

#include "player/episode_content.h"
#include "player/kiosk_session.h"

#include <algorithm>

namespace la::player {

VisibleState visibleStateOf(const media::PlaybackStatus& status, int windowWidth,
                            const std::vector<transcripts::Cue>& cues, const KioskSession* kiosk, double now) {
    VisibleState v;
    v.clockSecond = long(status.position);
    if (status.duration > 0) v.seekPixel = long(status.position / status.duration * windowWidth) / 3;
    if (auto cue = cueBeingHeard(cues, status.position)) {
        v.cue = long(*cue);
        const auto& words = cues[*cue].words;
        v.word = long(std::upper_bound(words.begin(), words.end(), status.position,
                                       [](double t, const transcripts::Word& wd) { return t < wd.start; }) -
                      words.begin());
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
