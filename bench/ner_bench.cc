// ner_bench.cc: entity recognizer throughput (tokens per second, one core).
//
// BM_EntityRecognizer runs the whole stage (model, sentence rules, linking, pronouns,
// places) on the project's example articles, segmented once beforehand;
// BM_NerModelDecode runs the model alone on the same sentences. Target: >= 500,000
// tokens/s for the stage.
#include <benchmark/benchmark.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "newsledger/reader.h"
#include "newsledger/resources.h"
#include "newsledger/segmenter.h"
#include "recognize/entity_recognizer.h"

namespace newsledger {
namespace {

std::vector<Document> ExampleDocuments() {
  std::vector<Document> docs;
  std::vector<std::filesystem::path> files;
  for (const auto& e : std::filesystem::directory_iterator(ResourcePath("examples")))
    if (e.path().extension() == ".txt") files.push_back(e.path());
  std::sort(files.begin(), files.end());
  for (const auto& f : files) {
    std::ifstream in(f);
    std::ostringstream ss;
    ss << in.rdbuf();
    Document doc = ParsePlainText(ss.str(), f.string());
    Segmenter().annotate(doc);
    docs.push_back(std::move(doc));
  }
  return docs;
}

void BM_EntityRecognizer(benchmark::State& state) {
  static const EntityRecognizer* rec = new EntityRecognizer();
  const std::vector<Document> docs = ExampleDocuments();
  size_t tokens = 0;
  for (auto _ : state) {
    for (const Document& d : docs) {
      Document doc = d;
      rec->annotate(doc);
      benchmark::DoNotOptimize(doc.entities.data());
      tokens += doc.tokens.size();
    }
  }
  state.counters["tokens/s"] = benchmark::Counter(static_cast<double>(tokens), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_EntityRecognizer)->Unit(benchmark::kMillisecond);

void BM_NerModelDecode(benchmark::State& state) {
  static const EntityRecognizer* rec = new EntityRecognizer();
  const std::vector<Document> docs = ExampleDocuments();
  std::vector<std::vector<ner::NerToken>> sentences;
  for (const Document& d : docs)
    for (const Sentence& s : d.sentences) {
      std::vector<ner::NerToken> toks;
      for (uint32_t t = s.token_begin; t < s.token_end; ++t) toks.push_back({d.view(d.tokens[t].span), {}});
      sentences.push_back(std::move(toks));
    }
  ner::NerScratch scratch;
  size_t tokens = 0;
  for (auto _ : state) {
    for (const auto& s : sentences) {
      rec->model().Decode(s.data(), s.size(), scratch);
      benchmark::DoNotOptimize(scratch.labels.data());
      tokens += s.size();
    }
  }
  state.counters["tokens/s"] = benchmark::Counter(static_cast<double>(tokens), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_NerModelDecode)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace newsledger
