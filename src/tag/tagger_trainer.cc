#include "tag/tagger_trainer.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <map>
#include <set>
#include <unordered_map>

#include <fmt/format.h>

#include "newsledger/error.h"
#include "tag/flat_map.h"
#include "tag/tagger_features.h"

namespace newsledger {

namespace {

using tag::ConlluSentence;

std::string Lower(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

bool IsContinuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

using Transform = Lemmatizer::Transform;

// Transforms are ordered by casing preference (lower, keep, title), then strip and
// append: ties between equally frequent transforms go to the first.
using Key = std::tuple<int, uint8_t, std::string>;

int CasingRank(uint8_t casing) { return casing == Lemmatizer::kLower ? 0 : casing == Lemmatizer::kKeep ? 1 : 2; }

Key AsKey(const Transform& t) { return {CasingRank(t.casing), t.strip, t.append}; }

Transform FromKey(const Key& k) {
  static const uint8_t kCasings[] = {Lemmatizer::kLower, Lemmatizer::kKeep, Lemmatizer::kTitle};
  Transform t;
  t.casing = kCasings[std::get<0>(k)];
  t.strip = std::get<1>(k);
  t.append = std::get<2>(k);
  return t;
}

bool TransformLess(const Transform& a, const Transform& b) { return AsKey(a) < AsKey(b); }

using Counts = std::map<Key, size_t>;

// The transforms with the highest count, in preference order.
std::vector<Key> Tops(const Counts& counts) {
  size_t best = 0;
  for (const auto& [k, c] : counts) best = std::max(best, c);
  std::vector<Key> out;
  for (const auto& [k, c] : counts)
    if (c == best) out.push_back(k);
  return out;
}

}  // namespace

Lemmatizer::Tables LearnLemmatizer(const std::vector<ConlluSentence>& train, uint32_t max_suffix,
                                   uint32_t min_support) {
  // (xpos, lower-cased word) -> transform counts over tokens. A token counts for every
  // casing that serves it ("the" -> "the" is served by keep and lower alike), so that
  // the casing is decided by the tokens that tell them apart.
  std::map<std::pair<std::string, std::string>, Counts> types;
  // (xpos, word as written) -> lemma counts.
  std::map<std::pair<std::string, std::string>, std::map<std::string, size_t>> cased;
  std::string norm, lemma;
  for (const ConlluSentence& s : train)
    for (const tag::ConlluWord& w : s) {
      if (w.lemma == "_" || w.form.empty()) continue;
      tag::NormalizeQuotes(w.form, norm);
      tag::NormalizeQuotes(w.lemma, lemma);
      Counts& counts = types[{w.xpos, Lower(norm)}];
      for (const Transform& t : Lemmatizer::TransformsFor(norm, lemma)) ++counts[AsKey(t)];
      ++cased[{w.xpos, norm}][lemma];
    }
  // Rules: (xpos, suffix) -> transform counts over types, so that frequent words do
  // not drown the regular pattern that unknown words follow. A type votes for each of
  // its equally frequent transforms.
  std::map<std::pair<std::string, std::string>, Counts> suffixes;
  std::map<std::pair<std::string, std::string>, std::vector<Key>> type_tops;
  for (const auto& [key, counts] : types) {
    std::vector<Key> tops = Tops(counts);
    type_tops[key] = tops;
    const std::string& word = key.second;
    size_t longest = std::min<size_t>(max_suffix, word.size());
    for (size_t len = 0; len <= longest; ++len) {
      if (len < word.size() && IsContinuation(word[word.size() - len])) continue;
      Counts& c = suffixes[{key.first, word.substr(word.size() - len)}];
      for (const Key& k : tops) ++c[k];
    }
  }
  // Keep a suffix rule only when it is seen in enough word types and differs from what
  // the shorter suffixes give.
  std::map<std::pair<std::string, std::string>, Transform> kept;
  auto lookup = [&](const std::string& xpos, const std::string& word, size_t max_len) -> const Transform* {
    size_t longest = std::min<size_t>({max_suffix, word.size(), max_len});
    for (size_t len = longest + 1; len-- > 0;) {
      if (len < word.size() && IsContinuation(word[word.size() - len])) continue;
      auto it = kept.find({xpos, word.substr(word.size() - len)});
      if (it != kept.end()) return &it->second;
    }
    return nullptr;
  };
  std::map<std::pair<std::string, std::string>, size_t> support;
  for (const auto& [key, tops] : type_tops) {
    const std::string& word = key.second;
    size_t longest = std::min<size_t>(max_suffix, word.size());
    for (size_t len = 0; len <= longest; ++len) ++support[{key.first, word.substr(word.size() - len)}];
  }
  for (size_t len = 0; len <= max_suffix; ++len)
    for (const auto& [key, counts] : suffixes) {
      if (key.second.size() != len) continue;
      if (len > 0 && support[key] < min_support) continue;
      // Among equally good transforms, the shorter suffix's wins: no rule needed.
      std::vector<Key> tops = Tops(counts);
      const Transform* parent = len == 0 ? nullptr : lookup(key.first, key.second, len - 1);
      if (!parent || std::find(tops.begin(), tops.end(), AsKey(*parent)) == tops.end())
        kept[key] = FromKey(tops.front());
    }
  // Exceptions: known words the rules get wrong.
  std::map<std::pair<std::string, std::string>, Transform> exceptions;
  for (const auto& [key, tops] : type_tops) {
    const Transform* r = lookup(key.first, key.second, key.second.size());
    if (!r || std::find(tops.begin(), tops.end(), AsKey(*r)) == tops.end()) exceptions[key] = FromKey(tops.front());
  }
  // Case exceptions: words as written whose usual lemma the tables above miss.
  Lemmatizer::Tables partial;
  {
    partial.max_suffix = max_suffix;
    for (const auto& [k, t] : kept) {
      partial.rules.emplace_back(Lemmatizer::RuleKey(Lemmatizer::TagKey(k.first), k.second), partial.transforms.size());
      partial.transforms.push_back(t);
    }
    for (const auto& [k, t] : exceptions) {
      partial.exceptions.emplace_back(Lemmatizer::ExceptionKey(Lemmatizer::TagKey(k.first), k.second),
                                      partial.transforms.size());
      partial.transforms.push_back(t);
    }
  }
  Lemmatizer without_case(std::move(partial));
  std::map<std::pair<std::string, std::string>, Transform> case_exceptions;
  for (const auto& [key, lemmas] : cased) {
    const std::string* best = nullptr;
    size_t best_count = 0;
    for (const auto& [l, c] : lemmas)
      if (c > best_count) {
        best = &l;
        best_count = c;
      }
    if (without_case.Lemmatize(key.second, key.first) != *best)
      case_exceptions[key] = Lemmatizer::TransformFor(key.second, *best);
  }
  // Number the transforms in sorted order.
  std::vector<Transform> all;
  for (const auto* m : {&kept, &exceptions, &case_exceptions})
    for (const auto& [k, t] : *m) all.push_back(t);
  std::sort(all.begin(), all.end(), TransformLess);
  all.erase(std::unique(all.begin(), all.end()), all.end());
  auto id_of = [&](const Transform& t) {
    return static_cast<uint32_t>(std::lower_bound(all.begin(), all.end(), t, TransformLess) - all.begin());
  };
  Lemmatizer::Tables tables;
  tables.max_suffix = max_suffix;
  for (const auto& [k, t] : kept)
    tables.rules.emplace_back(Lemmatizer::RuleKey(Lemmatizer::TagKey(k.first), k.second), id_of(t));
  for (const auto& [k, t] : exceptions)
    tables.exceptions.emplace_back(Lemmatizer::ExceptionKey(Lemmatizer::TagKey(k.first), k.second), id_of(t));
  for (const auto& [k, t] : case_exceptions)
    tables.case_exceptions.emplace_back(Lemmatizer::ExceptionKey(Lemmatizer::TagKey(k.first), k.second), id_of(t));
  // Known lemmas, which let the lemmatizer prefer a rule giving a real word: stored
  // as rules of the reserved tag "-KNOWN-LEMMA-" (lemmatizer.cc).
  if (!all.empty()) {
    std::set<std::string> known;
    for (const ConlluSentence& s : train)
      for (const tag::ConlluWord& w : s)
        if (w.lemma != "_" && !w.lemma.empty()) {
          tag::NormalizeQuotes(w.lemma, lemma);
          known.insert(lemma);
        }
    const uint64_t known_tag = Lemmatizer::TagKey("-KNOWN-LEMMA-");
    for (const std::string& k : known) tables.rules.emplace_back(Lemmatizer::RuleKey(known_tag, k), 0);
  }
  std::sort(tables.case_exceptions.begin(), tables.case_exceptions.end());
  std::sort(tables.rules.begin(), tables.rules.end());
  std::sort(tables.exceptions.begin(), tables.exceptions.end());
  tables.transforms = std::move(all);
  return tables;
}

namespace {

// Feature hash -> row number, open addressing on the hash's low bits (the keys are
// well-mixed hashes already). Training spends most of its time finding the rows of
// about a hundred features per token; a flat table takes one cache miss for each
// where a node-based map takes two or three. Row numbers are given in insertion
// order and the weights never depend on them, so the model does not either.
class RowIndex {
 public:
  RowIndex() : slots_(1u << 16), mask_((1u << 16) - 1) {}

