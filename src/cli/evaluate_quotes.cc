// evaluate_quotes.cc: `newsledger evaluate quotes --gold FILE [--errors]`.
//
// Reads the hand-annotated gold quotes (format in eval/quote_eval.h), runs the full
// pipeline on every article they name (paths relative to the gold file), and prints
// span precision, recall and F1 (overlap match and exact match), per kind, and the
// speaker and cue accuracy of matched quotes. Last line:
// `quotes span_f1=X speaker_acc=Y`.
#include <fmt/format.h>

#include <filesystem>
#include <iostream>
#include <map>

#include "cli/evaluate.h"
#include "eval/quote_eval.h"
#include "newsledger/pipeline.h"
#include "newsledger/reader.h"

namespace newsledger::cli {
namespace {

struct QuotesArgs {
  std::string gold;
  bool errors = false;
};

int Run(const QuotesArgs& args) {
  std::vector<eval::GoldQuote> gold;
  try {
    gold = eval::ReadGoldQuotes(args.gold);
  } catch (const Error& e) {
    std::cerr << "newsledger: " << e.what() << "\n";
    return 2;
  }
  std::map<std::string, std::vector<const eval::GoldQuote*>> by_file;
  for (const eval::GoldQuote& g : gold) by_file[g.file].push_back(&g);
  std::filesystem::path dir = std::filesystem::path(args.gold).parent_path();
  Pipeline pipeline;
  eval::QuoteScores scores;
  std::vector<std::string> notes;
  size_t documents = 0, skipped = 0;
  for (const auto& [file, quotes] : by_file) {
    std::string path = (dir / file).string();
    bool read = false;
    ReadPath(
        path,
        [&](Document&& doc) {
          if (read) return;  // one article per file
          read = true;
          pipeline.annotate(doc);
          eval::ScoreQuotes(doc, quotes, &scores, args.errors ? &notes : nullptr);
          ++documents;
        },
        [&](const ReadIssue& issue) {
          std::cerr << "newsledger: " << issue.where << ": " << issue.reason << "\n";
        });
    if (!read) {
      ++skipped;
      scores.gold += quotes.size();
    }
  }
  for (const std::string& n : notes) std::cout << n << "\n";
  size_t gold_indirect = scores.gold - scores.gold_direct;
  size_t pred_indirect = scores.predicted - scores.predicted_direct;
  size_t match_indirect = scores.matched - scores.matched_direct;
  auto prf = [](size_t g, size_t p, size_t m) {
    double pr = p ? double(m) / p : 0, rc = g ? double(m) / g : 0;
    return fmt::format("P={:.3f} R={:.3f} F1={:.3f}", pr, rc, eval::QuoteScores::F1(pr, rc));
  };
  std::cout << fmt::format("gold: {} ({} articles, {} quotes: {} direct, {} indirect); predicted {} quotes\n",
                           args.gold, documents, scores.gold, scores.gold_direct, gold_indirect, scores.predicted);
  if (scores.unlocated) std::cout << fmt::format("gold quotes not found in their article: {}\n", scores.unlocated);
  std::cout << "spans (same kind, overlap >= 0.5): " << prf(scores.gold, scores.predicted, scores.matched) << "\n";
  std::cout << "  direct:   " << prf(scores.gold_direct, scores.predicted_direct, scores.matched_direct) << "\n";
  std::cout << "  indirect: " << prf(gold_indirect, pred_indirect, match_indirect) << "\n";
  std::cout << fmt::format("spans exact (edges trimmed): F1={:.3f}\n", scores.exact_f1());
  std::cout << fmt::format("speaker accuracy (matched quotes): {}/{} = {:.3f}\n", scores.speaker_correct,
                           scores.matched, scores.speaker_accuracy());
  std::cout << fmt::format("cue accuracy (matched quotes): {}/{} = {:.3f}\n", scores.cue_correct, scores.matched,
                           scores.cue_accuracy());
  std::cout << fmt::format("quotes span_f1={:.3f} speaker_acc={:.3f}\n", scores.f1(), scores.speaker_accuracy());
  return skipped ? 1 : 0;
}

NEWSLEDGER_EVALUATION(quotes, "quotes", "Quote spans and speakers against hand-annotated gold quotes",
                      [](CLI::App& sub) -> std::function<int()> {
                        auto args = std::make_shared<QuotesArgs>();
                        sub.add_option("--gold", args->gold, "gold quotes (JSON Lines, see tests/data/quotes)")
                            ->required();
                        sub.add_flag("--errors", args->errors, "list misses, false alarms and wrong speakers");
                        return [args] { return Run(*args); };
                      });

}  // namespace
}  // namespace newsledger::cli
