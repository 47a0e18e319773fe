#pragma once
// Which cue or chapter is at time t: pure functions over sorted lists.

#include "transcripts/model.h"

#include <cstddef>
#include <optional>
#include <vector>

namespace la::transcripts {

/// The cue being heard at time t: among cues with start <= t < end, the one
/// that started last (ties: the later in list order). Gaps give nullopt.
/// `cues` must be sorted by start. O(log n) plus the overlap scan.
std::optional<size_t> cueAt(const std::vector<Cue>& cues, double t);

/// The chapter at time t: the last chapter (toc or not) with start <= t whose
/// end, if given, is after t. `chapters` must be sorted by start. O(log n).
std::optional<size_t> chapterAt(const std::vector<Chapter>& chapters, double t);

/// Puts cues in WebVTT text-track order: start ascending, then end descending
/// (longer first); equal cues keep their file order.
void sortCuesInTrackOrder(std::vector<Cue>& cues);

/// Sorts chapters by start; equal starts keep their file order.
void sortChaptersByStart(std::vector<Chapter>& chapters);

} // namespace la::transcripts
