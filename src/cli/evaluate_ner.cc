// evaluate_ner.cc: `newsledger evaluate ner --iob2 FILE`: span precision, recall and F1.
//
// Runs the entity recognizer's sentence step (model plus sentence rules, as in the
// pipeline, without the document-level steps) on the gold tokens of an IOB2 file and
// scores exact spans with their type. Types the file does not annotate are not scored
// (UNER has no MISC, so our demonym MISC mentions are left out). Last line:
// `ner f1=X`.
#include <fmt/format.h>

#include <iostream>

#include "cli/evaluate.h"
#include "newsledger/resources.h"
#include "newsledger/tagger.h"
#include "recognize/entity_recognizer.h"
#include "recognize/ner_trainer.h"

namespace newsledger::cli {

void TagSentences(const Tagger& tagger, std::vector<NerSentence>& sentences);  // train_ner.cc

namespace {

struct Args {
  std::string iob2;
  std::string model;
  size_t errors = 0;
};

int Run(const Args& a) {
  std::vector<NerSentence> gold = ReadIob2(a.iob2);
  EntityRecognizer rec(a.model.empty() ? ResourcePath("models/ner.bin") : std::filesystem::path(a.model),
                       Gazetteer::Default());
  // A model with UPOS features sees the tagger's tags, as in the pipeline.
  if (rec.model().options().use_pos) {
    Tagger tagger;
    TagSentences(tagger, gold);
  }
  SpanCounts by_type[4], overall;
  ner::NerScratch scratch;
  std::vector<ner::NerToken> toks;
  std::vector<EntityRecognizer::Mention> found;
  size_t shown = 0;
  for (const NerSentence& s : gold) {
    toks.clear();
    for (size_t k = 0; k < s.words.size(); ++k)
      toks.push_back({s.words[k], k < s.upos.size() ? std::string_view(s.upos[k]) : std::string_view()});
    rec.RecognizeSentence(toks.data(), toks.size(), scratch, found);
    std::vector<uint8_t> predicted(s.words.size(), ner::kO);
    for (const auto& m : found) {
      int type = m.type == EntityType::kPerson ? 1 : m.type == EntityType::kOrg ? 2 : m.type == EntityType::kLoc ? 3 : 0;
      if (!type) continue;
      for (uint32_t k = m.begin; k < m.end; ++k) predicted[k] = static_cast<uint8_t>(k == m.begin ? 2 * type - 1 : 2 * type);
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
  return [a] { return Run(*a); };
}

NEWSLEDGER_EVALUATION(ner, "ner", "Entity span P/R/F1 against an IOB2 file (gold tokens)", Setup);

}  // namespace
}  // namespace newsledger::cli