  // The row of `key`, or -1.
  int64_t Find(uint64_t key) const {
    for (size_t i = key & mask_;; i = (i + 1) & mask_) {
      const Slot& s = slots_[i];
      if (s.row == 0) return -1;
      if (s.key == key) return int64_t(s.row) - 1;
    }
  }
  void Prefetch(uint64_t key) const { __builtin_prefetch(&slots_[key & mask_]); }
  // The row of `key`, added as row size() when new; sets `added`.
  uint32_t Insert(uint64_t key, bool& added) {
    if ((size_ + 1) * 2 > slots_.size()) Grow();
    size_t i = key & mask_;
    for (;; i = (i + 1) & mask_) {
      Slot& s = slots_[i];
      if (s.row == 0) break;
      if (s.key == key) {
        added = false;
        return s.row - 1;
      }
    }
    slots_[i] = {key, static_cast<uint32_t>(++size_)};
    added = true;
    return static_cast<uint32_t>(size_ - 1);
  }
  size_t size() const { return size_; }
  // Calls f(key, row) for every feature.
  template <typename F>
  void ForEach(F f) const {
    for (const Slot& s : slots_)
      if (s.row) f(s.key, s.row - 1);
  }

 private:
  struct Slot {
    uint64_t key = 0;
    uint32_t row = 0;  // row + 1; 0 = empty
  };
  void Grow() {
    std::vector<Slot> old(slots_.size() * 2);
    old.swap(slots_);
    mask_ = slots_.size() - 1;
    for (const Slot& s : old) {
      if (!s.row) continue;
      size_t i = s.key & mask_;
      while (slots_[i].row) i = (i + 1) & mask_;
      slots_[i] = s;
    }
  }
  std::vector<Slot> slots_;
  size_t mask_;
  size_t size_ = 0;
};

// The perceptron being trained: dense rows of weights per feature, averaged with the
// (w, u) trick of Daume (2006): averaged = w - u / c.
class Perceptron {
 public:
  explicit Perceptron(size_t labels) : nl_(labels) {}

