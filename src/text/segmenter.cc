// segmenter.cc: paragraphs (with outlet tags), then tokens and sentences per paragraph.
#include "newsledger/segmenter.h"

#include <cstring>

#include "text/sentence_model.h"
#include "text/sentence_splitter.h"
#include "text/tokenizer.h"

namespace newsledger {
namespace {

bool IsSpaceByte(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v'; }

bool IsDomainChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '-';
}

// If line [a, b) ends with an outlet tag "(name.tld)", returns the tag's start and sets
// *source to the name; otherwise returns b.
uint32_t FindOutletTag(std::string_view text, uint32_t a, uint32_t b, std::string* source) {
  if (b - a < 5 || text[b - 1] != ')') return b;
  uint32_t open = b - 1;
  while (open > a && text[open - 1] != '(' && b - open < 80) --open;
  if (open == a || text[open - 1] != '(') return b;
  std::string_view inner = text.substr(open, b - 1 - open);
  size_t dot = inner.rfind('.');
  if (dot == std::string_view::npos || dot == 0 || inner.size() - dot < 3) return b;
  for (char c : inner)
    if (!IsDomainChar(c)) return b;
  for (size_t k = dot + 1; k < inner.size(); ++k)
    if (!(inner[k] >= 'a' && inner[k] <= 'z')) return b;
  *source = std::string(inner);
  return open - 1;
}

}  // namespace

void Segmenter::SplitParagraphs(Document& doc) {
  const std::string& t = doc.text;
  uint32_t n = static_cast<uint32_t>(t.size());
  uint32_t i = 0;
  while (i < n) {
    const void* nl = std::memchr(t.data() + i, '\n', n - i);
    uint32_t e = nl ? static_cast<uint32_t>(static_cast<const char*>(nl) - t.data()) : n;
    uint32_t a = i, b = e;
    while (a < b && IsSpaceByte(t[a])) ++a;
    while (b > a && IsSpaceByte(t[b - 1])) --b;
    if (b > a) {
      Paragraph p;
      p.span = {a, b};
      uint32_t tag = FindOutletTag(t, a, b, &p.source);
      uint32_t body_end = tag;
      while (body_end > a && IsSpaceByte(t[body_end - 1])) --body_end;
      p.body = {a, body_end};
      doc.paragraphs.push_back(std::move(p));
    }
    i = e + 1;
  }
}

Segmenter::Segmenter(const SegmenterOptions& options) {
  if (options.sentence_model) model_ = &text::SentenceModel::Default();
}

void Segmenter::annotate(Document& doc) const {
  if (doc.paragraphs.empty()) SplitParagraphs(doc);
  doc.tokens.clear();
  doc.sentences.clear();
  doc.tokens.reserve(doc.text.size() / 5 + 8);
  for (uint32_t p = 0; p < doc.paragraphs.size(); ++p) {
    uint32_t begin = static_cast<uint32_t>(doc.tokens.size());
    text::Tokenize(doc.text, doc.paragraphs[p].body, &doc.tokens);
    text::SplitSentences(doc.text, doc.tokens, begin, static_cast<uint32_t>(doc.tokens.size()), p, model_,
                         &doc.sentences);
  }
}

}  // namespace newsledger
