// article.md -> Article (md4c), slugify and findSection: one test per rule in
// transcripts/article.h, over the fixtures in tests/data/transcripts/article/.

#include "transcripts/article.h"

#include "support/test_files.h"

#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

using namespace la::transcripts;

namespace {

Article parseArticleFixture(const std::string& name) {
    return parseArticle(la::test::readTestData("transcripts/article/" + name), name);
}

struct ExpectedBlock {
    ArticleBlock::Kind kind;
    std::string text;
    int depth = 0;
    bool quoted = false;
};

void requireBlocks(const ArticleSection& section, const std::vector<ExpectedBlock>& expected) {
    INFO("section '" << section.title << "'");
    REQUIRE(section.blocks.size() == expected.size());
    for (size_t i = 0; i < expected.size(); ++i) {
        INFO("block " << i);
        CHECK(section.blocks[i].kind == expected[i].kind);
        CHECK(section.blocks[i].text == expected[i].text);
        CHECK(section.blocks[i].depth == expected[i].depth);
        CHECK(section.blocks[i].quoted == expected[i].quoted);
    }
}

std::string spanText(const ArticleBlock& block, const ArticleSpan& span) {
    return block.text.substr(span.begin, span.end - span.begin);
}

} // namespace

TEST_CASE("Article: title, intro, one section per ## with anchors", "[article]") {
    Article a = parseArticleFixture("immunotherapy.md");
    CHECK(a.warnings.empty());
    CHECK(a.title == "Immunotherapy");
    CHECK(a.anchor == "immunotherapy");
    REQUIRE(a.sections.size() == 5);
    const std::vector<std::pair<std::string, std::string>> titles = {
        {"", ""},
        {"What immunotherapy is", "what-immunotherapy-is"},
        {"How immunotherapy works", "how-immunotherapy-works"},
        {"Organs of the immune system", "organs-of-the-immune-system"},
        {"What immunotherapy is", "what-immunotherapy-is-1"}, // duplicate heading
    };
    for (size_t i = 0; i < titles.size(); ++i) {
        CHECK(a.sections[i].title == titles[i].first);
        CHECK(a.sections[i].anchor == titles[i].second);
    }
    requireBlocks(a.sections[0], {{ArticleBlock::Paragraph, "Read this with your care team."}});
}

TEST_CASE("Article: inline markup is flattened; spans, links and entities kept", "[article]") {
    Article a = parseArticleFixture("immunotherapy.md");
    REQUIRE(a.sections.size() > 1);
    requireBlocks(a.sections[1], {{ArticleBlock::Paragraph,
                                   "Immunotherapy uses the body\u2019s own immune system to fight cancer. "
                                   "See Cancer Council for more."}});
    const ArticleBlock& p = a.sections[1].blocks[0];
    REQUIRE(p.spans.size() == 2);
    CHECK(p.spans[0].kind == ArticleSpan::Strong);
    CHECK(spanText(p, p.spans[0]) == "immune system");
    CHECK(p.spans[1].kind == ArticleSpan::Link);
    CHECK(spanText(p, p.spans[1]) == "Cancer Council");
    CHECK(p.spans[1].href == "https://www.cancer.org.au");

    const ArticleBlock& intro = a.sections[0].blocks[0];
    REQUIRE(intro.spans.size() == 1);
    CHECK(intro.spans[0].kind == ArticleSpan::Emphasis);
    CHECK(spanText(intro, intro.spans[0]) == "care team");
}

