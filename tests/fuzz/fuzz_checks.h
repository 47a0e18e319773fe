#pragma once
// Shared by the libFuzzer targets: invariants every parser result must keep. A broken
// invariant prints what broke and aborts, which libFuzzer reports as a crash with the
// input saved. ParseError is an accepted outcome; any other exception escapes the target
// and is reported too (std::terminate).

#include "transcripts/model.h"

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <string_view>

// UBSan in the fuzz build is compiled recoverable (top-level flags): make the first report
// fatal so libFuzzer saves the input. (Each fuzz target is a single translation unit, so
// this definition exists once per executable.)
extern "C" __attribute__((used)) const char* __ubsan_default_options() {
    return "halt_on_error=1:print_stacktrace=1";
}

namespace la::fuzz {

[[noreturn]] inline void fail(const char* what) {
    std::fprintf(stderr, "fuzz invariant broken: %s\n", what);
    std::abort();
}

inline void require(bool ok, const char* what) {
    if (!ok) fail(what);
}

/// Strict UTF-8: no overlongs, surrogates or code points above U+10FFFF.
inline bool isValidUtf8(std::string_view s) {
    for (size_t i = 0; i < s.size();) {
        unsigned char c = static_cast<unsigned char>(s[i]);
        if (c < 0x80) { ++i; continue; }
        int n = c >= 0xF0 ? 3 : c >= 0xE0 ? 2 : c >= 0xC2 ? 1 : -1;
        if (n < 0 || c > 0xF4 || s.size() - i <= static_cast<size_t>(n)) return false;
        unsigned cp = c & (0x3F >> n);
        for (int k = 1; k <= n; ++k) {
            unsigned char cc = static_cast<unsigned char>(s[i + k]);
            if ((cc & 0xC0) != 0x80) return false;
            cp = (cp << 6) | (cc & 0x3F);
        }
        static constexpr unsigned kMin[] = {0, 0x80, 0x800, 0x10000};
        if (cp < kMin[n] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
        i += n + 1;
    }
    return true;
}

/// Cues sorted by start (then longer first), finite times, UTF-8 text.
/// `endAfterStart`: also require end >= start (the JSON parser guarantees it).
inline void checkTranscript(const transcripts::Transcript& t, bool endAfterStart) {
    for (size_t i = 0; i < t.cues.size(); ++i) {
        const transcripts::Cue& c = t.cues[i];
        require(std::isfinite(c.start) && std::isfinite(c.end), "cue time not finite");
        require(c.start >= 0, "cue start negative");
        if (endAfterStart) require(c.end >= c.start, "cue ends before it starts");
        require(isValidUtf8(c.text), "cue text is not UTF-8");
        require(isValidUtf8(c.speaker), "cue speaker is not UTF-8");
        if (i > 0) {
            const transcripts::Cue& p = t.cues[i - 1];
            require(p.start < c.start || (p.start == c.start && p.end >= c.end), "cues not sorted by (start, -end)");
        }
    }
}

} // namespace la::fuzz
