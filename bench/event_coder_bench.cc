// Micro-benchmarks of the late stages alone (events, claims, quotes) on fully annotated
// documents: the first 300 documents of bench/corpus/corpus.jsonl when it exists
// (python3 bench/make_corpus.py), else the example articles. The whole pipeline runs
// once outside the timed loop; each benchmark then re-runs one stage, which clears
// and refills its own field. Bytes/s are document bytes per CPU-second of the stage.
#include <benchmark/benchmark.h>

#include <filesystem>
#include <vector>

#include "attribute/quote_attributor.h"
#include "code/claim_extractor.h"
#include "code/event_coder.h"
#include "newsledger/pipeline.h"
#include "newsledger/reader.h"

namespace newsledger {
namespace {

const std::vector<Document>& AnnotatedDocs() {
  static const std::vector<Document> docs = [] {
    std::vector<Document> out;
    Pipeline pipeline;
    const std::filesystem::path root(NEWSLEDGER_SOURCE_DIR);
    const std::filesystem::path corpus = root / "bench/corpus/corpus.jsonl";
    const size_t limit = 300;
    auto sink = [&](Document&& doc) {
      if (out.size() >= limit) return;
      pipeline.annotate(doc);
      out.push_back(std::move(doc));
    };
    if (std::filesystem::exists(corpus)) {
      ReadPath(corpus.string(), sink, [](const ReadIssue&) {});
    } else {
      for (const auto& entry : std::filesystem::directory_iterator(root / "examples"))
        if (entry.path().extension() == ".txt") ReadPath(entry.path().string(), sink, [](const ReadIssue&) {});
    }
    return out;
  }();
  return docs;
}

template <typename StageT>
void RunStage(benchmark::State& state, const StageT& stage) {
  std::vector<Document> docs = AnnotatedDocs();
  size_t bytes = 0, tokens = 0;
  for (auto _ : state) {
    for (Document& doc : docs) {
      stage.annotate(doc);
      bytes += doc.text.size();
      tokens += doc.tokens.size();
    }
  }
  state.SetBytesProcessed(static_cast<int64_t>(bytes));
  state.counters["tokens/s"] = benchmark::Counter(static_cast<double>(tokens), benchmark::Counter::kIsRate);
  state.counters["docs"] = static_cast<double>(docs.size());
}

void BM_EventCoder(benchmark::State& state) {
  static const EventCoder coder;
  RunStage(state, coder);
}
BENCHMARK(BM_EventCoder)->Unit(benchmark::kMillisecond);

void BM_ClaimExtractor(benchmark::State& state) {
  static const ClaimExtractor claims;
  RunStage(state, claims);
}
BENCHMARK(BM_ClaimExtractor)->Unit(benchmark::kMillisecond);

void BM_QuoteAttributorAnnotated(benchmark::State& state) {
  static const QuoteAttributor quotes;
  RunStage(state, quotes);
}
BENCHMARK(BM_QuoteAttributorAnnotated)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace newsledger