TEST_CASE("Article: bullets, nested bullets and numbered items", "[article]") {
    Article a = parseArticleFixture("immunotherapy.md");
    REQUIRE(a.sections.size() > 2);
    requireBlocks(a.sections[2], {{ArticleBlock::Paragraph, "Immunotherapy can:"},
                                  {ArticleBlock::Bullet, "boost the immune system"},
                                  {ArticleBlock::Bullet, "remove barriers:"},
                                  {ArticleBlock::Bullet, "checkpoints", 1},
                                  {ArticleBlock::Bullet, "PD-1 signals", 1},
                                  {ArticleBlock::Numbered, "ask your doctor"},
                                  {ArticleBlock::Numbered, "join a trial"}});
    CHECK(a.sections[2].blocks[5].number == 1);
    CHECK(a.sections[2].blocks[6].number == 2);
    const ArticleBlock& code = a.sections[2].blocks[4];
    REQUIRE(code.spans.size() == 1);
    CHECK(code.spans[0].kind == ArticleSpan::Code);
    CHECK(spanText(code, code.spans[0]) == "PD-1");
}

TEST_CASE("Article: figures keep their text alternative; ### headings are blocks", "[article]") {
    Article a = parseArticleFixture("immunotherapy.md");
    REQUIRE(a.sections.size() > 3);
    const ArticleSection& organs = a.sections[3];
    requireBlocks(organs, {{ArticleBlock::Figure, "Figure: organs of the immune system.", 0, true},
                           {ArticleBlock::Paragraph, "Text alternative. The organs are:", 0, true},
                           {ArticleBlock::Bullet, "tonsils", 0, true},
                           {ArticleBlock::Bullet, "bone marrow", 0, true},
                           {ArticleBlock::Figure, "Diagram of lymph nodes in the neck"},
                           {ArticleBlock::Heading3, "Support services"}});
    CHECK(organs.blocks[0].src.empty());
    CHECK(organs.blocks[4].src == "img/lymph.png");
    CHECK(organs.blocks[5].anchor == "support-services");
}

TEST_CASE("Article: edge cases and warnings", "[article]") {
    Article a = parseArticleFixture("edge.md");
    CHECK(a.title == "Late title"); // first # before any ##, even after intro text
    REQUIRE(a.sections.size() == 4);
    requireBlocks(a.sections[0], {{ArticleBlock::Paragraph, "Text before any heading."}});
    CHECK(a.sections[1].anchor == "\u00fcberblick-\u00e4rzte--caf\u00e9");
    requireBlocks(a.sections[1], {}); // the raw HTML block is dropped
    CHECK(a.sections[2].title == "Second title");
    requireBlocks(a.sections[2], {{ArticleBlock::Figure, ""},
                                  {ArticleBlock::Figure, "Figure 2: a chart", 0, true},
                                  {ArticleBlock::Bullet, "loose item\nsecond paragraph"},
                                  {ArticleBlock::Bullet, "next"},
                                  {ArticleBlock::Numbered, "three"},
                                  {ArticleBlock::Numbered, "four"},
                                  {ArticleBlock::Paragraph, "A bold word."},
                                  {ArticleBlock::Code, "code line"},
                                  {ArticleBlock::Paragraph, "Bad byte: \uFFFD end &bogus; AB\uFFFD"}});
    CHECK(a.sections[2].blocks[4].number == 3);
    CHECK(a.sections[2].blocks[5].number == 4);
    CHECK(a.sections[3].anchor == "emoji---and-so-on");
    const std::vector<std::string> warnings = {
        "edge.md:30: invalid UTF-8 replaced by U+FFFD",
        "edge.md:7: raw HTML block ignored",
        "edge.md:9: more than one '#' heading; treated as a '##' section",
        "edge.md:11: figure 'img/no-alt.png' has no text alternative (alt text)",
        "edge.md:13: figure 'Figure 2: a chart' has no text alternative",
    };
    CHECK(a.warnings == warnings);
}

TEST_CASE("Article: empty and heading-less input", "[article]") {
    Article empty = parseArticle("", "e.md");
    CHECK(empty.title.empty());
    CHECK(empty.sections.empty());
    CHECK(empty.warnings.empty());
    CHECK_FALSE(findSection(empty, "article.md").has_value());

    Article plain = parseArticle("Just one paragraph\nover two lines.", "p.md");
    REQUIRE(plain.sections.size() == 1);
    requireBlocks(plain.sections[0], {{ArticleBlock::Paragraph, "Just one paragraph over two lines."}});
}

