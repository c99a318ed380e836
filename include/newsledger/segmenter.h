// segmenter.h: paragraphs, tokens and sentences with exact byte spans.
//
// Adds to the Document:
//  - paragraphs: split on newlines; a paragraph ending in an outlet tag such as
//    "(reuters.com)" records the outlet in `source`, and the tag lies outside `body`.
//  - tokens: Unicode-aware (utf8proc) words, numbers with separators and decimals,
//    abbreviations and acronyms ("U.S.", "Dr.", "Jan."), initials, URLs, e-mail
//    addresses, currency symbols, percent, quotation marks (curly and straight),
//    dashes, ellipses; possessives and contractions split as UD does ("Mexico" "’s",
//    "would" "n’t"); words joined by hyphens (incl. U+2011) stay one token.
//  - sentences: within a paragraph body; never after an abbreviation or inside a
//    number; a quotation that runs on after an ellipsis or sentence-final mark inside
//    the same quotation frame stays in one sentence.
// Cost: one pass over the bytes, O(n); no allocation per token beyond the vectors.
#ifndef NEWSLEDGER_SEGMENTER_H_
#define NEWSLEDGER_SEGMENTER_H_

#include "newsledger/stage.h"

namespace newsledger {

class Segmenter : public Stage {
 public:
  const char* name() const override { return "segment"; }
  void annotate(Document& doc) const override;

  // The parts, for tests and for `evaluate segmentation` (which has no paragraphs).
  static void SplitParagraphs(Document& doc);
  static void Tokenize(Document& doc, Span range);
  static void SplitSentences(Document& doc, uint32_t paragraph, uint32_t token_begin, uint32_t token_end);
};

}  // namespace newsledger

#endif  // NEWSLEDGER_SEGMENTER_H_
