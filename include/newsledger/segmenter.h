// segmenter.h: paragraphs, tokens and sentences with exact byte spans.
//
// Adds to the Document:
//  - paragraphs: split on newlines; a paragraph ending in an outlet tag such as
//    "(reuters.com)" records the outlet in `source`, and the tag lies outside `body`.
//  - tokens: Unicode-aware (utf8proc) words, numbers with separators and decimals,
//    abbreviations and acronyms ("U.S.", "Dr.", "Jan."), initials, URLs, e-mail
//    addresses, currency symbols, percent, quotation marks (curly and straight),
//    dashes, ellipses; possessives and contractions split as UD does ("Mexico" "’s",
//    "would" "n’t"); hyphens split off as UD does ("cross|‑|border", U+2011 too), except
//    after bound prefixes ("non-binding") and inside phone numbers.
//  - sentences: within a paragraph body; never after an abbreviation or inside a
//    number; a quotation that runs on after an ellipsis or sentence-final mark inside
//    the same quotation frame stays in one sentence.
// Cost: one pass over the bytes, O(n); no allocation per token beyond the vectors.
#ifndef NEWSLEDGER_SEGMENTER_H_
#define NEWSLEDGER_SEGMENTER_H_

#include "newsledger/stage.h"

namespace newsledger {

namespace text {
class SentenceModel;
}

struct SegmenterOptions {
  // Refine the rule-based sentence boundaries with the learned model in
  // models/sentence.bin (see src/text/sentence_model.h). Off: rules only.
  bool sentence_model = true;
};

class Segmenter : public Stage {
 public:
  // Loads the sentence model when asked to; throws Error when it is missing or bad.
  explicit Segmenter(const SegmenterOptions& options = {});

  const char* name() const override { return "segment"; }
  void annotate(Document& doc) const override;

  // Paragraphs of the text (one per line) with their outlet tags.
  static void SplitParagraphs(Document& doc);

 private:
  const text::SentenceModel* model_ = nullptr;  // not owned (a process-wide model)
};

}  // namespace newsledger

#endif  // NEWSLEDGER_SEGMENTER_H_
