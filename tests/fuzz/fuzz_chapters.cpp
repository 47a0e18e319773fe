// libFuzzer target: parseChapters and its content sniffer.

#include "fuzz_checks.h"
#include "transcripts/chapters_parser.h"

#include <cstddef>
#include <cstdint>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    std::string_view text(reinterpret_cast<const char*>(data), size);
    (void)la::transcripts::looksLikeJsonChapters(text);
    try {
        la::transcripts::ChapterList list = la::transcripts::parseChapters(text, "fuzz.json");
        for (size_t i = 0; i < list.chapters.size(); ++i) {
            const la::transcripts::Chapter& c = list.chapters[i];
            la::fuzz::require(std::isfinite(c.start) && c.start >= 0, "chapter start not finite and >= 0");
            if (c.end) la::fuzz::require(std::isfinite(*c.end) && *c.end >= c.start, "chapter end before start");
            if (c.title) la::fuzz::require(la::fuzz::isValidUtf8(*c.title), "chapter title not UTF-8");
            la::fuzz::require(la::fuzz::isValidUtf8(c.url) && la::fuzz::isValidUtf8(c.img), "url/img not UTF-8");
            if (i > 0) la::fuzz::require(list.chapters[i - 1].start <= c.start, "chapters not sorted");
        }
    } catch (const la::transcripts::ParseError&) {
    }
    return 0;
}
