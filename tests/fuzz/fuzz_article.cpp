// libFuzzer target: parseArticle (md4c underneath), slugify and findSection.

#include "fuzz_checks.h"
#include "transcripts/article.h"

#include <cstddef>
#include <cstdint>

using namespace la::transcripts;
using la::fuzz::require;

namespace {

void checkBlock(const ArticleBlock& b) {
    require(la::fuzz::isValidUtf8(b.text), "block text not UTF-8");
    require(b.depth >= 0, "negative list depth");
    for (const ArticleSpan& s : b.spans)
        require(s.begin <= s.end && s.end <= b.text.size(), "span outside its block's text");
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    std::string_view text(reinterpret_cast<const char*>(data), size);
    require(la::fuzz::isValidUtf8(slugify(text)), "slug not UTF-8");
    try {
        Article a = parseArticle(text, "fuzz.md");
        require(la::fuzz::isValidUtf8(a.title), "title not UTF-8");
        for (size_t s = 0; s < a.sections.size(); ++s) {
            const ArticleSection& section = a.sections[s];
            require(la::fuzz::isValidUtf8(section.title), "section title not UTF-8");
            // Anchors are unique, so a non-empty one must lead back to its own section.
            if (!section.anchor.empty())
                require(findSection(a, "article.md#" + section.anchor) == s, "findSection misses a section anchor");
            for (const ArticleBlock& b : section.blocks) {
                checkBlock(b);
                if (b.kind == ArticleBlock::Heading3 && !b.anchor.empty())
                    require(findSection(a, "#" + b.anchor) == s, "findSection misses a ### anchor");
            }
        }
        (void)findSection(a, text);
    } catch (const ParseError&) {
    }
    return 0;
}