  void Score(const uint64_t* feats, int k, std::vector<float>& scores) const {
    std::fill(scores.begin(), scores.end(), 0.0f);
    for (int j = 0; j < k; ++j) index_.Prefetch(feats[j]);
    int64_t rows[tag::kMaxFeatures];
    for (int j = 0; j < k; ++j) {
      rows[j] = index_.Find(feats[j]);
      if (rows[j] >= 0) __builtin_prefetch(&w_[size_t(rows[j]) * nl_]);
    }
    // Summed in feature order, as always: float addition is not associative.
    for (int j = 0; j < k; ++j) {
      if (rows[j] < 0) continue;
      const float* row = &w_[size_t(rows[j]) * nl_];
      for (size_t l = 0; l < nl_; ++l) scores[l] += row[l];
    }
  }

  void Update(const uint64_t* feats, int k, uint16_t gold, uint16_t guess) {
    for (int j = 0; j < k; ++j) {
      bool added = false;
      uint32_t id = index_.Insert(feats[j], added);
      if (added) {
        w_.resize(w_.size() + nl_, 0.0f);
        u_.resize(u_.size() + nl_, 0.0);
      }
      size_t row = size_t(id) * nl_;
      w_[row + gold] += 1.0f;
      u_[row + gold] += double(c_);
      w_[row + guess] -= 1.0f;
      u_[row + guess] -= double(c_);
    }
  }

  void Tick() { ++c_; }

