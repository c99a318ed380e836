// quote_eval.h: scoring quote attribution against hand-annotated gold quotes.
//
// Gold format (JSON Lines, one quote per line; tests/data/quotes/gold.jsonl):
//   {"file": "article.txt", "text": "the quoted words", "direct": true,
//    "speaker": "Jane Doe" | null, "cue": "said", "occurrence": 0}
// `file` is relative to the gold file's folder; `text` is found in the document's
// text (for a direct quote, just after a quotation mark); `occurrence` (optional,
// default 0) picks among repeated texts.
//
// Matching: a predicted quote matches a gold quote of the same kind (direct or
// indirect) when their spans, trimmed of edge punctuation and quotation marks,
// overlap with a Jaccard index >= 0.5 (one-to-one, best overlap first); "exact"
// counts trimmed spans that are identical. Speaker accuracy is over matched pairs:
// names compared case-insensitively, without a leading "the", with ’ read as ' and
// U+2011 as '-'; a null gold speaker wants an empty one.
#ifndef NEWSLEDGER_EVAL_QUOTE_EVAL_H_
#define NEWSLEDGER_EVAL_QUOTE_EVAL_H_

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "newsledger/document.h"

namespace newsledger::eval {

struct GoldQuote {
  std::string file;
  std::string text;
  bool direct = true;
  std::optional<std::string> speaker;
  std::string cue;
  uint32_t occurrence = 0;
  std::string where;  // "gold.jsonl:12", for messages
};

// Reads a gold file; throws Error("path:line", reason) on a malformed line.
std::vector<GoldQuote> ReadGoldQuotes(const std::string& path);

// Where `gold` lies in doc.text, or nullopt when its text is not there.
std::optional<Span> LocateGold(const Document& doc, const GoldQuote& gold);

// The speaker name in comparable form.
std::string NormalizeSpeaker(std::string_view s);

struct QuoteScores {
  size_t gold = 0, predicted = 0;
  size_t matched = 0, exact = 0;
  size_t gold_direct = 0, predicted_direct = 0, matched_direct = 0;
  size_t speaker_correct = 0, cue_correct = 0;
  size_t unlocated = 0;  // gold quotes whose text was not found in their document

  static double F1(double p, double r) { return p + r > 0 ? 2 * p * r / (p + r) : 0; }
  double precision() const { return predicted ? double(matched) / predicted : 0; }
  double recall() const { return gold ? double(matched) / gold : 0; }
  double f1() const { return F1(precision(), recall()); }
  double exact_f1() const {
    return F1(predicted ? double(exact) / predicted : 0, gold ? double(exact) / gold : 0);
  }
  double speaker_accuracy() const { return matched ? double(speaker_correct) / matched : 0; }
  double cue_accuracy() const { return matched ? double(cue_correct) / matched : 0; }
};

// Scores doc.quotes against the gold quotes of this document; appends one line per
// miss, false alarm or wrong speaker to *notes when it is given.
void ScoreQuotes(const Document& doc, const std::vector<const GoldQuote*>& gold, QuoteScores* scores,
                 std::vector<std::string>* notes = nullptr);

}  // namespace newsledger::eval

#endif  // NEWSLEDGER_EVAL_QUOTE_EVAL_H_
