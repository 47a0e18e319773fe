#pragma once
// Which cue, word or chapter is at time t, and where a chapter step goes:
// pure functions over sorted lists (no SDL, no ImGui). The player and the
// panes ask these; none of them searches the lists itself.

#include "transcripts/model.h"

#include <cstddef>
#include <optional>
#include <vector>

namespace la::transcripts {

/// The cue being heard at time t: among cues with start <= t < end, the one
/// that started last (ties: the later in list order). Gaps give nullopt.
/// `cues` must be sorted by start. O(log n) plus the overlap scan.
std::optional<size_t> cueAt(const std::vector<Cue>& cues, double t);

/// The cue to highlight at time t: cueAt, or in a pause between cues the last
/// one that started (so the highlight does not blink off between lines).
/// nullopt before the first cue starts. `cues` must be sorted by start.
std::optional<size_t> cueBeingHeard(const std::vector<Cue>& cues, double t);

/// The word being spoken in `cue` at time t: the last word with start <= t
/// (it stays current until the next one starts). nullopt before the first
/// word and for a cue without word timings. `cue.words` is sorted by start.
std::optional<size_t> wordAt(const Cue& cue, double t);

/// The chapter at time t: the last chapter (toc or not) with start <= t whose
/// end, if given, is after t. `chapters` must be sorted by start. O(log n).
std::optional<size_t> chapterAt(const std::vector<Chapter>& chapters, double t);

/// The start a previous / next chapter command goes to from time t, among the
/// toc chapters only (those listed). direction > 0: the first start more than
/// 1 ms after t, nullopt after the last. Otherwise (previous): the start of the
/// chapter t is in, or the one before when t is within 3 s of its start; the
/// first toc start when there is none earlier. nullopt when no chapter is toc.
std::optional<double> chapterStep(const std::vector<Chapter>& chapters, double t, int direction);

/// Puts cues in WebVTT text-track order: start ascending, then end descending
/// (longer first); equal cues keep their file order.
void sortCuesInTrackOrder(std::vector<Cue>& cues);

/// Sorts chapters by start; equal starts keep their file order.
void sortChaptersByStart(std::vector<Chapter>& chapters);

} // namespace la::transcripts
