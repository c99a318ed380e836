#include "newsledger/tagger.h"

#include <zlib.h>

#include <algorithm>
#include <cstring>
#include <fstream>
#include <sstream>

#include "newsledger/error.h"
#include "newsledger/resources.h"
#include "tag/binary_io.h"
#include "tag/flat_map.h"
#include "tag/tagger_features.h"

namespace newsledger {

namespace {

constexpr size_t kMaxLabels = 255;  // labels are stored in one byte
// magic, version, options (4+8+7*4), payload size, packed size, CRC-32.
constexpr size_t kHeaderBytes = 8 + 4 + 40 + 8 + 8 + 4;

void PutOptions(tag::ByteWriter& w, const TaggerOptions& o) {
  w.Put<uint32_t>(o.iterations);
  w.Put<uint64_t>(o.seed);
  w.Put<uint32_t>(o.ensemble);
  w.Put<uint32_t>(o.tagdict_min_count);
  w.Put<uint32_t>(o.tagdict_min_permille);
  w.Put<uint32_t>(o.lemma_min_support);
  w.Put<uint32_t>(o.lemma_max_suffix);
  w.Put<uint32_t>(o.weight_scale);
  w.Put<uint32_t>(o.min_weight);
}

TaggerOptions GetOptions(tag::ByteReader& r) {
  TaggerOptions o;
  o.iterations = r.Get<uint32_t>();
  o.seed = r.Get<uint64_t>();
  o.ensemble = r.Get<uint32_t>();
  o.tagdict_min_count = r.Get<uint32_t>();
  o.tagdict_min_permille = r.Get<uint32_t>();
  o.lemma_min_support = r.Get<uint32_t>();
  o.lemma_max_suffix = r.Get<uint32_t>();
  o.weight_scale = r.Get<uint32_t>();
  o.min_weight = r.Get<uint32_t>();
  return o;
}

}  // namespace

struct Tagger::Scratch {
  std::vector<tag::TokenHashes> hashes;
  std::vector<int32_t> scores;
  std::string norm;
  std::vector<std::string_view> words;
  std::vector<uint16_t> labels;
};

Tagger::ScratchPtr Tagger::NewScratch() { return ScratchPtr(new Scratch); }
void Tagger::ScratchDeleter::operator()(Scratch* s) const { delete s; }

// ---------------------------------------------------------------------------
// Model file

std::string TaggerModel::Serialize() const {
  tag::ByteWriter p;
  p.Put<uint32_t>(static_cast<uint32_t>(upos.size()));
  for (size_t i = 0; i < upos.size(); ++i) {
    p.PutString(upos[i]);
    p.PutString(xpos[i]);
  }
  std::vector<uint64_t> dict_keys;
  std::vector<uint16_t> dict_labels;
  for (const auto& [k, v] : tagdict) {
    dict_keys.push_back(k);
    dict_labels.push_back(v);
  }
  p.PutArray(dict_keys);
  p.PutArray(dict_labels);
  p.PutArray(feature_keys);
  p.PutArray(feature_begin);
  p.PutArray(weight_labels);
  p.PutArray(weight_values);
  Lemmatizer(lemmas).Serialize(p);
  p.Put<uint32_t>(static_cast<uint32_t>(samples.size()));
  for (const Sample& s : samples) {
    p.Put<uint32_t>(static_cast<uint32_t>(s.words.size()));
    for (size_t i = 0; i < s.words.size(); ++i) {
      p.PutString(s.words[i]);
      p.Put<uint16_t>(s.labels[i]);
      p.PutString(s.lemmas[i]);
    }
  }
  const std::string& raw = p.bytes();
  uLongf packed_size = compressBound(raw.size());
  std::string packed(packed_size, '\0');
  if (compress2(reinterpret_cast<Bytef*>(packed.data()), &packed_size,
                reinterpret_cast<const Bytef*>(raw.data()), raw.size(), 9) != Z_OK)
    throw Error("pos model", "zlib compression failed");
  packed.resize(packed_size);

  tag::ByteWriter h;
  h.bytes().append(kMagic, 8);
  h.Put<uint32_t>(kVersion);
  PutOptions(h, options);
  h.Put<uint64_t>(raw.size());
  h.Put<uint64_t>(packed.size());
  h.Put<uint32_t>(static_cast<uint32_t>(crc32(0, reinterpret_cast<const Bytef*>(packed.data()), packed.size())));
  return h.bytes() + packed;
}

TaggerModel TaggerModel::Parse(std::string_view bytes, const std::string& where) {
  if (bytes.size() < 8 || std::memcmp(bytes.data(), kMagic, 8) != 0)
    throw Error(where, "not a part-of-speech model (bad magic; expected NLPOSTAG)");
  tag::ByteReader h(bytes.substr(8), where);
  uint32_t version = h.Get<uint32_t>();
  if (version != kVersion)
    throw Error(where, "model format version " + std::to_string(version) + ", this program reads version " +
                           std::to_string(kVersion) + " (retrain with `newsledger train pos`)");
  TaggerModel m;
  m.options = GetOptions(h);
  uint64_t raw_size = h.Get<uint64_t>();
  uint64_t packed_size = h.Get<uint64_t>();
  uint32_t crc = h.Get<uint32_t>();
  const size_t header = kHeaderBytes;
  if (bytes.size() - header != packed_size)
    throw Error(where, "truncated or padded: payload is " + std::to_string(bytes.size() - header) +
                           " bytes, header says " + std::to_string(packed_size));
  std::string_view packed = bytes.substr(header);
  if (crc32(0, reinterpret_cast<const Bytef*>(packed.data()), packed.size()) != crc)
    throw Error(where, "checksum mismatch (corrupt file)");
  if (raw_size > (1ull << 31)) throw Error(where, "payload size out of range");
  std::string raw(raw_size, '\0');
  uLongf out_size = raw_size;
  if (uncompress(reinterpret_cast<Bytef*>(raw.data()), &out_size, reinterpret_cast<const Bytef*>(packed.data()),
                 packed.size()) != Z_OK ||
      out_size != raw_size)
    throw Error(where, "payload does not decompress (corrupt file)");

  tag::ByteReader r(raw, where);
  r.Section("labels");
  uint32_t n = r.Get<uint32_t>();
  if (n == 0 || n > kMaxLabels) r.Fail("label count out of range");
  for (uint32_t i = 0; i < n; ++i) {
    m.upos.push_back(r.GetString(64));
    m.xpos.push_back(r.GetString(64));
  }
  r.Section("tag dictionary");
  auto dict_keys = r.GetArray<uint64_t>(1u << 24);
  auto dict_labels = r.GetArray<uint16_t>(1u << 24);
  if (dict_keys.size() != dict_labels.size()) r.Fail("key and label counts differ");
  for (size_t i = 0; i < dict_keys.size(); ++i) {
    if (dict_labels[i] >= n) r.Fail("label out of range");
    m.tagdict.emplace_back(dict_keys[i], dict_labels[i]);
  }
  r.Section("features");
  m.feature_keys = r.GetArray<uint64_t>(1u << 26);
  m.feature_begin = r.GetArray<uint32_t>(1u << 26);
  m.weight_labels = r.GetArray<uint8_t>(1u << 28);
  m.weight_values = r.GetArray<int16_t>(1u << 28);
  if (m.feature_begin.size() != m.feature_keys.size() + 1 || m.feature_begin.front() != 0 ||
      m.feature_begin.back() != m.weight_labels.size() || m.weight_labels.size() != m.weight_values.size())
    r.Fail("inconsistent feature table sizes");
  for (size_t i = 0; i + 1 < m.feature_begin.size(); ++i)
    if (m.feature_begin[i] > m.feature_begin[i + 1]) r.Fail("feature offsets not increasing");
  for (uint8_t l : m.weight_labels)
    if (l >= n) r.Fail("weight label out of range");
  m.lemmas = Lemmatizer::Parse(r).tables();
  r.Section("self-test samples");
  uint32_t ns = r.Get<uint32_t>();
  if (ns > 1000) r.Fail("too many samples");
  m.samples.resize(ns);
  for (Sample& s : m.samples) {
    uint32_t len = r.Get<uint32_t>();
    if (len > 10000) r.Fail("sample too long");
    for (uint32_t i = 0; i < len; ++i) {
      s.words.push_back(r.GetString(1024));
      s.labels.push_back(r.Get<uint16_t>());
      if (s.labels.back() >= n) r.Fail("sample label out of range");
      s.lemmas.push_back(r.GetString(1024));
    }
  }
  if (!r.AtEnd()) r.Fail("trailing bytes");
  return m;
}

// ---------------------------------------------------------------------------
// Tagger

namespace {

std::string ReadFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error(path.string(), "cannot open model file");
  std::ostringstream s;
  s << in.rdbuf();
  if (in.bad()) throw Error(path.string(), "read error");
  return s.str();
}

}  // namespace

