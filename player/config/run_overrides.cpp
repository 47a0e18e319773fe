#include "player/config/run_overrides.h"

namespace la::player {

Settings RunOverrides::begin(const Settings& saved) {
    saved_ = saved;
    Settings s = saved;
    if (speed_) s.speed = *speed_;
    if (textSize_) s.textScale = *textSize_;
    if (theme_) s.theme = *theme_;
    if (speech_) s.speech = *speech_;
    sanitize(s);
    overrides_ = s;
    return s;
}

Settings RunOverrides::toSave(Settings s) const {
    if (speed_ && s.speed == overrides_.speed) s.speed = saved_.speed;
    if (textSize_ && s.textScale == overrides_.textScale) s.textScale = saved_.textScale;
    if (theme_ && s.theme == overrides_.theme) s.theme = saved_.theme;
    if (speech_ && s.speech == overrides_.speech) s.speech = saved_.speech;
    return s;
}

} // namespace la::player
