#include "media/pause_threshold.h"

#include <algorithm>
#include <cmath>

namespace la::media {

PauseThreshold::PauseThreshold(double defaultDb, int windowBlocks)
    : default_(defaultDb), history_(std::size_t(std::max(windowBlocks, kMinBlocks))) {}

void PauseThreshold::add(double levelDb) {
    const int bin = std::isfinite(levelDb) ? std::clamp(int(std::lround(levelDb)) - kLowestDb, 0, kBins - 1) : 0;
    if (filled_ == history_.size()) --counts_[history_[next_]];
    else ++filled_;
    history_[next_] = std::uint8_t(bin);
    ++counts_[std::size_t(bin)];
    next_ = (next_ + 1) % history_.size();
}

double PauseThreshold::percentileDb(double p) const {
    if (filled_ == 0) return default_;
    const double want = p * double(filled_);
    double seen = 0;
    for (int b = 0; b < kBins; ++b) {
        seen += counts_[std::size_t(b)];
        if (seen >= want && seen > 0) return double(b + kLowestDb);
    }
    return 0;
}

double PauseThreshold::thresholdDb() const {
    if (filled_ < std::size_t(kMinBlocks)) return default_;
    const double t = std::max(default_, floorDb() + kAboveFloorDb);
    return std::min(t, speechDb() - kBelowSpeechDb);
}

} // namespace la::media
