// recognizers_bench.cc: quantities + times throughput on one core.
// Target (issue 3): >= 20 MB/s. The corpus is the project's example articles
// (examples/*.txt, written for the project), concatenated and repeated to ~2 MB,
// segmented once beforehand as the pipeline does; each iteration runs the time and
// the quantity recognizer over the whole text.
#include <benchmark/benchmark.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "newsledger/segmenter.h"
#include "recognize/number_parser.h"
#include "recognize/quantity_recognizer.h"
#include "recognize/time_recognizer.h"

namespace {

newsledger::Document Corpus() {
  std::string text;
  std::filesystem::path dir = std::filesystem::path(NEWSLEDGER_SOURCE_DIR) / "examples";
  std::string all;
  std::error_code ec;
  for (const auto& entry : std::filesystem::directory_iterator(dir, ec)) {
    if (entry.path().extension() != ".txt") continue;
    std::ifstream in(entry.path());
    std::stringstream buf;
    buf << in.rdbuf();
    all += buf.str();
    all += "\n";
  }
  if (all.empty())
    all = "At least 21 people were killed on Monday, and about 3,000 fled since early September, officials said.\n";
  while (text.size() < (2u << 20)) text += all;
  newsledger::Document doc;
  doc.text = std::move(text);
  doc.published = "2026-05-18";
  newsledger::Segmenter().annotate(doc);
  return doc;
}

void BM_QuantitiesAndTimes(benchmark::State& state) {
  static const newsledger::TimeRecognizer times;
  static const newsledger::QuantityRecognizer quantities;
  newsledger::Document doc = Corpus();
  for (auto _ : state) {
    doc.times.clear();
    doc.quantities.clear();
    newsledger::recognize::ForgetLexedDocument();  // one lexing per pass, not one per run
    times.annotate(doc);
    quantities.annotate(doc);
    benchmark::DoNotOptimize(doc.quantities.data());
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) * static_cast<int64_t>(doc.text.size()));
  state.counters["times"] = static_cast<double>(doc.times.size());
  state.counters["quantities"] = static_cast<double>(doc.quantities.size());
}
BENCHMARK(BM_QuantitiesAndTimes)->Unit(benchmark::kMillisecond);

}  // namespace
