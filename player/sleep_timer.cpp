#include "player/sleep_timer.h"

#include "ui/time_format.h"

#include <algorithm>
#include <cmath>

namespace la::player {

namespace {

constexpr std::int64_t kMsPerMinute = 60'000;
/// Episode seconds within which a chapter end counts as reached: float noise
/// in the position, far below anything audible.
constexpr double kReachedEpsilon = 0.001;

bool hasListedChapters(const SleepTimerInput& in) {
    return in.chapters && std::any_of(in.chapters->begin(), in.chapters->end(),
                                      [](const transcripts::Chapter& c) { return c.toc; });
}

struct Stretch {
    double start = 0;
    std::optional<double> end; ///< nullopt: the episode's end, not known
};

/// The stretch of the episode `position` is in, between the nearest chapter
/// boundaries (a listed chapter's start or explicit end) around it; the
/// episode's start and end bound it. Only listed (toc) chapters count: a
/// hidden one marks a place, not a chapter the listener sees, and must not
/// stop the timer in the middle of the chapter shown. Before the first
/// chapter, or in a gap after one's explicit end, the stretch is that unlisted
/// part: it ends where the next chapter starts.
Stretch stretchAt(const SleepTimerInput& in) {
    Stretch s;
    if (std::isfinite(in.duration) && in.duration > 0) s.end = in.duration;
    auto boundary = [&](double b) {
        if (!std::isfinite(b)) return;
        if (b <= in.position) s.start = std::max(s.start, b);
        else if (!s.end || b < *s.end) s.end = b;
    };
    if (in.chapters) {
        for (const transcripts::Chapter& c : *in.chapters) {
            if (!c.toc) continue;
            boundary(c.start);
            if (c.end) boundary(*c.end);
        }
    }
    return s;
}

/// A countdown shows the second it is in, rounded up: "0:01" until it fires, never "0:00" before.
std::string clock(double seconds) { return ui::formatClock(std::ceil(seconds)); }

} // namespace

std::vector<SleepTimerOption> sleepTimerOptions(bool hasChapters) {
    std::vector<SleepTimerOption> options{{SleepTimerMode::Off, 0, "Off"}};
    for (int m : {5, 10, 15, 30, 45, 60, 90, 120}) {
        options.push_back({SleepTimerMode::Minutes, m, std::to_string(m) + " minutes"});
    }
    options.push_back({SleepTimerMode::EndOfChapter, 0, hasChapters ? "End of chapter" : "End of episode"});
    return options;
}

SleepTimerOption nextSleepTimerOption(const SleepTimerOption& current, bool hasChapters) {
    const std::vector<SleepTimerOption> options = sleepTimerOptions(hasChapters);
    for (size_t i = 0; i + 1 < options.size(); ++i) {
        const SleepTimerOption& o = options[i];
        if (current.mode == SleepTimerMode::Off && o.mode == SleepTimerMode::Off) return options[i + 1];
        if (current.mode == SleepTimerMode::Minutes && o.mode == SleepTimerMode::Minutes && o.minutes > current.minutes)
            return o;
    }
    if (current.mode == SleepTimerMode::Minutes) return options.back(); // past the longest: end of chapter
    return options.front(); // end of chapter: off
}

double sleepFadeFactor(double secondsLeft) {
    if (!(secondsLeft < kSleepFadeSeconds)) return 1; // NaN too: never silence by accident
    if (secondsLeft <= 0) return 0;
    const double floor = std::pow(10.0, kSleepFadeFloorDb / 20);
    const double gain = std::pow(10.0, kSleepFadeFloorDb / 20 * (1 - secondsLeft / kSleepFadeSeconds));
    return std::clamp((gain - floor) / (1 - floor), 0.0, 1.0);
}

void SleepTimer::setOff() {
    mode_ = SleepTimerMode::Off;
    lastRemaining_.reset();
}

void SleepTimer::setMinutes(int minutes) {
    mode_ = SleepTimerMode::Minutes;
    leftMs_ = std::clamp(minutes, kSleepMinMinutes, kSleepMaxMinutes) * kMsPerMinute;
    lastNowMs_.reset(); // the frame it was set in is not listening time under it
    lastRemaining_.reset();
}

void SleepTimer::setEndOfChapter() {
    mode_ = SleepTimerMode::EndOfChapter;
    repick_ = true;
    stretchEnd_.reset();
    lastRemaining_.reset();
}

void SleepTimer::set(const SleepTimerOption& option) {
    switch (option.mode) {
    case SleepTimerMode::Off: setOff(); break;
    case SleepTimerMode::Minutes: setMinutes(option.minutes); break;
    case SleepTimerMode::EndOfChapter: setEndOfChapter(); break;
    }
}

void SleepTimer::extend(int minutes) {
    std::int64_t base = 0;
    if (mode_ == SleepTimerMode::Minutes) base = leftMs_;
    else if (mode_ == SleepTimerMode::EndOfChapter && lastRemaining_) base = std::llround(*lastRemaining_ * 1000);
    // From end of chapter the time left was measured at the last update, so
    // counting goes on from there; from off it starts at the next update.
    if (mode_ == SleepTimerMode::Off) lastNowMs_.reset();
    mode_ = SleepTimerMode::Minutes;
    leftMs_ = std::min(base + std::max(0, minutes) * kMsPerMinute, kSleepMaxMinutes * kMsPerMinute);
    lastRemaining_.reset();
}

std::optional<double> SleepTimer::remainingSeconds(const SleepTimerInput& in) const {
    switch (mode_) {
    case SleepTimerMode::Off: return std::nullopt;
    case SleepTimerMode::Minutes: return double(std::max<std::int64_t>(leftMs_, 0)) / 1000;
    case SleepTimerMode::EndOfChapter: {
        if (!stretchEnd_) return std::nullopt;
        const double speed = std::isfinite(in.speed) && in.speed > 0 ? in.speed : 1.0;
        return std::max(0.0, *stretchEnd_ - in.position) / speed;
    }
    }
    return std::nullopt;
}

SleepTimerOutput SleepTimer::update(std::int64_t nowMs, const SleepTimerInput& in) {
    if (mode_ == SleepTimerMode::Minutes && lastNowMs_ && lastPlaying_) {
        leftMs_ -= std::max<std::int64_t>(0, nowMs - *lastNowMs_);
    }
    const bool jumped = in.seekCount != lastSeekCount_;
    const bool justEnded = in.ended && !lastEnded_;
    lastNowMs_ = nowMs;
    lastPlaying_ = in.playing;
    lastEnded_ = in.ended;
    lastSeekCount_ = in.seekCount;

    bool fire = false;
    if (mode_ == SleepTimerMode::Minutes) {
        fire = leftMs_ <= 0;
    } else if (mode_ == SleepTimerMode::EndOfChapter) {
        // Playing on never moves the position back, so going back is a jump
        // too (play() after the end restarts from the top without a seek).
        if (repick_ || jumped || in.position < stretchStart_) {
            Stretch s = stretchAt(in);
            stretchStart_ = s.start;
            stretchEnd_ = s.end;
            repick_ = false;
        }
        // Sitting at the end already (set after the episode ended) waits for play to restart it.
        if (in.ended) fire = justEnded;
        else fire = stretchEnd_ && in.position >= *stretchEnd_ - kReachedEpsilon;
    }

    SleepTimerOutput out;
    if (fire) {
        setOff();
        out.pauseNow = true;
        out.volumeFactor = 0; // silent until the pause lands; the next update gives 1 again
        out.text = "Sleep timer off";
        return out;
    }

    out.remainingSeconds = remainingSeconds(in);
    lastRemaining_ = out.remainingSeconds;
    if (out.remainingSeconds) out.volumeFactor = sleepFadeFactor(*out.remainingSeconds);
    switch (mode_) {
    case SleepTimerMode::Off: out.text = "Sleep timer off"; break;
    case SleepTimerMode::Minutes: out.text = "Sleep in " + clock(*out.remainingSeconds); break;
    case SleepTimerMode::EndOfChapter:
        out.text = hasListedChapters(in) ? "Sleep at end of chapter" : "Sleep at end of episode";
        if (out.remainingSeconds) out.text += " (" + clock(*out.remainingSeconds) + ")";
        break;
    }
    return out;
}

} // namespace la::player
