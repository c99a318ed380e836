#include "text/sentence_model.h"

#include <cstring>
#include <mutex>
#include <optional>

#include "core/hash.h"
#include "newsledger/error.h"
#include "newsledger/model_file.h"
#include "newsledger/resources.h"
#include "text/sentence_splitter.h"
#include "text/tokenizer.h"
#include "text/utf8.h"

namespace newsledger::text {
namespace {

constexpr ModelFileSpec kSpec{"NLSENTBD", 1, "sentence boundary", "newsledger train sentences"};

// A coarse shape: "Xx", "X", "x", "d", "Xd"..., or the token itself for short punctuation.
std::string_view Shape(std::string_view tok, TokenKind kind, char* buf) {
  if (kind == TokenKind::kUrl) return "<url>";
  if (kind == TokenKind::kEmail) return "<email>";
  if (kind == TokenKind::kPunct || kind == TokenKind::kQuote || kind == TokenKind::kSymbol)
    return tok.size() <= 4 ? tok : tok.substr(0, 4);
  int n = 0;
  char last = 0;
  for (size_t i = 0; i < tok.size() && n < 4;) {
    int len;
    uint32_t cp = DecodeAt(tok, i, &len);
    char c = IsUpper(cp) ? 'X' : IsLower(cp) ? 'x' : (cp >= '0' && cp <= '9') ? 'd' : cp == '.' ? '.' : '-';
    if (c != last) buf[n++] = c;
    last = c;
    i += len;
  }
  return std::string_view(buf, n);
}

uint64_t Lower(std::string_view tok) {
  char buf[32];
  size_t n = std::min(tok.size(), sizeof(buf));
  for (size_t i = 0; i < n; ++i) buf[i] = (tok[i] >= 'A' && tok[i] <= 'Z') ? static_cast<char>(tok[i] + 32) : tok[i];
  return HashBytes(std::string_view(buf, n));
}

}  // namespace

int GapFeatures(const GapContext& g, uint64_t* out) {
  const std::vector<Token>& tk = *g.tokens;
  auto view = [&](uint32_t t) { return g.text.substr(tk[t].span.start, tk[t].span.size()); };
  char b0[8], b1[8], b2[8], bm[8];
  uint32_t t = g.t;
  std::string_view w0 = view(t), w1 = view(t + 1);
  uint64_t s0 = HashBytes(Shape(w0, tk[t].kind, b0));
  uint64_t s1 = HashBytes(Shape(w1, tk[t + 1].kind, b1));
  uint64_t sm = t > g.begin ? HashBytes(Shape(view(t - 1), tk[t - 1].kind, bm)) : 1;
  uint64_t s2 = t + 2 < g.end ? HashBytes(Shape(view(t + 2), tk[t + 2].kind, b2)) : 2;
  uint64_t l0 = Lower(w0), l1 = Lower(w1), lm = t > g.begin ? Lower(view(t - 1)) : 3;
  uint32_t len = g.since_start;
  uint64_t len_bucket = len <= 2 ? len : len <= 5 ? 3 : len <= 10 ? 4 : len <= 20 ? 5 : 6;
  uint64_t rule = g.rule_split ? 1 : 0;
  int n = 0;
  out[n++] = Combine(1, 0);
  out[n++] = Combine(2, rule);
  out[n++] = Combine(3, rule, s1);
  out[n++] = Combine(4, l0);
  out[n++] = Combine(5, l1);
  out[n++] = Combine(6, s0);
  out[n++] = Combine(7, s1);
  out[n++] = Combine(8, s0, s1);
  out[n++] = Combine(9, l0, s1);
  out[n++] = Combine(10, s0, l1);
  out[n++] = Combine(11, lm, l0);
  out[n++] = Combine(Combine(12, sm), s0, s1);
  out[n++] = Combine(13, s1, s2);
  out[n++] = Combine(14, tk[t].space_after ? 1 : 0, s1);
  out[n++] = Combine(15, g.in_quote ? 1 : 0, rule);
  out[n++] = Combine(16, len_bucket, rule);
  out[n++] = Combine(17, len_bucket, s1);
  out[n++] = Combine(18, rule, l0);
  return n;
}

SentenceModel::SentenceModel(SentenceModelOptions options, std::vector<float> weights)
    : options_(options), weights_(std::move(weights)), mask_((uint64_t{1} << options_.bits) - 1) {
  if (weights_.size() != (size_t{1} << options_.bits)) throw Error("sentence model", "weight table size mismatch");
}

float SentenceModel::Score(const uint64_t* f, int n) const {
  float s = 0;
  for (int i = 0; i < n; ++i) s += weights_[f[i] & mask_];
  return s;
}

bool SentenceModel::Split(const GapContext& g) const {
  uint64_t f[kMaxGapFeatures];
  int n = GapFeatures(g, f);
  return Score(f, n) > 0;
}

namespace {

void PutU32(std::string& s, uint32_t v) { s.append(reinterpret_cast<const char*>(&v), 4); }
void PutU64(std::string& s, uint64_t v) { s.append(reinterpret_cast<const char*>(&v), 8); }

// Sentence end offsets the model gives `text` (one paragraph per line).
std::vector<uint32_t> SelfTestEnds(const SentenceModel& m, const std::string& text) {
  Document doc;
  doc.text = text;
  // Paragraph and tokenizer logic as the Segmenter applies it, with this model.
  std::vector<uint32_t> ends;
  uint32_t a = 0;
  while (a < text.size()) {
    uint32_t b = a;
    while (b < text.size() && text[b] != '\n') ++b;
    uint32_t begin = static_cast<uint32_t>(doc.tokens.size());
    Tokenize(doc.text, {a, b}, &doc.tokens);
    SplitSentences(doc.text, doc.tokens, begin, static_cast<uint32_t>(doc.tokens.size()), 0, &m, &doc.sentences);
    a = b + 1;
  }
  for (const Sentence& s : doc.sentences) ends.push_back(s.span.end);
  return ends;
}

}  // namespace

std::string SentenceModel::Serialize(const std::string& self_test_text) const {
  std::string options;
  PutU32(options, options_.bits);
  PutU32(options, options_.epochs);
  PutU64(options, options_.seed);
  std::string payload;
  PutU64(payload, weights_.size());
  payload.append(reinterpret_cast<const char*>(weights_.data()), weights_.size() * sizeof(float));
  std::vector<uint32_t> ends = SelfTestEnds(*this, self_test_text);
  PutU32(payload, static_cast<uint32_t>(self_test_text.size()));
  payload += self_test_text;
  PutU32(payload, static_cast<uint32_t>(ends.size()));
  for (uint32_t e : ends) PutU32(payload, e);
  return PackModel(kSpec, options, payload);
}

SentenceModel SentenceModel::Load(const std::string& path) {
  UnpackedModel raw = UnpackModel(kSpec, ReadModelBytes(path), path);
  if (raw.options.size() != 16) throw Error(path, "sentence model options have the wrong size");
  SentenceModelOptions o;
  std::memcpy(&o.bits, raw.options.data(), 4);
  std::memcpy(&o.epochs, raw.options.data() + 4, 4);
  std::memcpy(&o.seed, raw.options.data() + 8, 8);
  if (o.bits < 8 || o.bits > 24) throw Error(path, "sentence model: table bits out of range");
  std::string_view p = raw.payload;
  size_t pos = 0;
  auto need = [&](size_t n) {
    if (p.size() - pos < n) throw Error(path, "sentence model payload truncated");
  };
  auto u32 = [&] {
    need(4);
    uint32_t v;
    std::memcpy(&v, p.data() + pos, 4);
    pos += 4;
    return v;
  };
  need(8);
  uint64_t count;
  std::memcpy(&count, p.data(), 8);
  pos = 8;
  if (count != (uint64_t{1} << o.bits)) throw Error(path, "sentence model: weight count does not match its options");
  need(count * sizeof(float));
  std::vector<float> w(count);
  std::memcpy(w.data(), p.data() + pos, count * sizeof(float));
  pos += count * sizeof(float);
  SentenceModel m(o, std::move(w));
  uint32_t text_size = u32();
  need(text_size);
  std::string sample(p.substr(pos, text_size));
  pos += text_size;
  uint32_t n = u32();
  std::vector<uint32_t> expected;
  for (uint32_t i = 0; i < n; ++i) expected.push_back(u32());
  if (SelfTestEnds(m, sample) != expected) throw Error(path, "sentence model fails its self-test (corrupt or mismatched)");
  return m;
}

const SentenceModel& SentenceModel::Default() {
  static const SentenceModel model = Load(ResourcePath("models/sentence.bin").string());
  return model;
}

}  // namespace newsledger::text
