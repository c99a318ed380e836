#include "text/sentence_model_trainer.h"

#include <algorithm>
#include <numeric>
#include <ostream>
#include <unordered_set>

#include "text/sentence_splitter.h"
#include "text/tokenizer.h"

namespace newsledger::text {

const char kSentenceSelfTest[] =
    "The ferry left Piraeus at dawn. Its captain, Eleni Vrettou, said the crossing was calm.\n"
    "\u201cWe waited\u2026 Then the wind turned,\u201d she said. Dr. Osei agreed. Thanks\n"
    "Regards, Tom";

namespace {

struct Paragraph {
  uint32_t begin, end;  // tokens
};

// Deterministic shuffle (SplitMix64), independent of the standard library's engines.
void Shuffle(std::vector<uint32_t>& v, uint64_t& state) {
  for (size_t i = v.size(); i > 1; --i) {
    uint64_t z = (state += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    z ^= z >> 31;
    std::swap(v[i - 1], v[z % i]);
  }
}

}  // namespace

SentenceModel TrainSentenceModel(const std::vector<eval::ConlluSentence>& sentences,
                                 const SentenceModelOptions& options, std::ostream* log) {
  std::string text;
  std::unordered_set<uint32_t> gold_ends;
  for (const eval::ConlluSentence& s : sentences) {
    if (!text.empty()) text += (s.new_par || s.new_doc) ? "\n" : " ";
    text += s.text;
    gold_ends.insert(static_cast<uint32_t>(text.size()));
  }
  std::vector<Token> tokens;
  std::vector<Paragraph> paragraphs;
  for (uint32_t a = 0; a < text.size();) {
    uint32_t b = a;
    while (b < text.size() && text[b] != '\n') ++b;
    uint32_t begin = static_cast<uint32_t>(tokens.size());
    Tokenize(text, {a, b}, &tokens);
    if (tokens.size() > begin) paragraphs.push_back({begin, static_cast<uint32_t>(tokens.size())});
    a = b + 1;
  }
  std::vector<GapRules> rules(paragraphs.size());
  for (size_t p = 0; p < paragraphs.size(); ++p) RuleGaps(text, tokens, paragraphs[p].begin, paragraphs[p].end, &rules[p]);

  size_t size = size_t{1} << options.bits;
  uint64_t mask = size - 1;
  std::vector<float> w(size, 0), total(size, 0);
  std::vector<uint32_t> stamp(size, 0);
  uint32_t clock = 1;
  auto touch = [&](uint64_t i) {
    total[i] += static_cast<float>(clock - stamp[i]) * w[i];
    stamp[i] = clock;
  };
  std::vector<uint32_t> order(paragraphs.size());
  std::iota(order.begin(), order.end(), 0);
  uint64_t rng = options.seed;
  uint64_t f[kMaxGapFeatures];
  for (uint32_t epoch = 0; epoch < options.epochs; ++epoch) {
    Shuffle(order, rng);
    size_t errors = 0, examples = 0;
    for (uint32_t p : order) {
      const Paragraph& para = paragraphs[p];
      uint32_t start = para.begin;
      for (uint32_t t = para.begin; t + 1 < para.end; ++t) {
        size_t g = t - para.begin;
        bool gold = gold_ends.count(tokens[t].span.end) > 0;
        if (!rules[p].blocked[g]) {
          GapContext ctx{text, &tokens, para.begin, para.end, t, rules[p].split[g] != 0, rules[p].in_quote[g] != 0,
                         t + 1 - start};
          if (!IsCandidateGap(ctx)) {
            if (gold) start = t + 1;
            continue;
          }
          int n = GapFeatures(ctx, f);
          float score = 0;
          for (int i = 0; i < n; ++i) score += w[f[i] & mask];
          bool predicted = score > 0;
          ++examples;
          if (predicted != gold) {
            ++errors;
            float delta = gold ? 1.0f : -1.0f;
            for (int i = 0; i < n; ++i) {
              uint64_t k = f[i] & mask;
              touch(k);
              w[k] += delta;
            }
          }
          ++clock;
        }
        if (gold) start = t + 1;  // teacher forcing: lengths follow the gold sentences
      }
    }
    if (log) *log << "epoch " << epoch + 1 << ": " << errors << " errors in " << examples << " gaps\n";
  }
  for (size_t i = 0; i < size; ++i) {
    touch(i);
    w[i] = total[i] / static_cast<float>(clock);
  }
  return SentenceModel(options, std::move(w));
}

}  // namespace newsledger::text
