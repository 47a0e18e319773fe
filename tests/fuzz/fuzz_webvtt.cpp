// libFuzzer target: parseWebVtt (transcripts/webvtt_parser.h).

#include "fuzz_checks.h"
#include "transcripts/webvtt_parser.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    std::string_view text(reinterpret_cast<const char*>(data), size);
    try {
        la::transcripts::Transcript t = la::transcripts::parseWebVtt(text, "fuzz.vtt");
        la::fuzz::checkTranscript(t, false);
    } catch (const la::transcripts::ParseError&) {
    }
    return 0;
}