Tagger::Tagger() : Tagger(ResourcePath("models/pos.bin")) {}

Tagger::Tagger(const std::filesystem::path& model_file)
    : model_(TaggerModel::Parse(ReadFile(model_file), model_file.string())) {
  Build(model_file.string(), true);
}

Tagger::Tagger(TaggerModel model, const std::string& where, bool self_test) : model_(std::move(model)) {
  Build(where, self_test);
}

Tagger::~Tagger() = default;

void Tagger::Build(const std::string& where, bool self_test) {
  if (model_.upos.empty() || model_.upos.size() != model_.xpos.size() || model_.upos.size() > kMaxLabels)
    throw Error(where, "bad label table");
  lemmatizer_ = Lemmatizer(model_.lemmas);
  if (model_.weight_labels.size() >= (1u << 24)) throw Error(where, "too many weights");
  size_t cap = 16;
  while (cap < model_.feature_keys.size() * 2) cap <<= 1;  // load factor <= 0.5
  feature_slots_.assign(cap, FeatureSlot{});
  feature_mask_ = cap - 1;
  for (size_t i = 0; i < model_.feature_keys.size(); ++i) {
    uint64_t key = model_.feature_keys[i];
    uint32_t count = model_.feature_begin[i + 1] - model_.feature_begin[i];
    if (count > 255) throw Error(where, "feature with too many weights");
    size_t slot = key & feature_mask_;
    while (feature_slots_[slot].fingerprint != 0) slot = (slot + 1) & feature_mask_;
    feature_slots_[slot] = {static_cast<uint32_t>(key >> 32) | 1u, model_.feature_begin[i] << 8 | count};
  }
  tagdict_ = std::make_unique<tag::FlatMap64<uint16_t>>(model_.tagdict);
  entries_.resize(model_.weight_labels.size());
  for (size_t i = 0; i < entries_.size(); ++i) entries_[i] = {model_.weight_labels[i], model_.weight_values[i]};
  xpos_keys_.clear();
  for (const std::string& x : model_.xpos) xpos_keys_.push_back(Lemmatizer::TagKey(x));
  if (!self_test) return;
  Scratch scratch;
  std::string lemma;
  for (size_t si = 0; si < model_.samples.size(); ++si) {
    const TaggerModel::Sample& s = model_.samples[si];
    std::vector<std::string_view> words(s.words.begin(), s.words.end());
    std::vector<uint16_t> labels;
    Tag(words, labels, &scratch);
    for (size_t i = 0; i < words.size(); ++i) {
      Lemmatize(words[i], labels[i], lemma);
      if (labels[i] != s.labels[i] || lemma != s.lemmas[i])
        throw Error(where, "self-test failed: sample " + std::to_string(si) + " word " + std::to_string(i) + " '" +
                               s.words[i] + "' gives " + model_.xpos[labels[i]] + "/" + lemma + ", expected " +
                               model_.xpos[s.labels[i]] + "/" + s.lemmas[i]);
    }
  }
}

