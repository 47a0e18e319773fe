// article.md -> Article, with md4c doing the CommonMark parsing.
//
// [SECTION] slugify, SlugRegistry
// [SECTION] entities (decoded by text_utils, as in cues)
// [SECTION] ArticleBuilder: md4c callbacks -> sections and blocks
// [SECTION] parseArticle, findSection
//
// md4c reports a stream of enter/leave block, enter/leave span and text events. The
// builder keeps where the current text goes (a heading buffer or a block, addressed by
// section and block index, so growing vectors never invalidate it) and a few stacks for
// lists, list items, quotes and spans.

#include "transcripts/article.h"

#include "transcripts/text_utils.h"

#include <md4c.h>

#include <algorithm>
#include <climits>
#include <exception>

namespace la::transcripts {

// ---------------------------------------------------------------------------------------
// [SECTION] slugify, SlugRegistry
// ---------------------------------------------------------------------------------------
namespace {

constexpr char32_t kReplacement = 0xFFFD;

char32_t toLower(char32_t c) {
    if (c < 0x80) return (c >= 'A' && c <= 'Z') ? c + 32 : c;
    if (c >= 0xC0 && c <= 0xDE && c != 0xD7) return c + 0x20;           // Latin-1
    if (c >= 0x100 && c <= 0x17F) {                                       // Latin Extended-A
        if (c == 0x130) return 'i';
        if (c == 0x178) return 0xFF;
        bool oddUpper = (c >= 0x139 && c <= 0x148) || (c >= 0x179 && c <= 0x17E);
        if (c == 0x138 || c == 0x149 || c == 0x17F) return c;
        if (oddUpper) return (c % 2 == 1) ? c + 1 : c;
        return (c % 2 == 0) ? c + 1 : c;
    }
    if (c >= 0x391 && c <= 0x3AB && c != 0x3A2) return c + 0x20;          // Greek
    if (c == 0x386) return 0x3AC;
    if (c >= 0x388 && c <= 0x38A) return c + 0x25;
    if (c == 0x38C) return 0x3CC;
    if (c == 0x38E || c == 0x38F) return c + 0x3F;
    if (c >= 0x410 && c <= 0x42F) return c + 0x20;                        // Cyrillic
    if (c >= 0x400 && c <= 0x40F) return c + 0x50;
    return c;
}

/// Code points github-slugger removes: ASCII punctuation other than '-' and '_', controls,
/// and (approximately) the non-ASCII punctuation, symbol and emoji blocks.
bool removedFromSlug(char32_t c) {
    if (c < 0x80) return !((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
                           c == '_' || c == ' ');
    if (c <= 0xBF) return c != 0xAA && c != 0xB5 && c != 0xBA;
    if (c == 0xD7 || c == 0xF7) return true;
    if (c >= 0x2000 && c <= 0x206F) return c != 0x203F && c != 0x2040 && c != 0x2054;
    struct Range { char32_t lo, hi; };
    static constexpr Range kRemoved[] = {
        {0x20A0, 0x20CF}, {0x2190, 0x23FF}, {0x2400, 0x245F}, {0x2500, 0x27BF}, {0x27C0, 0x2BFF},
        {0x2E00, 0x2E7F}, {0x3000, 0x3004}, {0x3008, 0x3020}, {0x3030, 0x3030}, {0x303D, 0x303F},
        {0xFE10, 0xFE1F}, {0xFE30, 0xFE32}, {0xFE35, 0xFE4C}, {0xFE50, 0xFE6F}, {0xFF01, 0xFF0F},
        {0xFF1A, 0xFF20}, {0xFF3B, 0xFF3E}, {0xFF40, 0xFF40}, {0xFF5B, 0xFF65}, {0xFFF0, 0xFFFF},
        {0x1F000, 0x1FAFF}, {0xE0000, 0xE007F},
    };
    for (const Range& r : kRemoved)
        if (c >= r.lo && c <= r.hi) return true;
    return false;
}

} // namespace

std::string slugify(std::string_view heading) {
    std::string slug;
    for (size_t i = 0; i < heading.size();) {
        std::optional<char32_t> cp = decodeUtf8(heading, i);
        if (!cp || removedFromSlug(*cp)) continue;
        if (*cp == ' ') slug += '-';
        else appendUtf8(slug, toLower(*cp));
    }
    return slug;
}

std::string SlugRegistry::add(std::string_view heading) {
    // github-slugger's algorithm: count per base slug, and reserve every generated name.
    std::string base = slugify(heading);
    std::string slug = base;
    while (occurrences_.count(slug)) slug = base + "-" + std::to_string(++occurrences_[base]);
    occurrences_[slug] = 0;
    return slug;
}

// ---------------------------------------------------------------------------------------
// [SECTION] entities (decoded by text_utils, as in cues)
// ---------------------------------------------------------------------------------------
namespace {

std::string attributeText(const MD_ATTRIBUTE& a) {
    std::string out;
    if (!a.text || !a.substr_offsets) return out;
    for (int k = 0; a.substr_offsets[k] < a.size; ++k) {
        std::string_view piece(a.text + a.substr_offsets[k], a.substr_offsets[k + 1] - a.substr_offsets[k]);
        if (a.substr_types[k] == MD_TEXT_ENTITY) out += decodeCharacterReferences(piece);
        else if (a.substr_types[k] == MD_TEXT_NULLCHAR) appendUtf8(out, kReplacement);
        else out += piece;
    }
    return out;
}

bool isBlank(std::string_view s) {
    return s.find_first_not_of(" \t\n\r\f\v") == std::string_view::npos;
}

/// "Figure:", "figure 2:" ... at the start of a caption paragraph.
bool startsAsFigureCaption(std::string_view text) {
    if (text.size() < 7) return false;
    std::string head(text.substr(0, 6));
    for (char& c : head) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
    if (head != "figure") return false;
    if (text[6] == ':') return true;
    if (text[6] != ' ') return false;
    size_t colon = text.find(':', 7);
    return colon != std::string_view::npos && colon <= 30 && text.substr(7, colon - 7).find('\n') == std::string_view::npos;
}

// ---------------------------------------------------------------------------------------
// [SECTION] ArticleBuilder
// ---------------------------------------------------------------------------------------

constexpr size_t kNone = static_cast<size_t>(-1);

/// A block addressed by section and index (stable while vectors grow).
struct BlockRef {
    size_t section = kNone;
    size_t block = kNone;
    bool valid() const { return section != kNone; }
    bool operator==(const BlockRef&) const = default;
};

class ArticleBuilder {
public:
    ArticleBuilder(std::string_view input, const std::string& fileName) : input_(input), fileName_(fileName) {}

