#pragma once
// Podcasting 2.0 JSON chapters (podcast-namespace docs/examples/chapters):
//
//   {"version": "1.2.0",
//    "chapters": [{"startTime": 0, "title": "Intro"},
//                 {"startTime": 168, "title": "How immunotherapy works",
//                  "url": "article.md#how-immunotherapy-works", "img": "...", "toc": true}]}
//
// Rules (tests/transcripts/test_chapters.cpp checks each one):
//  * startTime (number, seconds) is required; endTime (number), title, img, url (strings),
//    toc (boolean) and location (object with string "name", "geo", "osm") are optional.
//    JSON null counts as absent; unknown keys ("value", "rssblue:remoteEntity") are ignored.
//  * A chapter with a problem is skipped with a warning "FILE:LINE: chapters[i]: problem":
//    not an object, startTime missing, any known field present with the wrong type, a time
//    that is negative, not finite or above kMaxJsonTime, endTime before startTime.
//  * Chapters without a title keep `title` empty (nullopt); toc:false chapters are kept
//    with toc = false (they are played, but not listed).
//  * Sorted by start; stable, so equal starts keep file order.
//  * A missing or non-string "version" is a warning only; "chapters": [] is valid.
//  * ParseError: invalid JSON (line and column), a top level that is not an object, or no
//    "chapters" array.

#include "transcripts/model.h"
#include "transcripts/parse_error.h"

#include <string>
#include <string_view>

namespace la::transcripts {

/// Parses Podcasting 2.0 JSON chapters. `fileName` only labels messages.
/// Throws ParseError (see the rules above); never throws anything else except bad_alloc.
ChapterList parseChapters(std::string_view text, const std::string& fileName);

/// Cheap content sniff: after an optional UTF-8 BOM and whitespace the text starts with
/// '{' and contains a "chapters" key opening an array. Does not validate the JSON.
bool looksLikeJsonChapters(std::string_view text);

} // namespace la::transcripts
