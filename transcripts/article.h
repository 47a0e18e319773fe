#pragma once
// The episode's written article (article.md, CommonMark), parsed with md4c into sections
// the player can show next to the transcript and jump to from chapter links such as
// "article.md#how-immunotherapy-works".
//
// Mapping (tests/transcripts/test_article.cpp checks each one):
//  * The first `#` heading before any `##` is the article title; every other `#` heading
//    acts as a `##` (with a warning). Each `##` heading starts a section; anything before
//    the first `##` goes into an intro section with an empty title (only if non-empty).
//  * `###`..`######` become Heading3 blocks; paragraphs become Paragraph blocks; each list
//    item becomes one Bullet or Numbered block (nested lists: depth 1, 2, ...; the
//    paragraphs of a loose item are joined with '\n'); code blocks become Code blocks.
//  * Inline markup is flattened to plain text: emphasis, strong, code and link spans are
//    kept as byte ranges in `spans`; links keep their text (href in the span); soft line
//    breaks become ' ', hard breaks '\n'; entities are decoded as in cue text, by
//    text_utils' consumeCharacterReference (full HTML table; unknown names kept as written).
//  * Figures: a paragraph made only of images becomes one Figure block per image (text =
//    alt text, src = path); a block quote whose first paragraph starts "Figure:" (or
//    "Figure 2:") turns that paragraph into a Figure block, and the quote's other blocks,
//    marked quoted, are its text alternative. A figure without a text alternative is a
//    warning. Images inside other text contribute their alt text.
//  * Raw HTML is dropped (a warning per HTML block). Invalid UTF-8 is replaced by U+FFFD
//    as sanitizeUtf8 does (one per maximal invalid subpart; one warning). Warnings read "FILE:LINE: problem".
//  * Anchors are GitHub-style (see slugify), unique across all headings of the article.
// CommonMark has no syntax errors: parseArticle only throws ParseError when md4c itself
// fails (out of memory) or the text is over 4 GiB.

#include "transcripts/parse_error.h"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace la::transcripts {

/// Inline markup kept over a block's plain text, as a byte range [begin, end) of `text`.
struct ArticleSpan {
    enum Kind { Emphasis, Strong, Code, Link };
    Kind kind = Emphasis;
    size_t begin = 0;
    size_t end = 0;
    std::string href; ///< Link only, as written
};

struct ArticleBlock {
    enum Kind { Paragraph, Bullet, Numbered, Heading3, Figure, Code };
    Kind kind = Paragraph;
    std::string text;      ///< plain UTF-8 text (Figure: the alt text or the "Figure:" caption)
    int depth = 0;         ///< Bullet/Numbered: list nesting, 0 = outermost list
    int number = 0;        ///< Numbered: the item's number as rendered (start + index)
    bool quoted = false;   ///< inside a block quote (e.g. a figure's text alternative)
    std::string anchor;    ///< Heading3: its GitHub-style anchor
    std::string src;       ///< Figure from an image: the image path; otherwise empty
    std::vector<ArticleSpan> spans; ///< sorted by begin; may nest
};

struct ArticleSection {
    std::string title;   ///< the `##` heading text; empty for the intro section
    std::string anchor;  ///< GitHub-style anchor of the heading; empty for the intro section
    std::vector<ArticleBlock> blocks;
};

struct Article {
    std::string title;   ///< the `#` heading, if any
    std::string anchor;  ///< the title's anchor; empty without a title
    std::vector<ArticleSection> sections; ///< intro section (if any), then one per `##`
    std::vector<std::string> warnings;    ///< "FILE:LINE: problem"
};

/// Parses CommonMark `markdown` into an Article. `fileName` only labels warnings.
/// Throws ParseError only as described above.
Article parseArticle(std::string_view markdown, const std::string& fileName);

/// GitHub-style heading anchor (github-slugger): lowercase; each ASCII space becomes '-';
/// ASCII punctuation except '-' and '_' is removed, as are non-ASCII punctuation, symbols
/// and emoji; letters, digits and marks of any script are kept. Lowercasing covers ASCII,
/// Latin-1, Latin Extended-A, Greek and Cyrillic; other scripts are kept as written.
/// Does not deduplicate (see SlugRegistry).
std::string slugify(std::string_view heading);

/// Deduplicates anchors like GitHub: the second "intro" becomes "intro-1", then "intro-2";
/// generated names are reserved too, so a later heading "Intro 1" gets "intro-1-1".
class SlugRegistry {
public:
    std::string add(std::string_view heading);

private:
    std::unordered_map<std::string, int> occurrences_; ///< slug -> last suffix used for it
};

/// The section a link points at: accepts "anchor", "#anchor", "article.md#anchor" and
/// "./article.md#anchor"; %XX escapes are decoded and ASCII case is ignored. An anchor of
/// a `###` heading gives its section; the title's anchor, "article.md" or "" give the first
/// section. nullopt for other files, full URLs and unknown anchors.
std::optional<size_t> findSection(const Article& article, std::string_view link);

} // namespace la::transcripts