    Article take() {
        article_.anchor = titleAnchor_;
        return std::move(article_);
    }
    void warn(size_t offset, const std::string& problem) {
        std::string where = fileName_;
        if (offset != kNone) where += ":" + std::to_string(lineOf(offset));
        article_.warnings.push_back(where + ": " + problem);
    }

    int enterBlock(MD_BLOCKTYPE type, void* detail);
    int leaveBlock(MD_BLOCKTYPE type, void* detail);
    int enterSpan(MD_SPANTYPE type, void* detail);
    int leaveSpan(MD_SPANTYPE type, void* detail);
    int text(MD_TEXTTYPE type, const MD_CHAR* text, MD_SIZE size);

private:
    struct ListState {
        bool ordered = false;
        int next = 1;
    };
    struct QuoteState {
        BlockRef first;        ///< first block created inside the quote
        BlockRef figure;       ///< its "Figure:" caption, if it became one
        bool hasAlternative = false;
        size_t offset = kNone; ///< where the quote's text starts, for warnings
    };
    struct OpenSpan {
        ArticleSpan::Kind kind;
        BlockRef block;
        size_t begin;
        std::string href;
    };
    struct ImageInParagraph {
        size_t altBegin, altEnd;
        std::string src;
        size_t offset;
    };

    /// 1-based line of an input offset; the line table is built on the first warning.
    int lineOf(size_t offset) {
        if (lineStarts_.empty()) {
            lineStarts_.push_back(0);
            for (size_t i = 0; i < input_.size(); ++i)
                if (input_[i] == '\n') lineStarts_.push_back(i + 1);
        }
        return static_cast<int>(std::upper_bound(lineStarts_.begin(), lineStarts_.end(), offset) - lineStarts_.begin());
    }
    ArticleBlock& blockAt(BlockRef r) { return article_.sections[r.section].blocks[r.block]; }
    size_t currentSection() {
        if (article_.sections.empty()) article_.sections.emplace_back(); // the intro section
        return article_.sections.size() - 1;
    }
    BlockRef newBlock(ArticleBlock::Kind kind) {
        size_t s = currentSection();
        ArticleBlock block;
        block.kind = kind;
        block.quoted = !quotes_.empty();
        article_.sections[s].blocks.push_back(std::move(block));
        BlockRef ref{s, article_.sections[s].blocks.size() - 1};
        if (!quotes_.empty()) {
            QuoteState& q = quotes_.back();
            if (!q.first.valid()) q.first = ref;
            else q.hasAlternative = true;
        }
        return ref;
    }
    void noteOffset(const MD_CHAR* text) {
        if (text >= input_.data() && text < input_.data() + input_.size()) {
            size_t offset = static_cast<size_t>(text - input_.data());
            if (blockOffset_ == kNone) blockOffset_ = offset;
            // Quotes still without an offset are the innermost ones (a suffix of the stack).
            for (auto q = quotes_.rbegin(); q != quotes_.rend() && q->offset == kNone; ++q) q->offset = offset;
        }
    }
    void appendText(std::string_view piece, bool countsAsText);
    void startHeading(int level);
    void finishHeading();
    void finishParagraph();

