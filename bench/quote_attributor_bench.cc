// Micro-benchmark of the quote attribution stage alone, on the project's example
// articles (segmented once outside the timed loop).
#include <benchmark/benchmark.h>

#include <filesystem>
#include <vector>

#include "attribute/quote_attributor.h"
#include "newsledger/reader.h"
#include "newsledger/segmenter.h"

namespace newsledger {
namespace {

std::vector<Document> SegmentedExamples() {
  std::vector<Document> docs;
  Segmenter segmenter;
  std::filesystem::path dir = std::filesystem::path(NEWSLEDGER_SOURCE_DIR) / "examples";
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (entry.path().extension() != ".txt") continue;
    ReadPath(
        entry.path().string(),
        [&](Document&& doc) {
          segmenter.annotate(doc);
          docs.push_back(std::move(doc));
        },
        [](const ReadIssue&) {});
  }
  return docs;
}

void BM_QuoteAttributor(benchmark::State& state) {
  std::vector<Document> docs = SegmentedExamples();
  QuoteAttributor attributor;
  size_t bytes = 0, tokens = 0, quotes = 0;
  for (auto _ : state) {
    for (Document& doc : docs) {
      attributor.annotate(doc);
      bytes += doc.text.size();
      tokens += doc.tokens.size();
      quotes += doc.quotes.size();
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(bytes));
  state.counters["tokens/s"] = benchmark::Counter(static_cast<double>(tokens), benchmark::Counter::kIsRate);
  state.counters["quotes/doc"] =
      static_cast<double>(quotes) / static_cast<double>(std::max<size_t>(1, state.iterations() * docs.size()));
}
BENCHMARK(BM_QuoteAttributor);

}  // namespace
}  // namespace newsledger
