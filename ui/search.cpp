#include "ui/search.h"

#include <algorithm>

namespace la::ui {

std::string foldCase(std::string_view text) {
    std::string out(text);
    for (size_t i = 0; i < out.size(); ++i) {
        unsigned char c = static_cast<unsigned char>(out[i]);
        if (c >= 'A' && c <= 'Z') {
            out[i] = char(c + 32);
        } else if (c == 0xC3 && i + 1 < out.size()) {
            // U+00C0..U+00DE are C3 80..C3 9E; lower case is +0x20 (C3 A0..C3 BE). U+00D7 is ×.
            unsigned char d = static_cast<unsigned char>(out[i + 1]);
            if (d >= 0x80 && d <= 0x9E && d != 0x97) out[i + 1] = char(d + 0x20);
            ++i;
        }
    }
    return out;
}

SearchResult searchCues(const std::vector<transcripts::Cue>& cues, std::string_view query) {
    SearchResult result;
    if (query.find_first_not_of(" \t\n") == std::string_view::npos) return result;
    const std::string needle = foldCase(query);
    for (size_t i = 0; i < cues.size(); ++i) {
        const std::string hay = foldCase(cues[i].text);
        size_t from = 0;
        bool hit = false;
        while ((from = hay.find(needle, from)) != std::string::npos) {
            result.hits.push_back({i, from, from + needle.size()});
            from += needle.size();
            hit = true;
        }
        if (hit) result.cues.push_back(i);
    }
    return result;
}

size_t firstHitAtOrAfter(const SearchResult& result, size_t cue) {
    auto it = std::lower_bound(result.cues.begin(), result.cues.end(), cue);
    return it == result.cues.end() ? 0 : size_t(it - result.cues.begin());
}

} // namespace la::ui