    std::string_view input_;
    const std::string& fileName_;
    Article article_;
    SlugRegistry slugs_;
    std::string titleAnchor_;
    std::vector<size_t> lineStarts_;

    BlockRef target_;             ///< where text goes; invalid while in a heading or nowhere
    bool inHeading_ = false;
    int headingLevel_ = 0;
    std::string headingText_;
    size_t blockOffset_ = kNone;  ///< first input offset seen in the current leaf block

    std::vector<ListState> lists_;
    std::vector<BlockRef> items_;  ///< open list items' blocks
    std::vector<QuoteState> quotes_;
    std::vector<OpenSpan> spans_;
    int imageDepth_ = 0;
    std::vector<ImageInParagraph> images_; ///< images of the current paragraph
    bool paragraphHasText_ = false;        ///< non-blank text outside images
    bool paragraphOwnsBlock_ = false;      ///< the paragraph made its own block (not a list item's)
    bool inHtmlBlock_ = false;
};

void ArticleBuilder::appendText(std::string_view piece, bool countsAsText) {
    if (inHeading_) { headingText_ += piece; return; }
    if (!target_.valid()) return;
    blockAt(target_).text += piece;
    if (countsAsText && imageDepth_ == 0 && !isBlank(piece)) paragraphHasText_ = true;
}

void ArticleBuilder::startHeading(int level) {
    inHeading_ = true;
    headingLevel_ = level;
    headingText_.clear();
    blockOffset_ = kNone;
}

void ArticleBuilder::finishHeading() {
    inHeading_ = false;
    std::string anchor = slugs_.add(headingText_);
    bool isTitle = headingLevel_ == 1 && article_.title.empty() && titleAnchor_.empty() &&
                   (article_.sections.empty() || article_.sections.back().title.empty());
    if (isTitle) {
        article_.title = headingText_;
        titleAnchor_ = anchor;
    } else if (headingLevel_ <= 2) {
        if (headingLevel_ == 1) warn(blockOffset_, "more than one '#' heading; treated as a '##' section");
        ArticleSection section;
        section.title = headingText_;
        section.anchor = std::move(anchor);
        article_.sections.push_back(std::move(section));
    } else {
        BlockRef ref = newBlock(ArticleBlock::Heading3);
        blockAt(ref).text = headingText_;
        blockAt(ref).anchor = std::move(anchor);
    }
    headingText_.clear();
}

void ArticleBuilder::finishParagraph() {
    if (!paragraphOwnsBlock_ || !target_.valid()) return;
    BlockRef ref = target_;
    if (!images_.empty() && !paragraphHasText_) {
        // A paragraph of images only: one Figure per image, alt text as its text.
        std::string text = blockAt(ref).text;
        auto& blocks = article_.sections[ref.section].blocks;
        bool wasFirstInQuote = !quotes_.empty() && quotes_.back().first == ref;
        blocks.erase(blocks.begin() + static_cast<ptrdiff_t>(ref.block));
        if (wasFirstInQuote) quotes_.back().first = {};
        for (const ImageInParagraph& image : images_) {
            BlockRef figure = newBlock(ArticleBlock::Figure);
            blockAt(figure).text = text.substr(image.altBegin, image.altEnd - image.altBegin);
            blockAt(figure).src = image.src;
            if (isBlank(blockAt(figure).text))
                warn(image.offset, "figure '" + image.src + "' has no text alternative (alt text)");
        }
    } else if (!quotes_.empty() && quotes_.back().first == ref && startsAsFigureCaption(blockAt(ref).text)) {
        blockAt(ref).kind = ArticleBlock::Figure;
        quotes_.back().figure = ref;
    }
    images_.clear();
    paragraphOwnsBlock_ = false;
}

int ArticleBuilder::enterBlock(MD_BLOCKTYPE type, void* detail) {
    switch (type) {
    case MD_BLOCK_H: startHeading(static_cast<int>(static_cast<MD_BLOCK_H_DETAIL*>(detail)->level)); break;
    case MD_BLOCK_P:
        blockOffset_ = kNone;
        paragraphHasText_ = false;
        images_.clear();
        if (!items_.empty() && items_.back().valid()) {
            // A loose list item's paragraph: joins the item's block.
            target_ = items_.back();
            if (!blockAt(target_).text.empty()) blockAt(target_).text += '\n';
            paragraphOwnsBlock_ = false;
        } else {
            target_ = newBlock(ArticleBlock::Paragraph);
            paragraphOwnsBlock_ = true;
        }
        break;
    case MD_BLOCK_UL: lists_.push_back({false, 1}); break;
    case MD_BLOCK_OL: lists_.push_back({true, static_cast<int>(static_cast<MD_BLOCK_OL_DETAIL*>(detail)->start)}); break;
    case MD_BLOCK_LI: {
        ListState list = lists_.empty() ? ListState{} : lists_.back();
        BlockRef ref = newBlock(list.ordered ? ArticleBlock::Numbered : ArticleBlock::Bullet);
        blockAt(ref).depth = lists_.empty() ? 0 : static_cast<int>(lists_.size()) - 1;
        if (list.ordered) {
            blockAt(ref).number = lists_.back().next;
            if (lists_.back().next < INT_MAX) ++lists_.back().next;
        }
        items_.push_back(ref);
        target_ = ref;
        break;
    }
    case MD_BLOCK_QUOTE: quotes_.push_back({}); break;
    case MD_BLOCK_CODE:
        target_ = newBlock(ArticleBlock::Code);
        break;
    case MD_BLOCK_HTML:
        inHtmlBlock_ = true;
        blockOffset_ = kNone;
        target_ = {};
        break;
    default: break; // DOC, HR (and table blocks, not enabled)
    }
    return 0;
}

int ArticleBuilder::leaveBlock(MD_BLOCKTYPE type, void* detail) {
    switch (type) {
    case MD_BLOCK_H: finishHeading(); break;
    case MD_BLOCK_P:
        finishParagraph();
        target_ = items_.empty() ? BlockRef{} : items_.back();
        break;
    case MD_BLOCK_UL:
    case MD_BLOCK_OL:
        if (!lists_.empty()) lists_.pop_back();
        break;
    case MD_BLOCK_LI:
        if (!items_.empty()) items_.pop_back();
        target_ = items_.empty() ? BlockRef{} : items_.back();
        break;
    case MD_BLOCK_QUOTE:
        if (!quotes_.empty()) {
            QuoteState q = quotes_.back();
            quotes_.pop_back();
            if (q.figure.valid() && !q.hasAlternative)
                warn(q.offset, "figure '" + blockAt(q.figure).text + "' has no text alternative");
            if (!quotes_.empty()) quotes_.back().hasAlternative = true; // a nested quote counts as content
        }
        break;
    case MD_BLOCK_CODE:
        if (target_.valid()) {
            std::string& code = blockAt(target_).text;
            if (!code.empty() && code.back() == '\n') code.pop_back();
        }
        target_ = items_.empty() ? BlockRef{} : items_.back();
        break;
    case MD_BLOCK_HTML:
        inHtmlBlock_ = false;
        warn(blockOffset_, "raw HTML block ignored");
        target_ = items_.empty() ? BlockRef{} : items_.back();
        break;
    default: break;
    }
    return 0;
}

int ArticleBuilder::enterSpan(MD_SPANTYPE type, void* detail) {
    if (inHeading_) return 0;
    size_t begin = target_.valid() ? blockAt(target_).text.size() : 0;
    switch (type) {
    case MD_SPAN_EM: spans_.push_back({ArticleSpan::Emphasis, target_, begin, {}}); break;
    case MD_SPAN_STRONG: spans_.push_back({ArticleSpan::Strong, target_, begin, {}}); break;
    case MD_SPAN_CODE: spans_.push_back({ArticleSpan::Code, target_, begin, {}}); break;
    case MD_SPAN_A:
        spans_.push_back({ArticleSpan::Link, target_, begin, attributeText(static_cast<MD_SPAN_A_DETAIL*>(detail)->href)});
        break;
    case MD_SPAN_IMG: {
        auto* img = static_cast<MD_SPAN_IMG_DETAIL*>(detail);
        if (imageDepth_++ == 0) {
            size_t offset = kNone;
            if (img->src.text >= input_.data() && img->src.text < input_.data() + input_.size())
                offset = static_cast<size_t>(img->src.text - input_.data());
            images_.push_back({begin, begin, attributeText(img->src), offset});
        }
        break;
    }
    default: break;
    }
    return 0;
}

int ArticleBuilder::leaveSpan(MD_SPANTYPE type, void* detail) {
    if (inHeading_) return 0;
    size_t end = target_.valid() ? blockAt(target_).text.size() : 0;
    if (type == MD_SPAN_IMG) {
        if (--imageDepth_ == 0 && !images_.empty()) images_.back().altEnd = end;
        return 0;
    }
    if (type != MD_SPAN_EM && type != MD_SPAN_STRONG && type != MD_SPAN_CODE && type != MD_SPAN_A) return 0;
    if (spans_.empty()) return 0;
    OpenSpan open = std::move(spans_.back());
    spans_.pop_back();
    if (open.block.valid() && open.block == target_ && end > open.begin)
        blockAt(target_).spans.push_back({open.kind, open.begin, end, std::move(open.href)});
    return 0;
}

int ArticleBuilder::text(MD_TEXTTYPE type, const MD_CHAR* text, MD_SIZE size) {
    noteOffset(text);
    std::string_view piece(text, size);
    switch (type) {
    case MD_TEXT_NORMAL:
    case MD_TEXT_CODE: appendText(piece, true); break;
    case MD_TEXT_NULLCHAR: {
        std::string r;
        appendUtf8(r, kReplacement);
        appendText(r, true);
        break;
    }
    case MD_TEXT_BR: appendText("\n", false); break;
    case MD_TEXT_SOFTBR: appendText(" ", false); break;
    case MD_TEXT_ENTITY: appendText(decodeCharacterReferences(piece), true); break;
    case MD_TEXT_HTML: break; // raw HTML (inline or block) is not shown
    default: appendText(piece, true); break;
    }
    return 0;
}

/// md4c's C callbacks: forward to the builder; a C++ exception (bad_alloc) must not cross
/// md4c's C frames, so it is parked and md_parse is told to stop.
struct CallbackContext {
    ArticleBuilder* builder;
    std::exception_ptr error;
};

template <typename F> int guarded(void* userdata, F&& f) {
    auto* ctx = static_cast<CallbackContext*>(userdata);
    try {
        return f(*ctx->builder);
    } catch (...) {
        ctx->error = std::current_exception();
        return 1;
    }
}

} // namespace

// ---------------------------------------------------------------------------------------
// [SECTION] parseArticle, findSection
// ---------------------------------------------------------------------------------------

Article parseArticle(std::string_view markdown, const std::string& fileName) {
    if (markdown.size() > UINT_MAX) throw ParseError(fileName, 0, 0, "article is too large (over 4 GiB)");
    std::optional<size_t> firstBad = findInvalidUtf8(markdown); // same offset in `text`: all before it is kept
    std::string text = sanitizeUtf8(markdown);

    ArticleBuilder builder(text, fileName);
    if (firstBad) builder.warn(*firstBad, "invalid UTF-8 replaced by U+FFFD");
    CallbackContext ctx{&builder, nullptr};

    MD_PARSER parser{};
    parser.abi_version = 0;
    parser.flags = MD_DIALECT_COMMONMARK;
    parser.enter_block = [](MD_BLOCKTYPE t, void* d, void* u) { return guarded(u, [&](ArticleBuilder& b) { return b.enterBlock(t, d); }); };
    parser.leave_block = [](MD_BLOCKTYPE t, void* d, void* u) { return guarded(u, [&](ArticleBuilder& b) { return b.leaveBlock(t, d); }); };
    parser.enter_span = [](MD_SPANTYPE t, void* d, void* u) { return guarded(u, [&](ArticleBuilder& b) { return b.enterSpan(t, d); }); };
    parser.leave_span = [](MD_SPANTYPE t, void* d, void* u) { return guarded(u, [&](ArticleBuilder& b) { return b.leaveSpan(t, d); }); };
    parser.text = [](MD_TEXTTYPE t, const MD_CHAR* s, MD_SIZE n, void* u) { return guarded(u, [&](ArticleBuilder& b) { return b.text(t, s, n); }); };

    int rc = md_parse(text.data(), static_cast<MD_SIZE>(text.size()), &parser, &ctx);
    if (ctx.error) std::rethrow_exception(ctx.error);
    if (rc != 0) throw ParseError(fileName, 0, 0, "the Markdown parser (md4c) failed (out of memory?)");
    return builder.take();
}

namespace {

std::string percentDecode(std::string_view s) {
    auto hex = [](char c) { return (c >= '0' && c <= '9') ? c - '0' : (c >= 'a' && c <= 'f') ? c - 'a' + 10
                                                             : (c >= 'A' && c <= 'F') ? c - 'A' + 10 : -1; };
    std::string out;
    for (size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '%' && i + 2 < s.size() && hex(s[i + 1]) >= 0 && hex(s[i + 2]) >= 0) {
            out += static_cast<char>(hex(s[i + 1]) * 16 + hex(s[i + 2]));
            i += 2;
        } else {
            out += s[i];
        }
    }
    return out;
}

bool equalsIgnoringAsciiCase(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (size_t i = 0; i < a.size(); ++i) {
        char x = a[i], y = b[i];
        if (x >= 'A' && x <= 'Z') x = static_cast<char>(x + 32);
        if (y >= 'A' && y <= 'Z') y = static_cast<char>(y + 32);
        if (x != y) return false;
    }
    return true;
}

} // namespace

std::optional<size_t> findSection(const Article& article, std::string_view link) {
    std::string_view anchor = link;
    if (size_t hash = link.find('#'); hash != std::string_view::npos) {
        std::string_view file = link.substr(0, hash);
        if (!file.empty() && file != "article.md" && file != "./article.md") return std::nullopt;
        anchor = link.substr(hash + 1);
    } else if (link == "article.md" || link == "./article.md") {
        anchor = {};
    } else if (link.find('/') != std::string_view::npos || link.find(':') != std::string_view::npos) {
        return std::nullopt;
    }
    std::string wanted = percentDecode(anchor);
    if (article.sections.empty()) return std::nullopt;
    if (wanted.empty() || (!article.anchor.empty() && equalsIgnoringAsciiCase(wanted, article.anchor))) return 0;
    for (size_t s = 0; s < article.sections.size(); ++s)
        if (!article.sections[s].anchor.empty() && equalsIgnoringAsciiCase(wanted, article.sections[s].anchor)) return s;
    for (size_t s = 0; s < article.sections.size(); ++s)
        for (const ArticleBlock& block : article.sections[s].blocks)
            if (block.kind == ArticleBlock::Heading3 && equalsIgnoringAsciiCase(wanted, block.anchor)) return s;
    return std::nullopt;
}

} // namespace la::transcripts
