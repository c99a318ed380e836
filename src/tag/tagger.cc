#include "newsledger/tagger.h"

#include <zlib.h>

#include <algorithm>
#include <atomic>
#include <cstring>
#include <fstream>
#include <sstream>

#include "newsledger/error.h"
#include "newsledger/resources.h"
#include "tag/binary_io.h"
#include "tag/flat_map.h"
#include "tag/row_kernels.h"
#include "tag/tagger_features.h"

namespace newsledger {

namespace {

constexpr size_t kMaxLabels = 255;  // labels are stored in one byte
// magic, version, options (4+8+11*4), payload size, packed size, CRC-32.
constexpr size_t kHeaderBytes = 8 + 4 + 56 + 8 + 8 + 4;

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
  w.Put<uint32_t>(o.lexicon_min_count);
  w.Put<uint32_t>(o.class_min_permille);
  w.Put<uint32_t>(o.gum);
  w.Put<uint32_t>(o.constrain_min_count);
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
  o.lexicon_min_count = r.Get<uint32_t>();
  o.class_min_permille = r.Get<uint32_t>();
  o.gum = r.Get<uint32_t>();
  o.constrain_min_count = r.Get<uint32_t>();
  return o;
}

}  // namespace

// Rows of words outside the lexicon, kept across sentences (see tagger.h).
struct OovCache {
  static constexpr size_t kSlots = 4096;  // a power of two
  struct Slot {
    uint8_t len = 0;  // normalised form length (1..kMaxWordBytes); 0: empty
    uint64_t stamp = 0;  // the Tag call that last used it: its rows are in use till it ends
    uint16_t guess = 0;  // GuessLabel of its rows
    char form[tag::kMaxWordBytes];
    tag::TokenHashes hashes;
  };
  uint64_t owner = 0;  // Tagger::id_ of the rows held
  uint64_t stamp = 0;  // counts Tag calls
  size_t row_block = 0;
  std::vector<Slot> slots;
  std::unique_ptr<int16_t[]> rows;  // row_block per slot; written before it is read

  void Reset(uint64_t id, size_t block) {
    owner = id;
    slots.assign(kSlots, Slot{});
    if (block != row_block || !rows) rows.reset(new int16_t[kSlots * block]);
    row_block = block;
  }
};

constexpr uint32_t kNotInLexicon = 0xFFFFFFFF;  // Scratch::vocab of a word outside the lexicon

