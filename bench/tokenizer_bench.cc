// Micro-benchmarks of the text layer: tokenizer and whole segmenter on news prose.
#include <benchmark/benchmark.h>

#include "newsledger/segmenter.h"
#include "text/tokenizer.h"

namespace newsledger {
namespace {

// Our own news-like paragraph, repeated: abbreviations, numbers, quotes, dashes.
std::string Prose(size_t copies) {
  static const char* kParagraph =
      "The U.S. Coast Guard said on Tuesday that at least 1,250 people had been rescued near "
      "Port-au-Prince, and Dr. Marie Ortega told reporters, \u201cWe need 3.5 million liters of "
      "water\u2026 now,\u201d adding that the agency\u2019s budget\u2014about $38 million a day\u2014"
      "wouldn\u2019t last. Officials expect more than 40% of homes to reopen by Jan. 15. (example-news.com)\n";
  std::string s;
  for (size_t i = 0; i < copies; ++i) s += kParagraph;
  return s;
}

void BM_Tokenize(benchmark::State& state) {
  std::string text = Prose(200);
  std::vector<Token> tokens;
  for (auto _ : state) {
    tokens.clear();
    text::Tokenize(text, {0, static_cast<uint32_t>(text.size())}, &tokens);
    benchmark::DoNotOptimize(tokens.data());
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
  state.counters["tokens/s"] = benchmark::Counter(static_cast<double>(tokens.size() * state.iterations()),
                                                  benchmark::Counter::kIsRate);
}
BENCHMARK(BM_Tokenize);

void BM_Segment(benchmark::State& state) {
  std::string text = Prose(20);
  Segmenter segmenter;
  size_t tokens = 0;
  for (auto _ : state) {
    Document doc;
    doc.text = text;
    segmenter.annotate(doc);
    tokens += doc.tokens.size();
    benchmark::DoNotOptimize(doc.sentences.data());
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
  state.counters["tokens/s"] = benchmark::Counter(static_cast<double>(tokens), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_Segment);

}  // namespace
}  // namespace newsledger
