#include "text/sentence_model.h"

#include <array>
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

// Shape classes of ASCII bytes: 1 upper, 2 lower, 3 digit, 4 '.', 5 anything else.
constexpr std::array<uint8_t, 128> kAsciiShape = [] {
  std::array<uint8_t, 128> t{};
  for (uint32_t c = 0; c < 128; ++c)
    t[c] = (c >= 'A' && c <= 'Z') ? 1 : (c >= 'a' && c <= 'z') ? 2 : (c >= '0' && c <= '9') ? 3 : c == '.' ? 4 : 5;
  return t;
}();

// A coarse shape code: runs of X (upper), x (lower), d (digit), '.', '-' over the
// first 8 characters, at most 4 runs ("Xx", "X", "dx"); for punctuation, quotes and
// symbols the first 4 bytes themselves. Packed into an integer, never hashed.
uint64_t ShapeCode(std::string_view tok, TokenKind kind) {
  if (kind == TokenKind::kUrl) return 1;
  if (kind == TokenKind::kEmail) return 2;
  if (kind == TokenKind::kPunct || kind == TokenKind::kQuote || kind == TokenKind::kSymbol) {
    uint64_t code = 3;
    for (size_t i = 0; i < tok.size() && i < 4; ++i) code = (code << 8) | static_cast<unsigned char>(tok[i]);
    return code;
  }
  uint64_t code = 4;
  int runs = 0;
  uint64_t last = 0;
  size_t limit = std::min<size_t>(tok.size(), 8);
  for (size_t i = 0; i < limit && runs < 4;) {
    int len = 1;
    unsigned char b = static_cast<unsigned char>(tok[i]);
    uint64_t c;
    if (b < 0x80) {
      c = kAsciiShape[b];
    } else {
      uint32_t cp = DecodeAt(tok, i, &len);
      c = IsUpper(cp) ? 1 : IsLower(cp) ? 2 : 5;
    }
    if (c != last) {
      code = code * 8 + c;
      ++runs;
    }
    last = c;
    i += len;
  }
  return code;
}

// Feature keys: a cheap, stable mix of a template id and up to three hashes. The
// weight table is indexed by the key's low bits.
inline uint64_t Key(uint64_t id, uint64_t a, uint64_t b = 0, uint64_t c = 0) {
  uint64_t h = (a * 0x9E3779B97F4A7C15ULL) ^ (b * 0xC2B2AE3D27D4EB4FULL) ^ (c * 0x165667B19E3779F9ULL) ^ (id << 56);
  return h ^ (h >> 29) ^ (h >> 41);
}

// HashBytes of the token's first 32 bytes with ASCII upper case lowered, computed
// without copying them: the same FNV-1a steps over the lowered bytes.
uint64_t Lower(std::string_view tok) {
  size_t n = std::min<size_t>(tok.size(), 32);
  uint64_t h = 0xcbf29ce484222325ULL;
  for (size_t i = 0; i < n; ++i) {
    unsigned char c = static_cast<unsigned char>(tok[i]);
    if (c >= 'A' && c <= 'Z') c = static_cast<unsigned char>(c + 32);
    h ^= c;
    h *= 0x100000001b3ULL;
  }
  return hash::Mix64(h);
}

}  // namespace

bool IsCandidateGap(const GapContext& g) {
  if (g.rule_split) return true;
  const Token& a = (*g.tokens)[g.t];
  const Token& b = (*g.tokens)[g.t + 1];
  if (a.kind != TokenKind::kWord && a.kind != TokenKind::kNumber) return true;
  int len;
  return !IsLower(DecodeAt(g.text, b.span.start, &len));
}

