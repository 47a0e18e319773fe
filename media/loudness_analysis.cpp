#include "media/loudness_analysis.h"

#include "media/loudness_tags.h"

namespace la::media {

LoudnessAnalysis::LoudnessAnalysis(std::string audioPath, double targetLufs, std::string cacheFile)
    : path_(std::move(audioPath)), cacheFile_(std::move(cacheFile)), target_(targetLufs) {
    thread_ = std::thread([this] { run(); });
}

LoudnessAnalysis::~LoudnessAnalysis() {
    cancel_ = true;
    thread_.join();
}

std::optional<double> LoudnessAnalysis::gainDb() const {
    std::lock_guard lock(mutex_);
    return gain_;
}

std::string LoudnessAnalysis::takeProblem() {
    std::lock_guard lock(mutex_);
    std::string p;
    p.swap(problem_);
    return p;
}

void LoudnessAnalysis::run() {
    try { // a file that says how loud it is needs no measuring
        if (auto tagged = taggedLoudness(*openAudioFile(path_))) {
            std::lock_guard lock(mutex_);
            gain_ = gainToTargetDb(Loudness{tagged->integratedLufs}, target_);
            basis_ = tagged->tag;
            return;
        }
    } catch (const MediaError&) {
        // Said below, where the file is read for measuring.
    }
    const std::string identity = fileIdentity(path_);
    LoudnessCache cache(cacheFile_);
    std::optional<Loudness> known = cacheFile_.empty() ? std::nullopt : cache.find(identity);
    if (known && known->hasGainFor(target_)) {
        std::lock_guard lock(mutex_);
        gain_ = known->gainDb;
        basis_ = "cache";
        return;
    }
    try {
        auto source = openAudioFile(path_);
        Loudness measured;
        if (known) measured = *known;
        else if (!measureLoudness(*source, measured, &cancel_)) return;
        std::optional<double> gain = limitedGainDb(*source, measured, target_, &cancel_);
        if (!gain) return;
        measured.gainTarget = target_;
        measured.gainDb = *gain;
        std::string error;
        const bool stored = cacheFile_.empty() || cache.store(identity, measured, error);
        std::lock_guard lock(mutex_);
        gain_ = *gain;
        basis_ = "measured";
        if (!stored) problem_ = error + " (the loudness of " + path_ + " will be measured again next time)";
    } catch (const MediaError& e) {
        std::lock_guard lock(mutex_);
        problem_ = std::string("Even loudness is off for this episode: ") + e.what();
    }
}

std::string LoudnessAnalysis::basis() const {
    std::lock_guard lock(mutex_);
    return basis_;
}

} // namespace la::media
