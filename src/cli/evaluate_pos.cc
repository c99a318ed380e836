// evaluate_pos.cc: `newsledger evaluate pos --conllu FILE [--model models/pos.bin]`:
// tags the gold-tokenised words of a CoNLL-U file and scores UPOS, XPOS and lemma.
// Last line: `pos upos=X xpos=Y lemma=Z`.
#include <fmt/format.h>

#include <algorithm>
#include <iostream>
#include <map>

#include "cli/evaluate.h"
#include "newsledger/resources.h"
#include "tag/tagger_trainer.h"

namespace newsledger::cli {
namespace {

struct EvaluatePosArgs {
  std::string conllu;
  std::string model;
  size_t errors = 0;
};

// Prints the `n` most frequent tag and lemma confusions (for tuning).
void PrintErrors(const Tagger& tagger, const std::vector<tag::ConlluSentence>& gold, size_t n) {
  std::map<std::string, size_t> tags, lemmas;
  std::vector<std::string_view> words;
  std::vector<uint16_t> labels;
  std::string lemma;
  for (const tag::ConlluSentence& sent : gold) {
    words.clear();
    for (const tag::ConlluWord& w : sent) words.push_back(w.form);
    tagger.Tag(words, labels);
    for (size_t i = 0; i < sent.size(); ++i) {
      const std::string& u = tagger.upos(labels[i]);
      const std::string& x = tagger.xpos(labels[i]);
      if (u != sent[i].upos || x != sent[i].xpos)
        ++tags[fmt::format("{}/{} -> {}/{}", sent[i].upos, sent[i].xpos, u, x)];
      tagger.Lemmatize(words[i], labels[i], lemma);
      if (lemma != sent[i].lemma)
        ++lemmas[fmt::format("{} {}/{} gold={} got={}{}", sent[i].form, sent[i].xpos, x, sent[i].lemma, lemma,
                             x == sent[i].xpos ? "" : " (tag wrong)")];
    }
  }
  for (auto* m : {&tags, &lemmas}) {
    std::vector<std::pair<size_t, std::string>> v;
    for (const auto& [k, c] : *m) v.emplace_back(c, k);
    std::sort(v.begin(), v.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
    for (size_t i = 0; i < v.size() && i < n; ++i) std::cout << fmt::format("{:6} {}\n", v[i].first, v[i].second);
    std::cout << "\n";
  }
}

int RunEvaluatePos(const EvaluatePosArgs& args) {
  Tagger tagger(args.model.empty() ? ResourcePath("models/pos.bin") : std::filesystem::path(args.model));
  auto gold = tag::ReadConllu(args.conllu);
  if (args.errors) PrintErrors(tagger, gold, args.errors);
  PosScores s = EvaluateTagger(tagger, gold);
  std::cout << fmt::format("{}: {} sentences, {} words\n", args.conllu, gold.size(), s.words);
  std::cout << fmt::format("UPOS+XPOS both right: {:.4f}\n", s.both());
  std::cout << fmt::format("pos upos={:.4f} xpos={:.4f} lemma={:.4f}\n", s.upos(), s.xpos(), s.lemma());
  return 0;
}

NEWSLEDGER_EVALUATION(pos, "pos", "Tagger and lemmatizer accuracy on a gold-tokenised CoNLL-U file",
                      [](CLI::App& sub) -> std::function<int()> {
                        auto args = std::make_shared<EvaluatePosArgs>();
                        sub.add_option("--conllu", args->conllu, "CoNLL-U file with gold tags")->required();
                        sub.add_option("--model", args->model, "model file (default models/pos.bin)");
                        sub.add_option("--errors", args->errors, "print the N most frequent confusions");
                        return [args] { return RunEvaluatePos(*args); };
                      });

}  // namespace
}  // namespace newsledger::cli