const Tagger::FeatureSlot* Tagger::FindFeature(uint64_t key) const {
  const uint32_t fp = static_cast<uint32_t>(key >> 32) | 1u;
  for (size_t slot = key & feature_mask_;; slot = (slot + 1) & feature_mask_) {
    const FeatureSlot& s = feature_slots_[slot];
    if (s.fingerprint == fp) return &s;
    if (s.fingerprint == 0) return nullptr;
  }
}

void Tagger::Tag(const std::vector<std::string_view>& words, std::vector<uint16_t>& labels, Scratch* scratch) const {
  ScratchPtr own;
  if (!scratch) {
    own = NewScratch();
    scratch = own.get();
  }
  Scratch& s = *scratch;
  const size_t n = words.size();
  labels.resize(n);
  if (n == 0) return;
  s.hashes.resize(n + 4);
  s.hashes[0] = s.hashes[1] = tag::StartPadding();
  s.hashes[n + 2] = s.hashes[n + 3] = tag::EndPadding();
  for (size_t i = 0; i < n; ++i) {
    tag::NormalizeQuotes(words[i], s.norm);
    tag::HashToken(s.norm, s.hashes[i + 2]);
  }
  tag::SetSentenceMode(s.hashes.data() + 2, static_cast<int>(n));
  const tag::TokenHashes* toks = s.hashes.data() + 2;
  const size_t nl = model_.upos.size();
  s.scores.resize(nl);
  int32_t* scores = s.scores.data();
  uint64_t feats[tag::kMaxFeatures];
  uint32_t t1 = tag::kStartTag, t2 = tag::kStartTag;
  for (size_t i = 0; i < n; ++i) {
    uint16_t label;
    if (const uint16_t* known = tagdict_->Find(toks[i].word)) {
      label = *known;
    } else {
      int k = tag::ExtractFeatures(toks, static_cast<int>(n), static_cast<int>(i), t1, t2, feats);
      for (int j = 0; j < k; ++j) __builtin_prefetch(&feature_slots_[feats[j] & feature_mask_]);
      // Two phases so that the cache misses of all features overlap: find every
      // feature's weights (and prefetch them), then add them up.
      uint32_t refs[tag::kMaxFeatures];
      int found = 0;
      for (int j = 0; j < k; ++j) {
        const FeatureSlot* slot = FindFeature(feats[j]);
        if (!slot) continue;
        __builtin_prefetch(entries_.data() + (slot->weights >> 8));
        refs[found++] = slot->weights;
      }
      std::fill(scores, scores + nl, 0);
      for (int j = 0; j < found; ++j) {
        const Entry* e = entries_.data() + (refs[j] >> 8);
        for (uint32_t c = 0, m = refs[j] & 0xFF; c < m; ++c) scores[e[c].label] += e[c].weight;
      }
      label = 0;
      for (size_t c = 1; c < nl; ++c)
        if (scores[c] > scores[label]) label = static_cast<uint16_t>(c);
    }
    labels[i] = label;
    t2 = t1;
    t1 = label;
  }
}

void Tagger::Lemmatize(std::string_view word, uint16_t label, std::string& out) const {
  if (word.find('\xE2') != std::string_view::npos) {
    std::string norm;
    tag::NormalizeQuotes(word, norm);
    lemmatizer_.Lemmatize(norm, xpos_keys_[label], out);
    return;
  }
  lemmatizer_.Lemmatize(word, xpos_keys_[label], out);
}

void Tagger::annotate(Document& doc) const {
  Scratch s;
  for (const Sentence& sent : doc.sentences) {
    if (sent.token_end > doc.tokens.size() || sent.token_begin >= sent.token_end) continue;
    s.words.clear();
    for (uint32_t t = sent.token_begin; t < sent.token_end; ++t) s.words.push_back(doc.view(doc.tokens[t].span));
    Tag(s.words, s.labels, &s);
    for (uint32_t t = sent.token_begin; t < sent.token_end; ++t) {
      Token& tok = doc.tokens[t];
      uint16_t label = s.labels[t - sent.token_begin];
      tok.upos = model_.upos[label];
      tok.xpos = model_.xpos[label];
      Lemmatize(s.words[t - sent.token_begin], label, tok.lemma);
    }
  }
}

}  // namespace newsledger
