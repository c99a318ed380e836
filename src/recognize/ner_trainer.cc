// ner_trainer.cc: readers for UNER and GUM, the averaged perceptron, span scoring.
#include "recognize/ner_trainer.h"

#include <algorithm>
#include <fstream>
#include <map>
#include <ostream>
#include <random>
#include <set>
#include <sstream>
#include <unordered_map>

#include "newsledger/error.h"

namespace newsledger {

namespace fs = std::filesystem;
using namespace ner;

namespace {

std::vector<std::string_view> SplitTabs(std::string_view line) {
  std::vector<std::string_view> cols;
  size_t s = 0;
  while (true) {
    size_t t = line.find('\t', s);
    cols.push_back(line.substr(s, t == std::string_view::npos ? std::string_view::npos : t - s));
    if (t == std::string_view::npos) break;
    s = t + 1;
  }
  return cols;
}

bool IsInteger(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// The sentences given by a sequence of (type, begin, end) spans over `n` words.
void SetSpanLabels(std::vector<uint8_t>& labels, size_t begin, size_t end, int type) {
  for (size_t k = begin; k < end; ++k)
    labels[k] = static_cast<uint8_t>(k == begin ? 2 * type - 1 : 2 * type);
}

}  // namespace

std::vector<NerSentence> ReadIob2(const fs::path& path) {
  std::ifstream in(path);
  if (!in) throw Error(path.string(), "cannot open");
  std::vector<NerSentence> out;
  NerSentence cur;
  std::string line, doc;
  size_t line_no = 0;
  auto flush = [&] {
    if (!cur.words.empty()) out.push_back(std::move(cur));
    cur = NerSentence();
  };
  while (std::getline(in, line)) {
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty()) { flush(); continue; }
    if (line[0] == '#') {
      if (line.rfind("# sent_id = ", 0) == 0) cur.id = line.substr(12);
      if (line.rfind("# newdoc id = ", 0) == 0) doc = line.substr(14);
      continue;
    }
    if (cur.words.empty()) cur.doc = doc;
    std::vector<std::string_view> cols = SplitTabs(line);
    if (cols.size() < 3) throw Error(path.string() + ":" + std::to_string(line_no), "expected index, word and label");
    int label = LabelFromName(cols[2]);
    if (label < 0) {
      // Other entity types (none in UNER English) are not ours: O.
      if (cols[2].size() > 2 && (cols[2][0] == 'B' || cols[2][0] == 'I') && cols[2][1] == '-') label = kO;
      else throw Error(path.string() + ":" + std::to_string(line_no), "unknown label '" + std::string(cols[2]) + "'");
    }
    // Repair I-X that does not continue an X (the draft train file has a few).
    if (IsInside(label) && (cur.labels.empty() || TypeOf(cur.labels.back()) != TypeOf(label) || cur.labels.back() == kO))
      label -= 1;
    cur.words.emplace_back(cols[1]);
    cur.labels.push_back(static_cast<uint8_t>(label));
  }
  flush();
  return out;
}

size_t AttachUpos(std::vector<NerSentence>& sentences, const fs::path& conllu) {
  std::ifstream in(conllu);
  if (!in) throw Error(conllu.string(), "cannot open");
  std::unordered_map<std::string, std::vector<std::string>> tags;
  std::string line, id;
  std::vector<std::string> cur;
  while (std::getline(in, line)) {
    if (line.empty()) {
      if (!id.empty()) tags[id] = std::move(cur);
      id.clear();
      cur.clear();
      continue;
    }
    if (line.rfind("# sent_id = ", 0) == 0) { id = line.substr(12); continue; }
    if (line[0] == '#') continue;
    std::vector<std::string_view> cols = SplitTabs(line);
    if (cols.size() < 4 || !IsInteger(cols[0])) continue;
    cur.emplace_back(cols[3]);
  }
  if (!id.empty()) tags[id] = std::move(cur);
  size_t attached = 0;
  for (NerSentence& s : sentences) {
    auto it = tags.find(s.id);
    if (it == tags.end() || it->second.size() != s.words.size()) continue;
    s.upos = it->second;
    ++attached;
  }
  return attached;
}

std::vector<NerSentence> ReadGumEntities(const fs::path& gum_dir, const Gazetteer& gaz) {
  // Held-out documents: those listed under "## test" and "## test2" of splits.md.
  std::set<std::string> held_out;
  {
    std::ifstream in(gum_dir / "splits.md");
    if (!in) throw Error((gum_dir / "splits.md").string(), "cannot open");
    std::string line, section;
    while (std::getline(in, line)) {
      if (line.rfind("## ", 0) == 0) section = line.substr(3);
      size_t star = line.find("* ");
      if (star != std::string::npos && (section == "test" || section == "test2")) {
        std::string name = line.substr(star + 2);
        while (!name.empty() && (name.back() == ' ' || name.back() == '\r')) name.pop_back();
        held_out.insert(name);
      }
    }
  }
  std::vector<fs::path> files;
  for (const auto& e : fs::directory_iterator(gum_dir / "dep"))
    if (e.path().extension() == ".conllu") files.push_back(e.path());
  std::sort(files.begin(), files.end());

  std::vector<NerSentence> out;
  for (const fs::path& file : files) {
    std::string doc = file.stem().string();
    if (held_out.count(doc) || doc.rfind("GUM_reddit_", 0) == 0) continue;
    std::ifstream in(file);
    if (!in) throw Error(file.string(), "cannot open");
    struct Tok { std::string form, upos; int head; std::string entity; };
    std::vector<Tok> sent;
    auto flush = [&] {
      if (sent.empty()) return;
      size_t n = sent.size();
      // Mentions: (type, begin, end inclusive).
      struct Open { std::string id, type; size_t begin; };
      struct Mention { std::string type; size_t begin, end; };
      std::vector<Open> open;
      std::vector<Mention> mentions;
      for (size_t t = 0; t < n; ++t) {
        const std::string& s = sent[t].entity;
        size_t i = 0;
        while (i < s.size()) {
          if (s[i] == '(') {
            size_t j = i + 1;
            while (j < s.size() && s[j] != '(' && s[j] != ')') ++j;
            std::string spec = s.substr(i + 1, j - i - 1);
            size_t d1 = spec.find('-');
            size_t d2 = d1 == std::string::npos ? std::string::npos : spec.find('-', d1 + 1);
            Open o{spec.substr(0, d1), d1 == std::string::npos ? "" : spec.substr(d1 + 1, d2 - d1 - 1), t};
            if (j < s.size() && s[j] == ')') {
              mentions.push_back({o.type, t, t});
              i = j + 1;
            } else {
              open.push_back(o);
              i = j;
            }
          } else if (s[i] >= '0' && s[i] <= '9') {
            size_t j = i;
            while (j < s.size() && s[j] != ')' && s[j] != '(') ++j;
            std::string id = s.substr(i, j - i);
            for (size_t k = open.size(); k-- > 0;) {
              if (open[k].id == id) {
                mentions.push_back({open[k].type, open[k].begin, t});
                open.erase(open.begin() + static_cast<ptrdiff_t>(k));
                break;
              }
            }
            i = j < s.size() && s[j] == ')' ? j + 1 : j;
          } else {
            ++i;
          }
        }
      }
      // Named mentions, cut to UNER's convention.
      struct Span3 { size_t begin, end; int type; };
      std::vector<Span3> names;
      for (const Mention& m : mentions) {
        int type = m.type == "person" ? 1 : m.type == "organization" ? 2 : m.type == "place" ? 3 : 0;
        if (!type) continue;
        size_t head = m.begin;
        for (size_t k = m.begin; k <= m.end; ++k) {
          int h = sent[k].head - 1;
          if (h < static_cast<int>(m.begin) || h > static_cast<int>(m.end)) { head = k; break; }
        }
        if (sent[head].upos != "PROPN") continue;
        auto propn = [&](size_t k) { return sent[k].upos == "PROPN"; };
        auto connector = [&](size_t k) {
          const std::string& f = sent[k].form;
          return f == "of" || f == "&" || f == "and" || f == "de" || f == "-" || f == "the";
        };
        size_t b = head, e = head;
        while (b > m.begin && (propn(b - 1) || (connector(b - 1) && b - 1 > m.begin && propn(b - 2))))
          b -= propn(b - 1) ? 1 : 2;
        while (e < m.end && (propn(e + 1) || (connector(e + 1) && e + 1 < m.end && propn(e + 2))))
          e += propn(e + 1) ? 1 : 2;
        while (b < e && (gaz.WordKinds(HashFolded(sent[b].form)) & kWordTitle)) ++b;
        if (gaz.WordKinds(HashFolded(sent[b].form)) & kWordTitle) continue;
        names.push_back({b, e + 1, type});
      }
      std::stable_sort(names.begin(), names.end(),
                       [](const Span3& a, const Span3& b) { return a.end - a.begin > b.end - b.begin; });
      NerSentence ns;
      ns.labels.assign(n, kO);
      std::vector<bool> used(n, false);
      for (const Span3& s : names) {
        bool free = true;
        for (size_t k = s.begin; k < s.end; ++k) free = free && !used[k];
        if (!free) continue;
        for (size_t k = s.begin; k < s.end; ++k) used[k] = true;
        SetSpanLabels(ns.labels, s.begin, s.end, s.type);
      }
      for (const Tok& t : sent) {
        ns.words.push_back(t.form);
        ns.upos.push_back(t.upos);
      }
      out.push_back(std::move(ns));
      sent.clear();
    };
    std::string line;
    while (std::getline(in, line)) {
      if (line.empty()) { flush(); continue; }
      if (line[0] == '#') continue;
      std::vector<std::string_view> cols = SplitTabs(line);
      if (cols.size() < 10 || !IsInteger(cols[0])) continue;  // ranges and empty nodes
      Tok t{std::string(cols[1]), std::string(cols[3]), IsInteger(cols[6]) ? std::stoi(std::string(cols[6])) : 0, ""};
      std::string_view misc = cols[9];
      size_t p = misc.find("Entity=");
      if (p != std::string_view::npos && (p == 0 || misc[p - 1] == '|')) {
        size_t e = misc.find('|', p);
        t.entity = std::string(misc.substr(p + 7, e == std::string_view::npos ? std::string_view::npos : e - p - 7));
      }
      sent.push_back(std::move(t));
    }
    flush();
  }
  return out;
}

void AddLowercasedCopies(std::vector<NerSentence>& sentences) {
  const size_t n = sentences.size();
  sentences.reserve(2 * n);
  for (size_t k = 0; k < n; ++k) {
    NerSentence copy = sentences[k];
    for (std::string& w : copy.words) w = FoldCase(w);
    sentences.push_back(std::move(copy));
  }
}

void CountSpans(const std::vector<uint8_t>& gold, const std::vector<uint8_t>& predicted, SpanCounts by_type[4],
                SpanCounts& overall) {
  auto spans = [](const std::vector<uint8_t>& labels) {
    std::vector<std::tuple<size_t, size_t, int>> out;
    for (size_t i = 0; i < labels.size();) {
      if (labels[i] == kO) { ++i; continue; }
      int type = TypeOf(labels[i]);
      size_t j = i + 1;
      while (j < labels.size() && IsInside(labels[j]) && TypeOf(labels[j]) == type) ++j;
      out.emplace_back(i, j, type);
      i = j;
    }
    return out;
  };
  auto g = spans(gold), p = spans(predicted);
  for (const auto& s : g) { ++by_type[std::get<2>(s)].gold; ++overall.gold; }
  for (const auto& s : p) {
    ++by_type[std::get<2>(s)].predicted;
    ++overall.predicted;
    if (std::find(g.begin(), g.end(), s) != g.end()) { ++by_type[std::get<2>(s)].correct; ++overall.correct; }
  }
}

SpanCounts ScoreModel(const NerModel& model, const std::vector<NerSentence>& data, SpanCounts by_type[4]) {
  SpanCounts overall;
  NerScratch scratch;
  std::vector<NerToken> toks;
  for (const NerSentence& s : data) {
    toks.clear();
    for (size_t k = 0; k < s.words.size(); ++k)
      toks.push_back({s.words[k], k < s.upos.size() ? std::string_view(s.upos[k]) : std::string_view()});
    model.Decode(toks.data(), toks.size(), scratch);
    CountSpans(s.labels, scratch.labels, by_type, overall);
  }
  return overall;
}

namespace {

// Sentences of our own, decoded and stored in the model file; a model that decodes
// them differently on load was damaged or is read with other features.
const std::vector<std::vector<std::string>>& SelfTestSentences() {
  static const std::vector<std::vector<std::string>> s = {
      {"Senator", "Maria", "Lopez", "met", "officials", "of", "the", "Health", "Ministry", "in", "Nairobi", "."},
      {"The", "Federal", "Aviation", "Administration", "said", "the", "storm", "hit", "Texas", "and", "Oklahoma",
       "."},
      {"\"", "We", "will", "not", "stop", ",", "\"", "Ahmed", "Karimi", "told", "Radio", "Free", "Europe", "on",
       "Monday", "."},
      {"Shares", "of", "Acme", "Corp.", "fell", "in", "London", "and", "Tokyo", "."},
  };
  return s;
}

}  // namespace

NerTrainResult TrainNer(const ModelOptions& options, const std::vector<NerSentence>& train,
                        const std::vector<NerSentence>& dev, const Gazetteer& gaz, std::ostream& log, bool fixed) {
  NerTrainResult result;
  const size_t rows = size_t{1} << options.hash_bits;
  NerFeatures features(gaz, options.hash_bits);
  // Static features of every training sentence, computed once.
  std::vector<NerScratch> prepared(train.size());
  std::vector<NerToken> toks;
  for (size_t k = 0; k < train.size(); ++k) {
    toks.clear();
    for (size_t i = 0; i < train[k].words.size(); ++i) toks.push_back({train[k].words[i], {}});
    features.Prepare(toks.data(), toks.size(), prepared[k]);
    result.train_tokens += toks.size();
  }
  result.train_sentences = train.size();
  log << "ner: " << train.size() << " training sentences, " << result.train_tokens << " tokens\n";

  const size_t dense0 = rows;  // first dense transition row
  std::vector<float> w((rows + kDenseRows) * kRowWidth, 0.0f);
  std::vector<double> u(w.size(), 0.0);
  double c = 1;
  std::vector<size_t> order(train.size());
  for (size_t k = 0; k < order.size(); ++k) order[k] = k;
  std::mt19937_64 rng(options.seed);
  std::vector<float> best_avg;
  double best_f1 = -1;
  std::vector<float> emission, vscore;
  std::vector<uint8_t> vback, pred;
  for (uint32_t epoch = 1; epoch <= options.epochs; ++epoch) {
    // Fisher-Yates with our own index draw, so the order does not depend on the
    // standard library's distributions.
    for (size_t k = order.size(); k > 1; --k) std::swap(order[k - 1], order[rng() % k]);
    size_t errors = 0, tokens = 0;
    for (size_t idx : order) {
      const NerSentence& sent = train[idx];
      const NerScratch& s = prepared[idx];
      const size_t n = sent.words.size();
      if (n == 0) continue;
      emission.assign(n * kRowWidth, 0.0f);
      for (size_t i = 0; i < n; ++i) {
        const uint32_t* frows = &s.rows[i * NerFeatures::kStaticFeatures];
        for (int f = 0; f < NerFeatures::kStaticFeatures; ++f)
          for (int l = 0; l < kRowWidth; ++l) emission[i * kRowWidth + l] += w[size_t{frows[f]} * kRowWidth + l];
      }
      Viterbi(s, n, emission.data(), w.data() + dense0 * kRowWidth, vscore, vback, pred);
      auto update = [&](size_t row, int label, float delta) {
        w[row * kRowWidth + label] += delta;
        u[row * kRowWidth + label] += c * delta;
      };
      for (size_t i = 0; i < n; ++i) {
        const int gold = sent.labels[i], got = pred[i];
        const int gprev = i == 0 ? kStart : sent.labels[i - 1], pprev = i == 0 ? kStart : pred[i - 1];
        if (gold != got) {
          ++errors;
          const uint32_t* frows = &s.rows[i * NerFeatures::kStaticFeatures];
          for (int f = 0; f < NerFeatures::kStaticFeatures; ++f) {
            update(frows[f], gold, 1);
            update(frows[f], got, -1);
          }
        }
        if (gold != got || gprev != pprev) {
          uint32_t tr[4];
          NerFeatures::Transition(s, i, gprev, tr);
          for (uint32_t r : tr) update(dense0 + r, gold, 1);
          NerFeatures::Transition(s, i, pprev, tr);
          for (uint32_t r : tr) update(dense0 + r, got, -1);
        }
      }
      tokens += n;
      c += 1;
    }
    std::vector<float> avg(w.size());
    for (size_t k = 0; k < w.size(); ++k) avg[k] = static_cast<float>(w[k] - u[k] / c);
    if (fixed) {  // no choice to make: keep the last pass
      log << "ner: epoch " << epoch << " train token error " << double(errors) / double(tokens) << "\n";
      if (epoch == options.epochs) { best_avg = std::move(avg); result.best_epoch = epoch; }
      continue;
    }
    NerModel model(options, avg, gaz);
    SpanCounts by_type[4];
    double f1 = ScoreModel(model, dev, by_type).f1();
    result.dev_f1.push_back(f1);
    log << "ner: epoch " << epoch << " train token error " << double(errors) / double(tokens) << " dev span F1 " << f1
        << " (PER " << by_type[1].f1() << " ORG " << by_type[2].f1() << " LOC " << by_type[3].f1() << ")\n";
    if (f1 > best_f1) {
      best_f1 = f1;
      best_avg = std::move(avg);
      result.best_epoch = epoch;
    }
  }
  log << "ner: keeping epoch " << result.best_epoch << "\n";
  NerModel model(options, best_avg, gaz);
  // The O penalty best on dev (a linear model trained on sparse entities is timid).
  result.o_penalty = options.o_penalty;
  if (!fixed) {
    float best_penalty = 0;
    double best = -1;
    for (float p : {0.0f, 0.5f, 1.0f, 2.0f, 3.0f, 4.0f, 6.0f, 8.0f}) {
      model.set_o_penalty(p);
      SpanCounts by_type[4];
      double f1 = ScoreModel(model, dev, by_type).f1();
      log << "ner: O penalty " << p << " dev span F1 " << f1 << "\n";
      if (f1 > best) { best = f1; best_penalty = p; }
    }
    result.o_penalty = best_penalty;
  }
  model.set_o_penalty(result.o_penalty);
  result.model_bytes = model.Serialize(SelfTestSentences());
  return result;
}

}  // namespace newsledger