  // Adds `factor` times the averaged weights to `sum`.
  void AddAveraged(std::unordered_map<uint64_t, std::vector<double>>& sum, double factor) const {
    index_.ForEach([&](uint64_t key, uint32_t row) {
      std::vector<double>& out = sum[key];
      if (out.empty()) out.assign(nl_, 0.0);
      for (size_t l = 0; l < nl_; ++l)
        out[l] += factor * (double(w_[row * nl_ + l]) - u_[row * nl_ + l] / double(c_));
    });
  }

  size_t features() const { return index_.size(); }

 private:
  size_t nl_;
  uint64_t c_ = 1;
  RowIndex index_;
  std::vector<float> w_;
  std::vector<double> u_;
};

// Writes weights into `m` quantised, features sorted by key.
void Quantize(const std::unordered_map<uint64_t, std::vector<double>>& sum, const TaggerOptions& o, TaggerModel& m) {
  std::vector<uint64_t> keys;
  keys.reserve(sum.size());
  for (const auto& [key, row] : sum) keys.push_back(key);
  std::sort(keys.begin(), keys.end());
  m.feature_keys.clear();
  m.feature_begin.assign(1, 0);
  m.weight_labels.clear();
  m.weight_values.clear();
  for (uint64_t key : keys) {
    const std::vector<double>& row = sum.at(key);
    size_t before = m.weight_labels.size();
    for (size_t l = 0; l < row.size(); ++l) {
      double q = std::clamp(std::round(row[l] * o.weight_scale), -32767.0, 32767.0);
      if (std::fabs(q) < o.min_weight) continue;
      m.weight_labels.push_back(static_cast<uint8_t>(l));
      m.weight_values.push_back(static_cast<int16_t>(q));
    }
    if (m.weight_labels.size() == before) continue;
    m.feature_keys.push_back(key);
    m.feature_begin.push_back(static_cast<uint32_t>(m.weight_labels.size()));
  }
}

struct Prepared {
  std::vector<tag::TokenHashes> hashes;  // with two padding entries on each side
  std::vector<uint16_t> gold;
};

}  // namespace

TaggerModel TrainTagger(const std::vector<ConlluSentence>& train, const std::vector<ConlluSentence>& dev,
                        const TaggerOptions& options, const std::function<void(const std::string&)>& log,
                        size_t lemma_sentences) {
  auto say = [&](const std::string& s) {
    if (log) log(s);
  };
  if (train.empty()) throw Error("train pos", "no training sentences");
  TaggerModel model;
  model.options = options;
  // Labels: joint (UPOS, XPOS) pairs, sorted.
  std::map<std::pair<std::string, std::string>, uint16_t> label_of;
  for (const ConlluSentence& s : train)
    for (const tag::ConlluWord& w : s) label_of[{w.upos, w.xpos}] = 0;
  if (label_of.size() > 255) throw Error("train pos", "more than 255 UPOS+XPOS labels");
  for (auto& [k, id] : label_of) {
    id = static_cast<uint16_t>(model.upos.size());
    model.upos.push_back(k.first);
    model.xpos.push_back(k.second);
  }
  const size_t nl = model.upos.size();

  // Prepare sentences and count words for the lexicon.
  std::vector<Prepared> prepared(train.size());
  struct WordCounts {
    std::string form;  // as tag::NormalizeWord writes it
    std::vector<uint32_t> labels;
  };
  std::map<uint64_t, WordCounts> word_labels;
  std::string norm;
  char buf[tag::kMaxWordBytes];
  for (size_t si = 0; si < train.size(); ++si) {
    const ConlluSentence& s = train[si];
    Prepared& p = prepared[si];
    p.hashes.resize(s.size() + 4);
    p.hashes[0] = p.hashes[1] = tag::StartPadding();
    p.hashes[s.size() + 2] = p.hashes[s.size() + 3] = tag::EndPadding();
    for (size_t i = 0; i < s.size(); ++i) {
      tag::NormalizeQuotes(s[i].form, norm);
      tag::HashToken(norm, p.hashes[i + 2]);
      uint16_t label = label_of.at({s[i].upos, s[i].xpos});
      p.gold.push_back(label);
      size_t len = tag::NormalizeWord(s[i].form, buf);
      if (len == 0 || len > tag::kMaxWordBytes) continue;  // never in the lexicon
      WordCounts& counts = word_labels[p.hashes[i + 2].word];
      if (counts.labels.empty()) {
        counts.labels.assign(nl, 0);
        counts.form.assign(buf, len);
      }
      ++counts.labels[label];
    }
  }
  // The lexicon: words seen often enough, with their ambiguity class, and the
  // frequent unambiguous ones with their fixed label; sorted by form.
  std::vector<std::pair<std::string, uint64_t>> forms;
  for (const auto& [word, counts] : word_labels) forms.emplace_back(counts.form, word);
  std::sort(forms.begin(), forms.end());
  std::unordered_map<uint64_t, uint64_t> class_of;
  std::unordered_map<uint64_t, uint16_t> fixed_of;
  std::unordered_map<uint64_t, size_t> allowed_of;  // word -> its mask in vocab_allowed
  size_t fixed = 0;
  for (const auto& [form, word] : forms) {
    const std::vector<uint32_t>& counts = word_labels.at(word).labels;
    uint32_t total = 0, best = 0;
    uint16_t best_label = 0;
    for (size_t l = 0; l < nl; ++l) {
      total += counts[l];
      if (counts[l] > best) {
        best = counts[l];
        best_label = static_cast<uint16_t>(l);
      }
    }
    if (total < options.lexicon_min_count) continue;
    uint64_t cls = tag::HashBytes("-CLASS-");
    for (size_t l = 0; l < nl; ++l)
      if (uint64_t(counts[l]) * 1000 >= uint64_t(total) * options.class_min_permille) cls = tag::Combine(cls, l);
    uint16_t label = TaggerModel::kNoLabel;
    if (total >= options.tagdict_min_count && uint64_t(best) * 1000 >= uint64_t(total) * options.tagdict_min_permille) {
      label = best_label;
      fixed_of[word] = label;
      ++fixed;
    }
    class_of[word] = cls;
    const size_t at = model.vocab_allowed.size();
    model.vocab_allowed.resize(at + TaggerModel::kMaskWords, 0);
    if (options.constrain_min_count && total >= options.constrain_min_count) {
      for (size_t l = 0; l < nl; ++l)
        if (counts[l]) model.vocab_allowed[at + l / 64] |= uint64_t{1} << (l % 64);
      allowed_of[word] = at;
    }
    model.vocab.push_back(form);
    model.vocab_class.push_back(cls);
    model.vocab_label.push_back(label);
  }
  for (Prepared& p : prepared)
    for (size_t i = 2; i + 2 < p.hashes.size(); ++i) {
      auto it = class_of.find(p.hashes[i].word);
      if (it != class_of.end()) p.hashes[i].amb = it->second;
      auto lower = class_of.find(p.hashes[i].lower);
      if (lower != class_of.end()) p.hashes[i].amb_lower = lower->second;
    }
  for (Prepared& p : prepared) tag::SetSentenceMode(p.hashes.data() + 2, static_cast<int>(p.gold.size()));
  say(fmt::format("train pos: {} sentences, {} labels, {} words in the lexicon, {} tagged by lookup", train.size(),
                  nl, model.vocab.size(), fixed));

  if (lemma_sentences >= train.size()) {
    model.lemmas = LearnLemmatizer(train, options.lemma_max_suffix, options.lemma_min_support);
  } else {
    std::vector<ConlluSentence> part(train.begin(), train.begin() + static_cast<ptrdiff_t>(lemma_sentences));
    model.lemmas = LearnLemmatizer(part, options.lemma_max_suffix, options.lemma_min_support);
  }
  say(fmt::format("train pos: lemmatizer has {} rules, {} + {} exceptions, {} transforms", model.lemmas.rules.size(),
                  model.lemmas.exceptions.size(), model.lemmas.case_exceptions.size(), model.lemmas.transforms.size()));

  // An ensemble of perceptrons trained on different sentence orders; their averaged
  // weights are averaged again (a linear model, so tagging costs the same).
  std::vector<float> scores(nl);
  uint64_t feats[tag::kMaxFeatures];
  std::unordered_map<uint64_t, std::vector<double>> ensemble;
  const uint32_t members = std::max<uint32_t>(1, options.ensemble);
  for (uint32_t member = 0; member < members; ++member) {
    Perceptron perceptron(nl);
    tag::SplitMix64 rng(options.seed + member);
    std::vector<uint32_t> order(train.size());
    for (size_t i = 0; i < order.size(); ++i) order[i] = static_cast<uint32_t>(i);
    for (uint32_t it = 0; it < options.iterations; ++it) {
      auto start = std::chrono::steady_clock::now();
      for (size_t i = order.size(); i > 1; --i) std::swap(order[i - 1], order[rng.Below(i)]);
      size_t right = 0, total = 0;
      for (uint32_t si : order) {
        const Prepared& p = prepared[si];
        const tag::TokenHashes* toks = p.hashes.data() + 2;
        const int n = static_cast<int>(p.gold.size());
        uint32_t t1 = tag::kStartTag, t2 = tag::kStartTag;
        for (int i = 0; i < n; ++i) {
          uint16_t guess;
          if (auto known = fixed_of.find(toks[i].word); known != fixed_of.end()) {
            guess = known->second;
          } else {
            int k = tag::ExtractFeatures(toks, n, i, t1, t2, feats);
            perceptron.Score(feats, k, scores);
            auto mask = allowed_of.find(toks[i].word);
            guess = tag::BestLabel(scores.data(), nl,
                                   mask == allowed_of.end() ? nullptr : &model.vocab_allowed[mask->second]);
            if (guess != p.gold[i]) perceptron.Update(feats, k, p.gold[i], guess);
            perceptron.Tick();
          }
          right += guess == p.gold[i];
          ++total;
          t2 = t1;
          t1 = guess;
        }
      }
      std::string line = fmt::format("train pos: model {} pass {}/{}: train {:.4f}, {} features", member + 1,
                                     it + 1, options.iterations, double(right) / total, perceptron.features());
      if (!dev.empty() && it + 1 == options.iterations) {
        std::unordered_map<uint64_t, std::vector<double>> own;
        perceptron.AddAveraged(own, 1.0);
        Quantize(own, options, model);
        Tagger t(model, "training", false);
        PosScores s = EvaluateTagger(t, dev);
        line += fmt::format(", dev upos {:.4f} xpos {:.4f} lemma {:.4f}", s.upos(), s.xpos(), s.lemma());
        if (t.clamped()) line += fmt::format(", {} row sums clamped", t.clamped());
      }
      double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
      say(line + fmt::format(" ({:.1f}s)", secs));
    }
    perceptron.AddAveraged(ensemble, 1.0 / members);
  }
  Quantize(ensemble, options, model);

  // Self-test samples: what this model says about the first few held-out sentences.
  const std::vector<ConlluSentence>& source = dev.empty() ? train : dev;
  Tagger t(model, "training", false);
  std::string lemma;
  for (size_t si = 0; si < source.size() && model.samples.size() < 3; ++si) {
    if (source[si].size() < 5) continue;
    TaggerModel::Sample sample;
    std::vector<std::string_view> words;
    for (const tag::ConlluWord& w : source[si]) {
      sample.words.push_back(w.form);
      words.push_back(w.form);
    }
    t.Tag(words, sample.labels);
    for (size_t i = 0; i < words.size(); ++i) {
      t.Lemmatize(words[i], sample.labels[i], lemma);
      sample.lemmas.push_back(lemma);
    }
    model.samples.push_back(std::move(sample));
  }
  say(fmt::format("train pos: {} features, {} weights kept, {} row sums clamped", model.feature_keys.size(),
                  model.weight_values.size(), t.clamped()));
  return model;
}

PosScores EvaluateTagger(const Tagger& tagger, const std::vector<ConlluSentence>& gold) {
  PosScores s;
  auto scratch = Tagger::NewScratch();
  std::vector<std::string_view> words;
  std::vector<uint16_t> labels;
  std::string lemma;
  for (const ConlluSentence& sent : gold) {
    words.clear();
    for (const tag::ConlluWord& w : sent) words.push_back(w.form);
    tagger.Tag(words, labels, scratch.get());
    for (size_t i = 0; i < sent.size(); ++i) {
      bool u = tagger.upos(labels[i]) == sent[i].upos;
      bool x = tagger.xpos(labels[i]) == sent[i].xpos;
      tagger.Lemmatize(words[i], labels[i], lemma);
      ++s.words;
      s.upos_right += u;
      s.xpos_right += x;
      s.both_right += u && x;
      s.lemma_right += lemma == sent[i].lemma;
    }
  }
  return s;
}

}  // namespace newsledger
