// evaluate_segmentation.cc: `newsledger evaluate segmentation --conllu FILE`.
//
// Rebuilds raw text from the treebank's `# text` lines (sentences of a paragraph joined
// by a space, paragraphs and documents by a newline), segments it, and scores token
// spans (syntactic words, so "we" + "'ve") and sentence spans against the gold with
// precision, recall and F1.
#include <fmt/format.h>

#include <iostream>
#include <set>
#include <utility>

#include "cli/evaluate.h"
#include "eval/conllu.h"
#include "newsledger/segmenter.h"

namespace newsledger::cli {
namespace {

struct Prf {
  size_t gold = 0, predicted = 0, correct = 0;
  double p() const { return predicted ? double(correct) / predicted : 0; }
  double r() const { return gold ? double(correct) / gold : 0; }
  double f() const { return p() + r() > 0 ? 2 * p() * r() / (p() + r()) : 0; }
};

using SpanSet = std::set<std::pair<uint32_t, uint32_t>>;

Prf Score(const SpanSet& gold, const SpanSet& predicted) {
  Prf s;
  s.gold = gold.size();
  s.predicted = predicted.size();
  for (const auto& x : predicted) s.correct += gold.count(x);
  return s;
}

// Gold spans of one sentence placed at `offset`: surface tokens found in order in the
// text, multiword tokens divided among their words when the forms spell the surface.
void GoldSpans(const eval::ConlluSentence& s, uint32_t offset, SpanSet* tokens) {
  std::vector<std::pair<uint32_t, uint32_t>> surface;
  size_t pos = 0;
  for (const std::string& form : s.surface) {
    size_t at = s.text.find(form, pos);
    if (at == std::string::npos) return;  // text and tokens disagree: leave the sentence out
    surface.push_back({offset + at, offset + at + form.size()});
    pos = at + form.size();
  }
  for (size_t w = 0; w < s.words.size();) {
    int sf = s.words[w].surface;
    size_t e = w;
    while (e < s.words.size() && s.words[e].surface == sf) ++e;
    auto [a, b] = surface[sf];
    if (e - w == 1) {
      tokens->insert({a, b});
    } else {
      std::string joined;
      for (size_t k = w; k < e; ++k) joined += s.words[k].form;
      if (joined.size() == b - a) {
        uint32_t at = a;
        for (size_t k = w; k < e; ++k) {
          tokens->insert({at, at + static_cast<uint32_t>(s.words[k].form.size())});
          at += static_cast<uint32_t>(s.words[k].form.size());
        }
      } else {
        tokens->insert({a, b});
      }
    }
    w = e;
  }
}

// Prints up to `n` spans of `a` missing from `b`, with their text.
void ShowErrors(const char* what, const SpanSet& a, const SpanSet& b, const std::string& text, size_t n) {
  for (const auto& [s, e] : a) {
    if (n == 0) return;
    if (b.count({s, e})) continue;
    std::cout << what << " [" << text.substr(s, e - s) << "]  in: " << text.substr(s > 30 ? s - 30 : 0, 80) << "\n";
    --n;
  }
}

// Prints up to `n` sentence ends of `a` that `b` lacks, as "left text|right text".
void ShowBoundaries(const char* what, const SpanSet& a, const SpanSet& b, const std::string& text, size_t n) {
  std::set<uint32_t> ends;
  for (const auto& x : b) ends.insert(x.second);
  for (const auto& x : a) {
    if (n == 0) return;
    uint32_t e = x.second;
    if (ends.count(e) || e >= text.size() || text[e] == '\n') continue;
    uint32_t from = e > 40 ? e - 40 : 0;
    std::string ctx = text.substr(from, e - from) + "|" + text.substr(e, 30);
    for (char& c : ctx) if (c == '\n') c = '/';
    std::cout << what << ": " << ctx << "\n";
    --n;
  }
}

int Run(const std::string& path, size_t errors, bool rules_only) {
  std::vector<eval::ConlluSentence> sentences = eval::ReadConllu(path);
  Document doc;
  SpanSet gold_tokens, gold_sentences;
  for (const eval::ConlluSentence& s : sentences) {
    if (!doc.text.empty()) doc.text += (s.new_par || s.new_doc) ? "\n" : " ";
    uint32_t offset = static_cast<uint32_t>(doc.text.size());
    doc.text += s.text;
    gold_sentences.insert({offset, offset + static_cast<uint32_t>(s.text.size())});
    GoldSpans(s, offset, &gold_tokens);
  }
  Segmenter(SegmenterOptions{.sentence_model = !rules_only}).annotate(doc);
  SpanSet tokens, sents;
  for (const Token& t : doc.tokens) tokens.insert({t.span.start, t.span.end});
  for (const Sentence& s : doc.sentences) sents.insert({s.span.start, s.span.end});
  if (errors) {
    ShowErrors("extra token", tokens, gold_tokens, doc.text, errors);
    ShowErrors("missed token", gold_tokens, tokens, doc.text, errors);
    ShowBoundaries("missed boundary", gold_sentences, sents, doc.text, errors);
    ShowBoundaries("extra boundary", sents, gold_sentences, doc.text, errors);
  }
  Prf tok = Score(gold_tokens, tokens), sen = Score(gold_sentences, sents);
  std::cout << fmt::format("file: {}\n", path);
  std::cout << fmt::format("tokens:    gold={} predicted={} P={:.4f} R={:.4f} F1={:.4f}\n", tok.gold,
                           tok.predicted, tok.p(), tok.r(), tok.f());
  std::cout << fmt::format("sentences: gold={} predicted={} P={:.4f} R={:.4f} F1={:.4f}\n", sen.gold,
                           sen.predicted, sen.p(), sen.r(), sen.f());
  std::cout << fmt::format("segmentation tokens_f1={:.4f} sentences_f1={:.4f}\n", tok.f(), sen.f());
  return 0;
}

std::function<int()> Setup(CLI::App& sub) {
  auto path = std::make_shared<std::string>();
  auto errors = std::make_shared<size_t>(0);
  auto rules_only = std::make_shared<bool>(false);
  sub.add_flag("--rules-only", *rules_only, "sentence boundaries from the rules alone, without the model");
  sub.add_option("--conllu", *path, "UD CoNLL-U file (e.g. en_ewt-ud-test.conllu)")->required();
  sub.add_option("--errors", *errors, "print up to N wrong spans of each kind");
  return [path, errors, rules_only] { return Run(*path, *errors, *rules_only); };
}

NEWSLEDGER_EVALUATION(segmentation, "segmentation", "Tokens and sentence boundaries against a CoNLL-U file", Setup);

}  // namespace
}  // namespace newsledger::cli
