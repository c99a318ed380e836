// tagger_bench.cc: part-of-speech tagging and lemmatization throughput on one core.
// Target (issue 4): >= 1,000,000 tokens/s. Sentences are written for the benchmark;
// the model is models/pos.bin.
#include <benchmark/benchmark.h>

#include <string>
#include <string_view>
#include <vector>

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

}  // namespace