TEST_CASE("slugify: GitHub-style anchors", "[article][slug]") {
    struct Row {
        std::string heading, slug;
    };
    const Row rows[] = {
        {"How immunotherapy works", "how-immunotherapy-works"},
        {"How do you access immunotherapy treatment?", "how-do-you-access-immunotherapy-treatment"},
        {"B-cells & T-cells", "b-cells--t-cells"},
        {"snake_case and kebab-case", "snake_case-and-kebab-case"},
        {"100% (approx.)", "100-approx"},
        {"C++ / Rust", "c--rust"},
        {"It\u2019s the body\u2019s", "its-the-bodys"},
        {"Every 2\u20133 weeks", "every-23-weeks"},
        {"\u00c4rzte \u00dcber Stra\u00dfe", "\u00e4rzte-\u00fcber-stra\u00dfe"},
        {"\u0141\u00f3d\u017a \u0160koda", "\u0142\u00f3d\u017a-\u0161koda"},
        {"\u03a9\u03bc\u03ad\u03b3\u03b1 \u0394", "\u03c9\u03bc\u03ad\u03b3\u03b1-\u03b4"},
        {"\u041f\u0440\u0438\u0432\u0435\u0442 \u041c\u0438\u0440", "\u043f\u0440\u0438\u0432\u0435\u0442-\u043c\u0438\u0440"},
        {"\u65e5\u672c\u8a9e \u30c6\u30ad\u30b9\u30c8\u3002", "\u65e5\u672c\u8a9e-\u30c6\u30ad\u30b9\u30c8"},
        {"Emoji \U0001F389 rocks", "emoji--rocks"},
        {"Caf\u00e9\u00a0au lait \u00a9 \u00bd", "caf\u00e9au-lait--"},
        {"  two  spaces ", "--two--spaces-"},
        {"a\xff" "b\xc3", "ab"},
        {"", ""},
    };
    for (const Row& row : rows) {
        INFO(row.heading);
        CHECK(slugify(row.heading) == row.slug);
    }
}

TEST_CASE("SlugRegistry: duplicates get -1, -2; generated names are reserved", "[article][slug]") {
    SlugRegistry slugs;
    CHECK(slugs.add("Intro") == "intro");
    CHECK(slugs.add("Intro") == "intro-1");
    CHECK(slugs.add("Intro 1") == "intro-1-1");
    CHECK(slugs.add("intro") == "intro-2");
    CHECK(slugs.add("Other") == "other");
}

TEST_CASE("findSection: chapter links to article sections", "[article]") {
    Article a = parseArticleFixture("immunotherapy.md");
    struct Row {
        std::string link;
        std::optional<size_t> section;
    };
    const Row rows[] = {
        {"article.md#how-immunotherapy-works", 2},
        {"./article.md#how-immunotherapy-works", 2},
        {"#how-immunotherapy-works", 2},
        {"how-immunotherapy-works", 2},
        {"article.md#How-Immunotherapy-Works", 2},
        {"article.md#how%2Dimmunotherapy%2dworks", 2},
        {"article.md#what-immunotherapy-is", 1},
        {"article.md#what-immunotherapy-is-1", 4},
        {"article.md#support-services", 3}, // a ### heading: its section
        {"article.md#immunotherapy", 0},    // the title
        {"article.md", 0},
        {"", 0},
        {"article.md#no-such-section", std::nullopt},
        {"other.md#how-immunotherapy-works", std::nullopt},
        {"https://example.com/article.md#how-immunotherapy-works", std::nullopt},
        {"https://example.com/", std::nullopt},
    };
    for (const Row& row : rows) {
        INFO(row.link);
        CHECK(findSection(a, row.link) == row.section);
    }
}
