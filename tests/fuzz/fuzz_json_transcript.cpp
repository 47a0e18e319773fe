// libFuzzer target: parseJsonTranscript and its content sniffer.

#include "fuzz_checks.h"
#include "transcripts/json_transcript_parser.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    std::string_view text(reinterpret_cast<const char*>(data), size);
    (void)la::transcripts::looksLikeJsonTranscript(text);
    try {
        la::transcripts::Transcript t = la::transcripts::parseJsonTranscript(text, "fuzz.json");
        la::fuzz::require(t.format == "json", "format is not json");
        la::fuzz::checkTranscript(t, true);
        for (const la::transcripts::Cue& c : t.cues)
            la::fuzz::require(c.end <= la::transcripts::kMaxJsonTime + la::transcripts::kImpliedCueSeconds,
                              "cue end beyond the time limit");
    } catch (const la::transcripts::ParseError&) {
    }
    return 0;
}
