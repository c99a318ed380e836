// tagger_bench.cc: part-of-speech tagging and lemmatization throughput on one core.
// Targets: >= 1,000,000 tokens/s (issue 4) and >= 2,500,000 tokens/s for tags alone,
// so that the tagger fits the pipeline's budget (issue 5). BM_TagTokens and
// BM_TagDocument use a few sentences written for the benchmark (every word cached);
// BM_TagExamples tags the project's example articles (examples/*.txt, segmented once
// beforehand), whose names and rarer words take the slower path of words outside the
// tagger's lexicon. The model is models/pos.bin.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "newsledger/reader.h"
#include "newsledger/resources.h"
#include "newsledger/segmenter.h"
#include "newsledger/tagger.h"

namespace {

const char* const kSentences[] = {
    "The committee said on Tuesday that it would review the contracts awarded last year .",
    "Officials in three provinces reported at least 40 new cases , most of them in rural clinics .",
    "\" We are not going to give up , \" the mayor told reporters outside City Hall .",
    "Shares of the shipping company fell 12 percent after it cut its forecast for 2026 .",
    "She had been living in Lisbon since her brother 's business collapsed in the spring .",
    "Heavy rain flooded roads across the northern coast , and two bridges were closed overnight .",
    "According to the ministry , about 1,200 soldiers were sent to guard the border crossings .",
    "Why didn't anyone warn the residents before the dam gave way ?",
};

std::vector<std::vector<std::string>> Corpus() {
  std::vector<std::vector<std::string>> out;
  for (const char* s : kSentences) {
    std::vector<std::string> words;
    std::string_view v(s);
    size_t pos = 0;
    while (pos < v.size()) {
      size_t sp = v.find(' ', pos);
      if (sp == std::string_view::npos) sp = v.size();
      if (sp > pos) words.emplace_back(v.substr(pos, sp - pos));
      pos = sp + 1;
    }
    out.push_back(std::move(words));
  }
  return out;
}

void BM_TagTokens(benchmark::State& state) {
  const bool lemmas = state.range(0) != 0;
  static const newsledger::Tagger tagger;
  auto corpus = Corpus();
  std::vector<std::vector<std::string_view>> views;
  size_t tokens = 0;
  for (const auto& s : corpus) {
    views.emplace_back(s.begin(), s.end());
    tokens += s.size();
  }
  auto scratch = newsledger::Tagger::NewScratch();
  std::vector<uint16_t> labels;
  std::string lemma;
  for (auto _ : state) {
    for (const auto& words : views) {
      tagger.Tag(words, labels, scratch.get());
      if (lemmas)
        for (size_t i = 0; i < words.size(); ++i) tagger.Lemmatize(words[i], labels[i], lemma);
      benchmark::DoNotOptimize(lemma.data());
    }
  }
  state.counters["tokens/s"] = benchmark::Counter(double(tokens) * state.iterations(), benchmark::Counter::kIsRate);
}
// Argument: 1 = tags and lemmas, 0 = tags only.
BENCHMARK(BM_TagTokens)->Arg(1)->Arg(0);

// The Stage on a Document (tags, lemmas and the string assignments into Tokens).
void BM_TagDocument(benchmark::State& state) {
  static const newsledger::Tagger tagger;
  newsledger::Document doc;
  for (const char* s : kSentences) {
    newsledger::Sentence sent;
    sent.token_begin = static_cast<uint32_t>(doc.tokens.size());
    std::string_view v(s);
    size_t pos = 0;
    while (pos < v.size()) {
      size_t sp = v.find(' ', pos);
      if (sp == std::string_view::npos) sp = v.size();
      newsledger::Token t;
      t.span = {static_cast<uint32_t>(doc.text.size() + pos), static_cast<uint32_t>(doc.text.size() + sp)};
      doc.tokens.push_back(t);
      pos = sp + 1;
    }
    sent.token_end = static_cast<uint32_t>(doc.tokens.size());
    doc.text += s;
    doc.text += ' ';
    doc.sentences.push_back(sent);
  }
  for (auto _ : state) {
    tagger.annotate(doc);
    benchmark::DoNotOptimize(doc.tokens.data());
  }
  state.counters["tokens/s"] =
      benchmark::Counter(double(doc.tokens.size()) * state.iterations(), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_TagDocument);

// The example articles, segmented: sentences as word lists.
std::vector<std::vector<std::string>> ExampleSentences() {
  std::vector<std::filesystem::path> files;
  for (const auto& e : std::filesystem::directory_iterator(newsledger::ResourcePath("examples")))
    if (e.path().extension() == ".txt") files.push_back(e.path());
  std::sort(files.begin(), files.end());
  std::vector<std::vector<std::string>> out;
  const newsledger::Segmenter segmenter;
  for (const auto& f : files) {
    std::ifstream in(f);
    std::ostringstream ss;
    ss << in.rdbuf();
    newsledger::Document doc = newsledger::ParsePlainText(ss.str(), f.string());
    segmenter.annotate(doc);
    for (const newsledger::Sentence& s : doc.sentences) {
      std::vector<std::string> words;
      for (uint32_t t = s.token_begin; t < s.token_end; ++t) words.emplace_back(doc.view(doc.tokens[t].span));
      out.push_back(std::move(words));
    }
  }
  return out;
}

// Argument: 1 = tags and lemmas, 0 = tags only, 2 = tags only with a new Scratch for
// every pass over the examples. The Scratch caches the rows of words outside the
// lexicon (as annotate() does per thread), so 0 and 1 measure a warm cache, as in a
// long run over many articles, and 2 a cache that starts cold for each pass.
void BM_TagExamples(benchmark::State& state) {
  const bool lemmas = state.range(0) == 1;
  const bool cold = state.range(0) == 2;
  static const newsledger::Tagger tagger;
  const auto corpus = ExampleSentences();
  std::vector<std::vector<std::string_view>> views;
  size_t tokens = 0;
  for (const auto& s : corpus) {
    views.emplace_back(s.begin(), s.end());
    tokens += s.size();
  }
  auto scratch = newsledger::Tagger::NewScratch();
  std::vector<uint16_t> labels;
  std::string lemma;
  for (auto _ : state) {
    if (cold) scratch = newsledger::Tagger::NewScratch();
    for (const auto& words : views) {
      tagger.Tag(words, labels, scratch.get());
      if (lemmas)
        for (size_t i = 0; i < words.size(); ++i) tagger.Lemmatize(words[i], labels[i], lemma);
      benchmark::DoNotOptimize(labels.data());
    }
  }
  state.counters["tokens/s"] = benchmark::Counter(double(tokens) * state.iterations(), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_TagExamples)->Arg(0)->Arg(1)->Arg(2);

}  // namespace
