#pragma once
// Finding text in a transcript: every cue whose text contains the query,
// ignoring case. Pure functions over cues, no ImGui, so they are tested alone.
//
// Case folding is byte-length preserving, so match offsets index the cue's own
// text: ASCII A-Z, and the Latin-1 capitals U+00C0..U+00DE (except U+00D7 ×),
// which are two-byte sequences in UTF-8 like their lower-case forms. Other
// characters must match exactly; a multi-byte sequence is never split, because
// a match starts and ends on the query's own (valid) sequence boundaries.

#include "transcripts/model.h"

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace la::ui {

/// One occurrence of the query: bytes [begin, end) of cues[cue].text.
struct SearchHit {
    size_t cue = 0;
    size_t begin = 0;
    size_t end = 0;
};

struct SearchResult {
    std::vector<SearchHit> hits;    ///< every occurrence, in cue then text order
    std::vector<size_t> cues;       ///< the distinct cues hit, ascending: what "3 of 12" counts
};

/// `text` with ASCII and Latin-1 capitals lowered (same length, see above).
std::string foldCase(std::string_view text);

/// Every occurrence of `query` (case folded) in each cue's text. An empty or
/// all-space query finds nothing. O(total text length x query length) worst case.
SearchResult searchCues(const std::vector<transcripts::Cue>& cues, std::string_view query);

/// The index into result.cues of the first hit cue at or after `cue`
/// (wrapping to 0); 0 when there is none. For "start at what is playing".
size_t firstHitAtOrAfter(const SearchResult& result, size_t cue);

} // namespace la::ui
