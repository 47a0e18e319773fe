#include "transcripts/time_lookup.h"

#include <algorithm>

namespace la::transcripts {

std::optional<size_t> cueAt(const std::vector<Cue>& cues, double t) {
    auto it = std::upper_bound(cues.begin(), cues.end(), t, [](double v, const Cue& c) { return v < c.start; });
    // Walk back over cues that started at or before t; the first still running
    // wins. Overlaps are rare and short in transcripts, so this stays cheap;
    // bounded so a pathological file cannot make a frame slow.
    size_t steps = 0;
    while (it != cues.begin() && steps++ < 64) {
        --it;
        if (t < it->end) return size_t(it - cues.begin());
    }
    return std::nullopt;
}

std::optional<size_t> cueBeingHeard(const std::vector<Cue>& cues, double t) {
    if (std::optional<size_t> cue = cueAt(cues, t)) return cue;
    auto it = std::upper_bound(cues.begin(), cues.end(), t, [](double v, const Cue& c) { return v < c.start; });
    if (it == cues.begin()) return std::nullopt;
    return size_t(it - cues.begin()) - 1;
}

std::optional<size_t> wordAt(const Cue& cue, double t) {
    auto it = std::upper_bound(cue.words.begin(), cue.words.end(), t, [](double v, const Word& w) { return v < w.start; });
    if (it == cue.words.begin()) return std::nullopt;
    return size_t(it - cue.words.begin()) - 1;
}

std::optional<size_t> chapterAt(const std::vector<Chapter>& chapters, double t) {
    auto it = std::upper_bound(chapters.begin(), chapters.end(), t, [](double v, const Chapter& c) { return v < c.start; });
    if (it == chapters.begin()) return std::nullopt;
    --it;
    if (it->end && t >= *it->end) return std::nullopt;
    return size_t(it - chapters.begin());
}

std::optional<double> chapterStep(const std::vector<Chapter>& chapters, double t, int direction) {
    std::vector<double> starts;
    for (const Chapter& c : chapters) {
        if (c.toc) starts.push_back(c.start);
    }
    if (starts.empty()) return std::nullopt;
    if (direction > 0) {
        for (double s : starts) {
            if (s > t + 0.001) return s;
        }
        return std::nullopt;
    }
    // Previous: the start of the chapter we are in, unless we are near it already.
    for (size_t i = starts.size(); i-- > 0;) {
        if (starts[i] <= t - 3.0) return starts[i];
    }
    return starts.front();
}

void sortCuesInTrackOrder(std::vector<Cue>& cues) {
    std::stable_sort(cues.begin(), cues.end(), [](const Cue& a, const Cue& b) {
        if (a.start != b.start) return a.start < b.start;
        return a.end > b.end;
    });
}

void sortChaptersByStart(std::vector<Chapter>& chapters) {
    std::stable_sort(chapters.begin(), chapters.end(),
                     [](const Chapter& a, const Chapter& b) { return a.start < b.start; });
}

} // namespace la::transcripts