void TokenCodes(std::string_view text, const std::vector<Token>& tokens, uint32_t begin, uint32_t end,
                uint64_t* shapes, uint64_t* lowers) {
  for (uint32_t k = begin; k < end; ++k) {
    const Token& token = tokens[k];
    std::string_view tok = text.substr(token.span.start, token.span.size());
    bool word = token.kind != TokenKind::kUrl && token.kind != TokenKind::kEmail && token.kind != TokenKind::kPunct &&
                token.kind != TokenKind::kQuote && token.kind != TokenKind::kSymbol;
    if (!word) {
      shapes[k - begin] = ShapeCode(tok, token.kind);
      lowers[k - begin] = Lower(tok) | 1;
      continue;
    }
    // Words: ShapeCode and Lower in one pass over an all-ASCII start, the usual case
    // (one loop, one mispredicted exit, instead of two); otherwise each on its own.
    const unsigned char* p = reinterpret_cast<const unsigned char*>(tok.data());
    size_t n = std::min<size_t>(tok.size(), 32), limit = std::min<size_t>(tok.size(), 8), i = 0;
    uint64_t h = 0xcbf29ce484222325ULL, code = 4, last = 0;
    int runs = 0;
    for (; i < n && p[i] < 0x80; ++i) {
      unsigned char b = p[i];
      if (i < limit && runs < 4) {
        uint64_t c = kAsciiShape[b];
        if (c != last) {
          code = code * 8 + c;
          ++runs;
        }
        last = c;
      }
      if (b >= 'A' && b <= 'Z') b = static_cast<unsigned char>(b + 32);
      h ^= b;
      h *= 0x100000001b3ULL;
    }
    if (i < n) {  // a non-ASCII byte among the first 32
      shapes[k - begin] = ShapeCode(tok, token.kind);
      lowers[k - begin] = Lower(tok) | 1;
      continue;
    }
    shapes[k - begin] = code;
    lowers[k - begin] = hash::Mix64(h) | 1;
  }
}

int GapFeatures(const GapContext& g, uint64_t* out) {
  const std::vector<Token>& tk = *g.tokens;
  auto view = [&](uint32_t t) { return g.text.substr(tk[t].span.start, tk[t].span.size()); };
  auto shape = [&](uint32_t k) { return g.shapes ? g.shapes[k - g.begin] : ShapeCode(view(k), tk[k].kind); };
  auto lower = [&](uint32_t k) { return g.lowers ? g.lowers[k - g.begin] : Lower(view(k)) | 1; };
  uint32_t t = g.t;
  uint64_t s0 = shape(t), s1 = shape(t + 1);
  uint64_t sm = t > g.begin ? shape(t - 1) : 2;
  uint64_t s2 = t + 2 < g.end ? shape(t + 2) : 4;
  uint64_t l0 = lower(t), l1 = lower(t + 1), lm = t > g.begin ? lower(t - 1) : 6;
  uint32_t len = g.since_start;
  uint64_t len_bucket = len <= 2 ? len : len <= 5 ? 3 : len <= 10 ? 4 : len <= 20 ? 5 : 6;
  uint64_t rule = g.rule_split ? 1 : 0;
  int n = 0;
  out[n++] = Key(1, 1);
  out[n++] = Key(2, rule + 1);
  out[n++] = Key(3, rule + 1, s1);
  out[n++] = Key(4, l0);
  out[n++] = Key(5, l1);
  out[n++] = Key(6, s0);
  out[n++] = Key(7, s1);
  out[n++] = Key(8, s0, s1);
  out[n++] = Key(9, l0, s1);
  out[n++] = Key(10, s0, l1);
  out[n++] = Key(11, lm, l0);
  out[n++] = Key(12, sm, s0, s1);
  out[n++] = Key(13, s1, s2);
  out[n++] = Key(14, tk[t].space_after ? 2 : 1, s1);
  out[n++] = Key(15, g.in_quote ? 2 : 1, rule + 1);
  out[n++] = Key(16, len_bucket + 1, rule + 1);
  out[n++] = Key(17, len_bucket + 1, s1);
  out[n++] = Key(18, rule + 1, l0);
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
  if (!IsCandidateGap(g)) return false;
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
