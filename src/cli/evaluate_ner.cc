// evaluate_ner.cc: `newsledger evaluate ner --iob2 FILE`: span precision, recall and F1.
//
// Runs the whole entity recognizer stage, document by document (`# newdoc id`), on the
// gold tokens of an IOB2 file (text rebuilt with a space between words) and scores
// exact spans with their type; --sentences scores the sentence step alone (model plus
// sentence rules). Types the file does not annotate are not scored
// (UNER has no MISC, so our demonym MISC mentions are left out). Last line:
// `ner f1=X`.
#include <fmt/format.h>

#include <iostream>

#include "cli/evaluate.h"
#include "newsledger/resources.h"
#include "recognize/entity_recognizer.h"
#include "recognize/ner_trainer.h"

namespace newsledger::cli {

namespace {

struct Args {
  std::string iob2;
  std::string model;
  size_t errors = 0;
  bool sentences = false;
  bool model_only = false;
};

// Predicted labels of every sentence with the whole stage run on each document of
// the file (text rebuilt from the gold words joined by spaces), so that the
// document-level steps (repeated names, retyping by linking) count too.
std::vector<std::vector<uint8_t>> DocumentLabels(const EntityRecognizer& rec, const std::vector<NerSentence>& gold) {
  std::vector<std::vector<uint8_t>> out(gold.size());
  for (size_t begin = 0; begin < gold.size();) {
    size_t end = begin + 1;
    while (end < gold.size() && (gold[end].doc == gold[begin].doc && !gold[begin].doc.empty())) ++end;
    Document doc;
    std::vector<std::pair<size_t, size_t>> where;  // token -> (sentence, word)
    for (size_t k = begin; k < end; ++k) {
      Sentence s;
      s.token_begin = static_cast<uint32_t>(doc.tokens.size());
      s.span.start = static_cast<uint32_t>(doc.text.size());
      for (size_t w = 0; w < gold[k].words.size(); ++w) {
        Token t;
        t.span.start = static_cast<uint32_t>(doc.text.size());
        doc.text += gold[k].words[w];
        t.span.end = static_cast<uint32_t>(doc.text.size());
        const std::string& word = gold[k].words[w];
        if (word == "\"" || word == "\u201c" || word == "\u201d") t.kind = TokenKind::kQuote;
        if (w < gold[k].upos.size()) t.upos = gold[k].upos[w];
        doc.tokens.push_back(t);
        where.emplace_back(k, w);
        doc.text += ' ';
      }
      s.token_end = static_cast<uint32_t>(doc.tokens.size());
      s.span.end = static_cast<uint32_t>(doc.text.size());
      doc.sentences.push_back(s);
      out[k].assign(gold[k].words.size(), ner::kO);
    }
    rec.annotate(doc);
    size_t t = 0;
    for (const Entity& e : doc.entities) {
      if (e.pronoun) continue;
      int type = e.type == EntityType::kPerson ? 1 : e.type == EntityType::kOrg ? 2 : e.type == EntityType::kLoc ? 3 : 0;
      if (!type) continue;
      while (t < doc.tokens.size() && doc.tokens[t].span.start < e.span.start) ++t;
      for (size_t q = t; q < doc.tokens.size() && doc.tokens[q].span.end <= e.span.end; ++q)
        out[where[q].first][where[q].second] = static_cast<uint8_t>(q == t ? 2 * type - 1 : 2 * type);
    }
    begin = end;
  }
  return out;
}

int Run(const Args& a) {
  std::vector<NerSentence> gold = ReadIob2(a.iob2);
  EntityRecognizer rec(a.model.empty() ? ResourcePath("models/ner.bin") : std::filesystem::path(a.model),
                       Gazetteer::Default());
  SpanCounts by_type[4], overall;
  ner::NerScratch scratch;
  std::vector<ner::NerToken> toks;
  std::vector<EntityRecognizer::Mention> found;
  size_t shown = 0;
  std::vector<std::vector<uint8_t>> by_document;
  const bool per_sentence = a.sentences || a.model_only;
  if (!per_sentence) by_document = DocumentLabels(rec, gold);
  for (size_t si = 0; si < gold.size(); ++si) {
    const NerSentence& s = gold[si];
    std::vector<uint8_t> predicted(s.words.size(), ner::kO);
    if (per_sentence) {
      toks.clear();
      for (size_t k = 0; k < s.words.size(); ++k)
        toks.push_back({s.words[k], k < s.upos.size() ? std::string_view(s.upos[k]) : std::string_view()});
      if (a.model_only) {
        rec.model().Decode(toks.data(), toks.size(), scratch);
        predicted = scratch.labels;
      } else {
        rec.RecognizeSentence(toks.data(), toks.size(), scratch, found);
      }
      for (const auto& m : found) {
        if (a.model_only) break;
        int type = m.type == EntityType::kPerson ? 1 : m.type == EntityType::kOrg ? 2 : m.type == EntityType::kLoc ? 3 : 0;
        if (!type) continue;
        for (uint32_t k = m.begin; k < m.end; ++k)
          predicted[k] = static_cast<uint8_t>(k == m.begin ? 2 * type - 1 : 2 * type);
      }
    } else {
      predicted = by_document[si];
    }
    CountSpans(s.labels, predicted, by_type, overall);
    if (shown < a.errors && predicted != s.labels) {
      ++shown;
      std::string line;
      for (size_t k = 0; k < s.words.size(); ++k) {
        line += s.words[k];
        if (predicted[k] != s.labels[k])
          line += fmt::format("[{}|{}]", ner::LabelName(s.labels[k]), ner::LabelName(predicted[k]));
        line += ' ';
      }
      std::cout << "error: " << line << "\n";
    }
  }
  const char* names[4] = {"", "PER", "ORG", "LOC"};
  for (int t = 1; t < 4; ++t)
    std::cout << fmt::format("{:<8} gold {:>5}  predicted {:>5}  P {:.4f}  R {:.4f}  F1 {:.4f}\n", names[t],
                             by_type[t].gold, by_type[t].predicted, by_type[t].precision(), by_type[t].recall(),
                             by_type[t].f1());
  std::cout << fmt::format("{:<8} gold {:>5}  predicted {:>5}  P {:.4f}  R {:.4f}  F1 {:.4f}\n", "overall", overall.gold,
                           overall.predicted, overall.precision(), overall.recall(), overall.f1());
  std::cout << fmt::format("ner f1={:.4f}\n", overall.f1());
  return 0;
}

std::function<int()> Setup(CLI::App& sub) {
  auto a = std::make_shared<Args>();
  sub.add_option("--iob2", a->iob2, "IOB2 file (e.g. uner_en_ewt/en_ewt-ud-test.iob2)")->required();
  sub.add_option("--model", a->model, "model file (default models/ner.bin)");
  sub.add_option("--errors", a->errors, "print up to N sentences with wrong labels");
  sub.add_flag("--sentences", a->sentences, "score the sentence step alone (no document-level steps)");
  sub.add_flag("--model-only", a->model_only, "score the sequence model alone (no rules, no document-level steps)");
  return [a] { return Run(*a); };
}

NEWSLEDGER_EVALUATION(ner, "ner", "Entity span P/R/F1 against an IOB2 file (gold tokens)", Setup);

}  // namespace
}  // namespace newsledger::cli