struct Tagger::Scratch {
  OovCache oov_cache;
  std::vector<uint32_t> vocab;           // per token: lexicon index, or kNotInLexicon
  std::vector<uint8_t> lengths;          // per token: normalised length, capped at 255
  std::vector<tag::TokenHashes> hashes;  // with two padding entries on each side
  std::vector<const int16_t*> rows;      // per token (and padding): its 5 unary rows
  std::vector<uint32_t> oov;             // per token: 1 + its place in oov_rows, or 0
  std::vector<int16_t> oov_rows;         // rows of the words outside the lexicon
  std::vector<uint16_t> fixed;           // per token: label by lookup, or kNoLabel
  std::vector<const uint64_t*> allowed;  // per token: its label mask, or null
  std::vector<int32_t> scores;
  std::vector<int32_t> pairs;            // per token: the sums of its pair features
  std::vector<uint16_t> guess;           // per token: its fixed label, or GuessLabel
  // Per token, kMaxContextFeatures slots each: the keys of its pair features, and of
  // its tag-context features under the guessed labels of the two tokens before it.
  std::vector<uint64_t> pair_keys, guess_keys;
  std::vector<uint8_t> pair_count, guess_count;
  std::vector<const Tagger::FeatureSlot*> pair_found, guess_found;  // their slots (FindFeatures)
  std::string norm;
  std::vector<std::string_view> words;
  std::vector<uint16_t> labels;
  std::vector<uint64_t> lemma_keys;      // per token: its key in lemma_index_
  std::vector<const uint32_t*> lemma_at; // per token: its entry there, or null
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
  p.Put<uint32_t>(static_cast<uint32_t>(vocab.size()));
  for (const std::string& v : vocab) p.PutString(v);
  p.PutArray(vocab_class);
  p.PutArray(vocab_label);
  p.PutArray(vocab_allowed);
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
  r.Section("lexicon");
  uint32_t nv = r.Get<uint32_t>();
  if (nv > (1u << 20)) r.Fail("lexicon too large");
  m.vocab.reserve(nv);
  for (uint32_t i = 0; i < nv; ++i) {
    m.vocab.push_back(r.GetString(tag::kMaxWordBytes));
    if (m.vocab.back().empty()) r.Fail("empty lexicon word");
  }
  m.vocab_class = r.GetArray<uint64_t>(1u << 20);
  m.vocab_label = r.GetArray<uint16_t>(1u << 20);
  m.vocab_allowed = r.GetArray<uint64_t>(kMaskWords << 20);
  if (m.vocab_class.size() != nv || m.vocab_label.size() != nv || m.vocab_allowed.size() != nv * kMaskWords)
    r.Fail("lexicon table sizes differ");
  for (uint16_t l : m.vocab_label)
    if (l != kNoLabel && l >= n) r.Fail("label out of range");
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
  static std::atomic<uint64_t> next_id{1};
  id_ = next_id.fetch_add(1);
  if (model_.upos.empty() || model_.upos.size() != model_.xpos.size() || model_.upos.size() > kMaxLabels)
    throw Error(where, "bad label table");
  if (model_.vocab.size() != model_.vocab_class.size() || model_.vocab.size() != model_.vocab_label.size() ||
      model_.vocab_allowed.size() != model_.vocab.size() * TaggerModel::kMaskWords)
    throw Error(where, "bad lexicon");
  lemmatizer_ = Lemmatizer(model_.lemmas);
  if (model_.weight_labels.size() >= (1u << 24)) throw Error(where, "too many weights");
  size_t cap = 16;
  while (cap < model_.feature_keys.size() * 2) cap <<= 1;  // load factor <= 0.5
  feature_slots_.assign(cap, FeatureSlot{});
  entries_.clear();
  entries_.reserve(model_.weight_labels.size());
  feature_mask_ = cap - 1;
  for (size_t i = 0; i < model_.feature_keys.size(); ++i) {
    uint64_t key = model_.feature_keys[i];
    uint32_t count = model_.feature_begin[i + 1] - model_.feature_begin[i];
    if (count > 255) throw Error(where, "feature with too many weights");
    size_t slot = key & feature_mask_;
    while (feature_slots_[slot].fingerprint != 0) slot = (slot + 1) & feature_mask_;
    FeatureSlot& fs = feature_slots_[slot];
    fs.fingerprint = static_cast<uint32_t>(key >> 32) | 1u;
    const uint32_t begin = model_.feature_begin[i];
    const uint32_t inline_count = std::min<uint32_t>(count, kInlineEntries);
    for (uint32_t c = 0; c < inline_count; ++c) fs.first[c] = {model_.weight_labels[begin + c], model_.weight_values[begin + c]};
    if (count > inline_count) {
      fs.rest = static_cast<uint32_t>(entries_.size()) << 8 | (count - inline_count);
      for (uint32_t c = inline_count; c < count; ++c)
        entries_.push_back({model_.weight_labels[begin + c], model_.weight_values[begin + c]});
    }
  }
  occupied_.assign((cap + 63) / 64, 0);
  for (size_t slot = 0; slot < cap; ++slot)
    if (feature_slots_[slot].fingerprint != 0) occupied_[slot >> 6] |= uint64_t{1} << (slot & 63);
  xpos_keys_.clear();
  for (const std::string& x : model_.xpos) xpos_keys_.push_back(Lemmatizer::TagKey(x));

