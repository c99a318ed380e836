#include "newsledger/segmenter.h"

namespace newsledger {

void Segmenter::SplitParagraphs(Document& doc) {
  uint32_t n = static_cast<uint32_t>(doc.text.size());
  uint32_t i = 0;
  while (i < n) {
    uint32_t e = i;
    while (e < n && doc.text[e] != '\n') ++e;
    if (e > i) doc.paragraphs.push_back({{i, e}, {i, e}, ""});
    i = e + 1;
  }
}

void Segmenter::Tokenize(Document&, Span) {}
void Segmenter::SplitSentences(Document&, uint32_t, uint32_t, uint32_t) {}

void Segmenter::annotate(Document& doc) const {
  if (doc.paragraphs.empty()) SplitParagraphs(doc);
}

}  // namespace newsledger