  // Dense rows: what the features of one token, or of the previous two tags, add.
  const size_t nl = model_.upos.size();
  row_size_ = (nl + 7) / 8 * 8;
  clamped_ = 0;
  tag_rows_.assign((nl + 1) * (nl + 1) * row_size_, 0);
  std::vector<int32_t> acc(row_size_);
  uint64_t feats[tag::kMaxFeatures];
  auto store = [&](int16_t* row) {
    for (size_t l = 0; l < row_size_; ++l) {
      int32_t v = std::clamp<int32_t>(acc[l], -32767, 32767);
      clamped_ += v != acc[l];
      row[l] = static_cast<int16_t>(v);
    }
  };
  for (size_t a = 0; a <= nl; ++a)
    for (size_t b = 0; b <= nl; ++b) {
      uint32_t t1 = a == nl ? tag::kStartTag : static_cast<uint32_t>(a);
      uint32_t t2 = b == nl ? tag::kStartTag : static_cast<uint32_t>(b);
      std::fill(acc.begin(), acc.end(), 0);
      AddFeatures(feats, tag::TagFeatures(t1, t2, feats), acc.data());
      store(&tag_rows_[(a * (nl + 1) + b) * row_size_]);
    }
  pad_rows_.assign(2 * tag::kOffsets * row_size_, 0);
  clamped_ += UnaryRows(tag::StartPadding(), pad_rows_.data());
  clamped_ += UnaryRows(tag::EndPadding(), pad_rows_.data() + tag::kOffsets * row_size_);
  std::vector<std::pair<uint64_t, uint32_t>> index;
  vocab_.clear();
  vocab_rows_.assign(model_.vocab.size() * tag::kOffsets * row_size_, 0);
  tag::TokenHashes h;
  for (size_t i = 0; i < model_.vocab.size(); ++i) {
    tag::HashToken(model_.vocab[i], h);
    index.emplace_back(h.word, static_cast<uint32_t>(i));
  }
  vocab_index_ = std::make_unique<tag::FlatMap64<uint32_t>>(index);
  for (size_t i = 0; i < model_.vocab.size(); ++i) {
    tag::HashToken(model_.vocab[i], h);
    h.amb = model_.vocab_class[i];
    SetLowerClass(h);
    const uint64_t* mask = &model_.vocab_allowed[i * TaggerModel::kMaskWords];
    bool constrained = false;
    for (size_t w = 0; w < TaggerModel::kMaskWords; ++w) constrained |= mask[w] != 0;
    int16_t* rows = &vocab_rows_[i * tag::kOffsets * row_size_];
    clamped_ += UnaryRows(h, rows);
    vocab_.push_back({h.lower, h.suffix[2], h.shape, h.amb, model_.vocab_label[i], h.caps, constrained,
                      GuessLabel(rows, constrained ? mask : nullptr), kNoLemma});
  }
  BuildLemmaCache();
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

void Tagger::BuildLemmaCache() {
  // The labels a lexicon word is tagged with are nearly always among the few its own
  // features (the offset-0 row) score highest; the lexicon's fixed label is one of them.
  constexpr size_t kLabelsPerWord = 4;
  const size_t nl = model_.upos.size();
  const size_t block = tag::kOffsets * row_size_;
  std::vector<std::pair<uint64_t, uint32_t>> items;
  lemma_pool_.clear();
  std::string lemma;
  std::vector<uint16_t> order(nl);
  for (size_t i = 0; i < model_.vocab.size(); ++i) {
    const std::string& form = model_.vocab[i];
    if (form.size() > 255) continue;
    const int16_t* row = &vocab_rows_[i * block + 2 * row_size_];
    for (size_t l = 0; l < nl; ++l) order[l] = static_cast<uint16_t>(l);
    const size_t k = std::min(kLabelsPerWord, nl);
    std::partial_sort(order.begin(), order.begin() + k, order.end(), [&](uint16_t a, uint16_t b) {
      return row[a] != row[b] ? row[a] > row[b] : a < b;
    });
    uint16_t labels[kLabelsPerWord + 1];
    size_t count = 0;
    if (model_.vocab_label[i] != TaggerModel::kNoLabel) labels[count++] = model_.vocab_label[i];
    for (size_t j = 0; j < k; ++j)
      if (count == 0 || order[j] != labels[0]) labels[count++] = order[j];
    const uint64_t word = tag::HashBytes(form);
    for (size_t j = 0; j < count; ++j) {
      lemmatizer_.Lemmatize(form, xpos_keys_[labels[j]], lemma);
      if (lemma.size() > 255) continue;
      items.emplace_back(tag::Combine(word, labels[j]), static_cast<uint32_t>(lemma_pool_.size()));
      lemma_pool_ += static_cast<char>(form.size());
      lemma_pool_ += form;
      lemma_pool_ += static_cast<char>(lemma.size());
      lemma_pool_ += lemma;
    }
  }
  lemma_index_ = std::make_unique<tag::FlatMap64<uint32_t>>(items);
  for (size_t i = 0; i < vocab_.size(); ++i) {
    VocabEntry& e = vocab_[i];
    const uint16_t likely = e.label != TaggerModel::kNoLabel ? e.label : e.guess;
    const uint32_t* at = lemma_index_->Find(tag::Combine(tag::HashBytes(model_.vocab[i]), likely));
    e.lemma_at = at ? *at : kNoLemma;
  }
}

uint16_t Tagger::GuessLabel(const int16_t* block, const uint64_t* allowed) const {
  return tag::BestLabel(block + 2 * row_size_, model_.upos.size(), allowed);
}

void Tagger::SetLowerClass(tag::TokenHashes& h) const {
  if (const uint32_t* v = vocab_index_->Find(h.lower)) h.amb_lower = model_.vocab_class[*v];
}

const Tagger::FeatureSlot* Tagger::FindFeature(uint64_t key) const {
  const uint32_t fp = static_cast<uint32_t>(key >> 32) | 1u;
  for (size_t slot = key & feature_mask_;; slot = (slot + 1) & feature_mask_) {
    const FeatureSlot& s = feature_slots_[slot];
    if (s.fingerprint == fp) return &s;
    if (s.fingerprint == 0) return nullptr;
  }
}

void Tagger::AddFeatures(const uint64_t* feats, int k, int32_t* acc) const {
  for (int j = 0; j < k; ++j) __builtin_prefetch(&feature_slots_[feats[j] & feature_mask_]);
  // Two phases so that the cache misses of all features overlap: find every
  // feature's weights (and prefetch them), then add them up.
  const FeatureSlot* found[tag::kMaxFeatures];
  AddFound(found, FindFeatures(feats, k, found), acc);
}

int Tagger::FindFeatures(const uint64_t* feats, int k, const FeatureSlot** found) const {
  int nfound = 0;
  for (int j = 0; j < k; ++j) {
    const FeatureSlot* slot = FindFeature(feats[j]);
    if (!slot) continue;
    if (slot->rest) __builtin_prefetch(entries_.data() + (slot->rest >> 8));
    found[nfound++] = slot;
  }
  return nfound;
}

void Tagger::AddFound(const FeatureSlot* const* found, int n, int32_t* acc) const {
  for (int j = 0; j < n; ++j) {
    const FeatureSlot& slot = *found[j];
    for (int c = 0; c < kInlineEntries; ++c) acc[slot.first[c].label] += slot.first[c].weight;
    const Entry* e = entries_.data() + (slot.rest >> 8);
    for (uint32_t c = 0, m = slot.rest & 0xFF; c < m; ++c) acc[e[c].label] += e[c].weight;
  }
}

size_t Tagger::UnaryRows(const tag::TokenHashes& tok, int16_t* rows) const {
  // The features of all five offsets are fetched together, so that their cache misses
  // (a rare word has rare features, each far from the others) overlap in one round
  // trip instead of five.
  uint64_t feats[tag::kOffsets * tag::kMaxUnaryFeatures];
  int begin[tag::kOffsets + 1];
  int k = 0;
  for (int d = tag::kMinOffset; d <= tag::kMaxOffset; ++d) {
    begin[d - tag::kMinOffset] = k;
    k += tag::UnaryFeatures(tok, d, feats + k);
  }
  begin[tag::kOffsets] = k;
  for (int j = 0; j < k; ++j) __builtin_prefetch(&feature_slots_[feats[j] & feature_mask_]);
  const FeatureSlot* found[tag::kOffsets * tag::kMaxUnaryFeatures];
  int found_begin[tag::kOffsets + 1];
  int nfound = 0;
  for (int o = 0; o < tag::kOffsets; ++o) {
    found_begin[o] = nfound;
    nfound += FindFeatures(feats + begin[o], begin[o + 1] - begin[o], found + nfound);
  }
  found_begin[tag::kOffsets] = nfound;
  size_t clamped = 0;
  int32_t acc[kMaxLabels + 8];
  for (int o = 0; o < tag::kOffsets; ++o) {
    std::fill(acc, acc + row_size_, 0);
    AddFound(found + found_begin[o], found_begin[o + 1] - found_begin[o], acc);
    int16_t* row = rows + o * row_size_;
    for (size_t l = 0; l < row_size_; ++l) {
      // Clamping only ever happens at load time (it is counted there); at run time
      // the same sums for words outside the lexicon are cut the same way.
      int32_t v = std::clamp<int32_t>(acc[l], -32767, 32767);
      clamped += v != acc[l];
      row[l] = static_cast<int16_t>(v);
    }
  }
  return clamped;
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
  const size_t rs = row_size_;
  const size_t block = tag::kOffsets * rs;
  s.hashes.resize(n + 4);
  s.rows.resize(n + 4);
  s.oov.assign(n, 0);
  s.fixed.resize(n);
  s.guess.resize(n);
  s.allowed.resize(n);
  s.oov_rows.clear();
  s.hashes[0] = s.hashes[1] = tag::StartPadding();
  s.hashes[n + 2] = s.hashes[n + 3] = tag::EndPadding();
  s.rows[0] = s.rows[1] = pad_rows_.data();
  s.rows[n + 2] = s.rows[n + 3] = pad_rows_.data() + block;
  OovCache& cache = s.oov_cache;
  if (cache.owner != id_) cache.Reset(id_, block);
  const uint64_t stamp = ++cache.stamp;
  s.vocab.resize(n);
  s.lengths.resize(n);
  char buf[tag::kMaxWordBytes];
  // Three passes, so that the cache misses of a sentence's lexicon lookups overlap:
  // hash every word and prefetch its lexicon slot, then find each one and prefetch its
  // entry, then fill in the hashes and rows.
  for (size_t i = 0; i < n; ++i) {
    size_t len = tag::NormalizeWord(words[i], buf);
    s.lengths[i] = static_cast<uint8_t>(len < 255 ? len : 255);
    uint64_t word = len <= tag::kMaxWordBytes ? tag::HashBytes(std::string_view(buf, len)) : 0;
    s.hashes[i + 2].word = word;
    if (len <= tag::kMaxWordBytes) vocab_index_->Prefetch(word);
  }
  for (size_t i = 0; i < n; ++i) {
    const uint32_t* vi = s.lengths[i] <= tag::kMaxWordBytes ? vocab_index_->Find(s.hashes[i + 2].word) : nullptr;
    s.vocab[i] = vi ? *vi : kNotInLexicon;
    if (vi) __builtin_prefetch(&vocab_[*vi]);
  }
  for (size_t i = 0; i < n; ++i) {
    tag::TokenHashes& h = s.hashes[i + 2];
    if (s.vocab[i] != kNotInLexicon) {
      // A lexicon word: the context features need only these fields.
      const uint32_t vi = s.vocab[i];
      const VocabEntry& e = vocab_[vi];
      h.lower = e.lower;
      h.suffix[2] = e.suffix3;
      h.shape = e.shape;
      h.amb = e.amb;
      h.caps = e.caps;
      s.fixed[i] = e.label;
      s.guess[i] = e.label != TaggerModel::kNoLabel ? e.label : e.guess;
      s.allowed[i] = e.constrained ? &model_.vocab_allowed[vi * TaggerModel::kMaskWords] : nullptr;
      s.rows[i + 2] = vocab_rows_.data() + vi * block;
      continue;
    }
    s.fixed[i] = TaggerModel::kNoLabel;
    s.allowed[i] = nullptr;
    const size_t len = s.lengths[i];
    const size_t home = h.word & (OovCache::kSlots - 1);
    OovCache::Slot& slot = cache.slots[home];
    int16_t* cached = cache.rows.get() + home * block;
    if (len > 0 && len <= tag::kMaxWordBytes) {
      tag::NormalizeWord(words[i], buf);
      if (slot.len == len && std::memcmp(slot.form, buf, len) == 0) {  // seen before
        slot.stamp = stamp;
        h = slot.hashes;
        s.rows[i + 2] = cached;
        s.guess[i] = slot.guess;
        continue;
      }
      if (slot.stamp != stamp) {  // free to take (not used earlier in this sentence)
        tag::HashToken(std::string_view(buf, len), slot.hashes);
        SetLowerClass(slot.hashes);
        UnaryRows(slot.hashes, cached);
        slot.guess = GuessLabel(cached, nullptr);
        s.guess[i] = slot.guess;
        slot.len = static_cast<uint8_t>(len);
        slot.stamp = stamp;
        std::memcpy(slot.form, buf, len);
        h = slot.hashes;
        s.rows[i + 2] = cached;
        continue;
      }
    }
    // Not cached: too long, or its slot holds another word of this sentence.
    if (len > tag::kMaxWordBytes) {
      tag::NormalizeQuotes(words[i], s.norm);
      tag::HashToken(s.norm, h);
    } else {
      tag::HashToken(std::string_view(buf, len), h);
    }
    SetLowerClass(h);
    size_t at = s.oov_rows.size();
    s.oov_rows.resize(at + block);
    UnaryRows(h, s.oov_rows.data() + at);
    s.oov[i] = static_cast<uint32_t>(at / block + 1);
  }
  // The rows of words outside the lexicon are in place only now (oov_rows grew).
  for (size_t i = 0; i < n; ++i)
    if (s.oov[i]) {
      s.rows[i + 2] = s.oov_rows.data() + (s.oov[i] - 1) * block;
      s.guess[i] = GuessLabel(s.rows[i + 2], nullptr);
    }
  tag::SetSentenceMode(s.hashes.data() + 2, static_cast<int>(n));
  const tag::TokenHashes* toks = s.hashes.data() + 2;
  const size_t nl = model_.upos.size();
  s.scores.resize(rs);
  int32_t* scores = s.scores.data();
  uint64_t feats[tag::kMaxContextFeatures];
  // The context features of the whole sentence are looked up first, so that their
  // cache misses overlap instead of each token waiting for its own: those without
  // tags, and those of t-1 and t-2 under the guessed labels of the tokens before
  // (their own features' best label, right for most words). The greedy loop below
  // then finds the features of the labels it chose already in cache, and reuses the
  // keys when the guesses were right.
  constexpr size_t kSlotsPerToken = tag::kMaxContextFeatures;
  s.pair_keys.resize(n * kSlotsPerToken);
  s.guess_keys.resize(n * kSlotsPerToken);
  s.pair_count.assign(n, 0);
  s.guess_count.assign(n, 0);
  for (size_t i = 0; i < n; ++i) {
    if (s.fixed[i] != TaggerModel::kNoLabel) continue;
    uint64_t* pk = &s.pair_keys[i * kSlotsPerToken];
    uint64_t* gk = &s.guess_keys[i * kSlotsPerToken];
    const uint32_t g1 = i >= 1 ? s.guess[i - 1] : tag::kStartTag;
    const uint32_t g2 = i >= 2 ? s.guess[i - 2] : tag::kStartTag;
    // Keys the table cannot have are dropped here (they would add nothing).
    auto keep_possible = [&](uint64_t* keys, int k) {
      int kept = 0;
      for (int j = 0; j < k; ++j) {
        keys[kept] = keys[j];
        kept += MayHave(keys[j]);
      }
      return kept;
    };
    const int kp = keep_possible(pk, tag::PairFeatures(toks, static_cast<int>(i), pk));
    const int kg = keep_possible(gk, tag::TagContextFeatures(toks, static_cast<int>(i), g1, g2, gk));
    s.pair_count[i] = static_cast<uint8_t>(kp);
    s.guess_count[i] = static_cast<uint8_t>(kg);
    for (int j = 0; j < kp; ++j) __builtin_prefetch(&feature_slots_[pk[j] & feature_mask_]);
    for (int j = 0; j < kg; ++j) __builtin_prefetch(&feature_slots_[gk[j] & feature_mask_]);
    // The row of the guessed (t-1, t-2) too: the table of all pairs is 2.5 MB.
    const size_t g1r = g1 == tag::kStartTag ? nl : g1, g2r = g2 == tag::kStartTag ? nl : g2;
    const char* tag_row = reinterpret_cast<const char*>(tag_rows_.data() + (g1r * (nl + 1) + g2r) * rs);
    for (size_t b = 0; b < rs * sizeof(int16_t); b += 64) __builtin_prefetch(tag_row + b);
  }
  // Then find them all (the slots have arrived by now) and start fetching the weights
  // that do not fit in a slot, then add up the pair features.
  s.pair_found.resize(n * kSlotsPerToken);
  s.guess_found.resize(n * kSlotsPerToken);
  for (size_t i = 0; i < n; ++i) {
    if (s.fixed[i] != TaggerModel::kNoLabel) continue;
    const size_t at = i * kSlotsPerToken;
    s.pair_count[i] = static_cast<uint8_t>(FindFeatures(&s.pair_keys[at], s.pair_count[i], &s.pair_found[at]));
    s.guess_count[i] = static_cast<uint8_t>(FindFeatures(&s.guess_keys[at], s.guess_count[i], &s.guess_found[at]));
  }
  s.pairs.assign(n * rs, 0);
  for (size_t i = 0; i < n; ++i)
    AddFound(&s.pair_found[i * kSlotsPerToken], s.pair_count[i], s.pairs.data() + i * rs);
  const tag::RowKernels& kernels = tag::RowKernels::Get();
  uint32_t t1 = tag::kStartTag, t2 = tag::kStartTag;
  size_t r1 = nl, r2 = nl;  // tag_rows_ indices of t1 and t2
  const int16_t* const* rows = s.rows.data() + 2;
  for (size_t i = 0; i < n; ++i) {
    // The row block of the word three ahead is first read by the next token: start
    // fetching it now (blocks of different words are far apart in a ~15 MB table).
    if (i + 3 < n + 2) {
      const char* block_bytes = reinterpret_cast<const char*>(rows[i + 3]);
      for (size_t b = 0; b < block * sizeof(int16_t); b += 64) __builtin_prefetch(block_bytes + b);
    }
    uint16_t label = s.fixed[i];
    if (label == TaggerModel::kNoLabel) {
      const int16_t* a = tag_rows_.data() + (r1 * (nl + 1) + r2) * rs;
      const int16_t* b = rows[i - 2];
      const int16_t* c = rows[i - 1] + rs;
      const int16_t* d = rows[i] + 2 * rs;
      const int16_t* e = rows[i + 1] + 3 * rs;
      const int16_t* f = rows[i + 2] + 4 * rs;
      // The features of t-1 and t-2 go last in the chain from one tag to the next:
      // unless the guesses were right, start their lookups, add up the rows while they
      // arrive, then add them.
      const uint32_t g1 = i >= 1 ? s.guess[i - 1] : tag::kStartTag;
      const uint32_t g2 = i >= 2 ? s.guess[i - 2] : tag::kStartTag;
      const bool guessed = t1 == g1 && t2 == g2;
      int k = 0;
      if (!guessed) {
        k = tag::TagContextFeatures(toks, static_cast<int>(i), t1, t2, feats);
        for (int j = 0; j < k; ++j) __builtin_prefetch(&feature_slots_[feats[j] & feature_mask_]);
      }
      kernels.sum_rows(a, b, c, d, e, f, s.pairs.data() + i * rs, rs, scores);
      if (guessed)
        AddFound(&s.guess_found[i * kSlotsPerToken], s.guess_count[i], scores);
      else
        AddFeatures(feats, k, scores);
      label = s.allowed[i] ? tag::BestLabel(scores, nl, s.allowed[i]) : kernels.top_label(scores, nl);
    }
    labels[i] = label;
    t2 = t1;
    t1 = label;
    r2 = r1;
    r1 = label;
  }
}

void Tagger::Lemmatize(std::string_view word, uint16_t label, std::string& out) const {
  LemmatizeAt(word, label, lemma_index_->Find(tag::Combine(tag::HashBytes(word), label)), out);
}

namespace {

// Lemmas the lexicon's lemma index does not hold (words outside the lexicon, rare
// labels), kept per thread: the lemmatizer's rules take several lookups in large
// tables, and news repeats its names and numbers. Direct-mapped, checked against the
// word's bytes and label.
struct LemmaCache {
  static constexpr size_t kSlots = 4096;  // a power of two
  static constexpr size_t kMaxBytes = 30;  // longer words and lemmas are not kept
  struct Slot {
    uint16_t label = 0;
    uint8_t word_len = 0;  // 0: empty
    uint8_t lemma_len = 0;
    char word[kMaxBytes];
    char lemma[kMaxBytes];
  };
  uint64_t owner = 0;  // Tagger id whose lemmas these are
  std::vector<Slot> slots;
};

}  // namespace

void Tagger::LemmatizeAt(std::string_view word, uint16_t label, const uint32_t* at, std::string& out) const {
  if (at) {
    const char* p = lemma_pool_.data() + *at;
    const size_t form_len = static_cast<unsigned char>(p[0]);
    if (std::string_view(p + 1, form_len) == word) {
      p += 1 + form_len;
      out.assign(p + 1, static_cast<unsigned char>(p[0]));
      return;
    }
  }
  static thread_local LemmaCache cache;
  LemmaCache::Slot* slot = nullptr;
  if (!word.empty() && word.size() <= LemmaCache::kMaxBytes) {
    if (cache.owner != id_) {
      cache.slots.assign(LemmaCache::kSlots, LemmaCache::Slot{});
      cache.owner = id_;
    }
    slot = &cache.slots[tag::Combine(tag::HashBytes(word), label) & (LemmaCache::kSlots - 1)];
    if (slot->word_len == word.size() && slot->label == label && std::memcmp(slot->word, word.data(), word.size()) == 0) {
      out.assign(slot->lemma, slot->lemma_len);
      return;
    }
  }
  if (word.find('\xE2') != std::string_view::npos) {
    std::string norm;
    tag::NormalizeQuotes(word, norm);
    lemmatizer_.Lemmatize(norm, xpos_keys_[label], out);
  } else {
    lemmatizer_.Lemmatize(word, xpos_keys_[label], out);
  }
  if (slot && out.size() <= LemmaCache::kMaxBytes) {
    slot->label = label;
    slot->word_len = static_cast<uint8_t>(word.size());
    slot->lemma_len = static_cast<uint8_t>(out.size());
    std::memcpy(slot->word, word.data(), word.size());
    std::memcpy(slot->lemma, out.data(), out.size());
  }
}

void Tagger::annotate(Document& doc) const {
  // One Scratch per thread, so that its cache of rows outlives the document.
  static thread_local Scratch s;
  for (const Sentence& sent : doc.sentences) {
    if (sent.token_end > doc.tokens.size() || sent.token_begin >= sent.token_end) continue;
    s.words.clear();
    for (uint32_t t = sent.token_begin; t < sent.token_end; ++t) s.words.push_back(doc.view(doc.tokens[t].span));
    Tag(s.words, s.labels, &s);
    // Lemmas in three passes, so that the cache misses of a sentence's lemma lookups
    // overlap: hash and prefetch each slot, then find each entry and prefetch its
    // record, then read them.
    // A lexicon word tagged with its likeliest label has its record at hand (when the
    // word is written as the lexicon has it: LemmatizeAt checks).
    const size_t n = s.words.size();
    s.lemma_keys.resize(n);
    s.lemma_at.resize(n);
    for (size_t i = 0; i < n; ++i) {
      s.lemma_at[i] = nullptr;
      if (s.vocab[i] != kNotInLexicon) {
        const VocabEntry& e = vocab_[s.vocab[i]];
        const uint16_t likely = e.label != TaggerModel::kNoLabel ? e.label : e.guess;
        if (s.labels[i] == likely && e.lemma_at != kNoLemma) {
          s.lemma_at[i] = &e.lemma_at;
          __builtin_prefetch(lemma_pool_.data() + e.lemma_at);
          continue;
        }
      }
      s.lemma_keys[i] = tag::Combine(tag::HashBytes(s.words[i]), s.labels[i]);
      lemma_index_->Prefetch(s.lemma_keys[i]);
    }
    for (size_t i = 0; i < n; ++i) {
      if (s.lemma_at[i]) continue;
      s.lemma_at[i] = lemma_index_->Find(s.lemma_keys[i]);
      if (s.lemma_at[i]) __builtin_prefetch(lemma_pool_.data() + *s.lemma_at[i]);
    }
    for (uint32_t t = sent.token_begin; t < sent.token_end; ++t) {
      Token& tok = doc.tokens[t];
      const size_t i = t - sent.token_begin;
      const uint16_t label = s.labels[i];
      tok.upos = model_.upos[label];
      tok.xpos = model_.xpos[label];
      LemmatizeAt(s.words[i], label, s.lemma_at[i], tok.lemma);
    }
  }
}

}  // namespace newsledger
