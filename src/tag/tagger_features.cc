#include "tag/tagger_features.h"

#include "tag/flat_map.h"

namespace newsledger::tag {

namespace {

// Template ids: arbitrary distinct constants, part of the model format (version 2).
enum Template : uint64_t {
  // tag features
  kBias = 101, kT1, kT2, kT1T2,
  // unary, d = 0
  kWord = 201, kLower, kPrefix1, kPrefix2, kPrefix3, kPrefix4, kSuffix1, kSuffix2, kSuffix3, kSuffix4, kSuffix5,
  kShape, kTail, kAmb, kAmbLower,
  // unary, d = -1, -2, +1, +2
  kLowerM1 = 301, kSuffix3M1, kShapeM1, kAmbM1, kLowerM2, kAmbM2, kAmbLowerM1,
  kLowerP1 = 401, kPrefix1P1, kSuffix2P1, kSuffix3P1, kShapeP1, kAmbP1, kLowerP2, kSuffix3P2, kAmbP2, kAmbLowerP1,
  // context
  kShapeFirst = 501, kLowerM1Lower, kLowerLowerP1, kLowerP1P2, kAmbAmbP1, kT1Lower, kT1Suffix3, kT1LowerP1,
  kT1T2Lower, kT1Amb, kT1AmbP1, kModeShape, kModeLower, kModeT1,
};

TokenHashes MakePadding(std::string_view name) {
  TokenHashes h;
  h.word = h.lower = h.shape = h.amb = h.amb_lower = HashBytes(name);
  for (auto& p : h.prefix) p = h.word;
  for (auto& s : h.suffix) s = h.word;
  return h;
}

}  // namespace

uint64_t UnknownClass() {
  static const uint64_t h = HashBytes("-UNKNOWN-CLASS-");
  return h;
}

void NormalizeQuotes(std::string_view word, std::string& out) {
  out.clear();
  for (size_t i = 0; i < word.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(word[i]);
    if (c == 0xE2 && i + 2 < word.size() && static_cast<unsigned char>(word[i + 1]) == 0x80) {
      unsigned char d = static_cast<unsigned char>(word[i + 2]);
      if (d == 0x98 || d == 0x99) { out += '\''; i += 2; continue; }
      if (d == 0x9C || d == 0x9D) { out += '"'; i += 2; continue; }
    }
    out += static_cast<char>(c);
  }
}

size_t NormalizeWord(std::string_view word, char* out) {
  size_t n = 0;
  for (size_t i = 0; i < word.size(); ++i) {
    char c = word[i];
    if (static_cast<unsigned char>(c) == 0xE2 && i + 2 < word.size() && static_cast<unsigned char>(word[i + 1]) == 0x80) {
      unsigned char d = static_cast<unsigned char>(word[i + 2]);
      if (d == 0x98 || d == 0x99 || d == 0x9C || d == 0x9D) {
        c = (d == 0x98 || d == 0x99) ? '\'' : '"';
        i += 2;
      }
    } else if (c >= '0' && c <= '9') {
      c = '0';
    }
    if (n < kMaxWordBytes) out[n] = c;
    ++n;
  }
  return n;
}

void HashToken(std::string_view word, TokenHashes& h) {
  char norm[kMaxWordBytes], lower[kMaxWordBytes], shape[kMaxWordBytes];
  size_t n = word.size() < kMaxWordBytes ? word.size() : kMaxWordBytes;
  size_t shape_len = 0;
  char last = 0;
  int run = 0;
  for (size_t i = 0; i < n; ++i) {
    char c = word[i];
    char s;
    if (c >= '0' && c <= '9') {
      c = '0';
      s = 'd';
    } else if (c >= 'A' && c <= 'Z') {
      s = 'X';
    } else if (c >= 'a' && c <= 'z') {
      s = 'x';
    } else if (static_cast<unsigned char>(c) >= 0x80) {
      s = 'u';
    } else {
      s = c;
    }
    norm[i] = c;
    lower[i] = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    run = (s == last) ? run + 1 : 1;
    last = s;
    if (run <= 2) shape[shape_len++] = s;
  }
  std::string_view nv(norm, n), lv(lower, n);
  h.word = HashBytes(nv);
  size_t hyphen = lv.rfind('-');
  h.tail = (hyphen != std::string_view::npos && hyphen > 0 && hyphen + 1 < n) ? HashBytes(lv.substr(hyphen + 1)) : 0;
  h.mode = 0;
  h.caps = 0;
  h.amb = h.amb_lower = UnknownClass();
  if (n > 0) {
    char c0 = word[0];
    if ((c0 >= 'A' && c0 <= 'Z') || (c0 >= 'a' && c0 <= 'z')) h.caps |= kStartsAlpha;
    if (c0 >= 'A' && c0 <= 'Z') h.caps |= kInitialUpper;
    for (size_t i = 0; i < n; ++i)
      if (word[i] >= 'a' && word[i] <= 'z') {
        h.caps |= kHasLower;
        break;
      }
  }
  h.lower = HashBytes(lv);
  h.shape = HashBytes(std::string_view(shape, shape_len));
  for (size_t k = 1; k <= 4; ++k) h.prefix[k - 1] = HashBytes(lv.substr(0, k < n ? k : n));
  // Suffixes of the whole word (not the cut one), lower-cased on the fly.
  char tail[5];
  for (size_t k = 1; k <= 5; ++k) {
    size_t m = k < word.size() ? k : word.size();
    for (size_t j = 0; j < m; ++j) {
      char c = word[word.size() - m + j];
      if (c >= '0' && c <= '9') c = '0';
      tail[j] = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
    }
    h.suffix[k - 1] = HashBytes(std::string_view(tail, m));
  }
}

void SetSentenceMode(TokenHashes* toks, int n) {
  int alpha = 0, initial = 0, upper = 0;
  for (int i = 0; i < n; ++i) {
    if (!(toks[i].caps & kStartsAlpha)) continue;
    ++alpha;
    if (toks[i].caps & kInitialUpper) {
      ++initial;
      if (!(toks[i].caps & kHasLower)) ++upper;
    }
  }
  uint8_t mode = 0;
  if (alpha >= 3 && upper * 10 >= alpha * 7) {
    mode = 2;
  } else if (alpha >= 3 && initial * 10 >= alpha * 7) {
    mode = 1;
  }
  for (int i = 0; i < n; ++i) toks[i].mode = mode;
}

const TokenHashes& StartPadding() {
  static const TokenHashes h = MakePadding("-START-");
  return h;
}

const TokenHashes& EndPadding() {
  static const TokenHashes h = MakePadding("-END-");
  return h;
}

int TagFeatures(uint32_t t1, uint32_t t2, uint64_t* out) {
  out[0] = Mix64(kBias);
  out[1] = Combine(kT1, t1);
  out[2] = Combine(kT2, t2);
  out[3] = Combine(kT1T2, t1, t2);
  return 4;
}

int UnaryFeatures(const TokenHashes& w, int offset, uint64_t* out) {
  int k = 0;
  switch (offset) {
    case 0:
      out[k++] = Combine(kWord, w.word);
      out[k++] = Combine(kLower, w.lower);
      out[k++] = Combine(kPrefix1, w.prefix[0]);
      out[k++] = Combine(kPrefix2, w.prefix[1]);
      out[k++] = Combine(kPrefix3, w.prefix[2]);
      out[k++] = Combine(kPrefix4, w.prefix[3]);
      out[k++] = Combine(kSuffix1, w.suffix[0]);
      out[k++] = Combine(kSuffix2, w.suffix[1]);
      out[k++] = Combine(kSuffix3, w.suffix[2]);
      out[k++] = Combine(kSuffix4, w.suffix[3]);
      out[k++] = Combine(kSuffix5, w.suffix[4]);
      out[k++] = Combine(kShape, w.shape);
      if (w.tail) out[k++] = Combine(kTail, w.tail);
      out[k++] = Combine(kAmb, w.amb);
      out[k++] = Combine(kAmbLower, w.amb_lower);
      break;
    case -1:
      out[k++] = Combine(kLowerM1, w.lower);
      out[k++] = Combine(kSuffix3M1, w.suffix[2]);
      out[k++] = Combine(kShapeM1, w.shape);
      out[k++] = Combine(kAmbM1, w.amb);
      out[k++] = Combine(kAmbLowerM1, w.amb_lower);
      break;
    case -2:
      out[k++] = Combine(kLowerM2, w.lower);
      out[k++] = Combine(kAmbM2, w.amb);
      break;
    case 1:
      out[k++] = Combine(kLowerP1, w.lower);
      out[k++] = Combine(kPrefix1P1, w.prefix[0]);
      out[k++] = Combine(kSuffix2P1, w.suffix[1]);
      out[k++] = Combine(kSuffix3P1, w.suffix[2]);
      out[k++] = Combine(kShapeP1, w.shape);
      out[k++] = Combine(kAmbP1, w.amb);
      out[k++] = Combine(kAmbLowerP1, w.amb_lower);
      break;
    case 2:
      out[k++] = Combine(kLowerP2, w.lower);
      out[k++] = Combine(kSuffix3P2, w.suffix[2]);
      out[k++] = Combine(kAmbP2, w.amb);
      break;
    default:
      break;
  }
  return k;
}

int PairFeatures(const TokenHashes* toks, int i, uint64_t* out) {
  const TokenHashes& w = toks[i];
  const TokenHashes& m1 = toks[i - 1];
  const TokenHashes& p1 = toks[i + 1];
  const TokenHashes& p2 = toks[i + 2];
  int k = 0;
  if (i == 0) out[k++] = Combine(kShapeFirst, w.shape);
  out[k++] = Combine(kLowerM1Lower, m1.lower, w.lower);
  out[k++] = Combine(kLowerLowerP1, w.lower, p1.lower);
  out[k++] = Combine(kLowerP1P2, p1.lower, p2.lower);
  out[k++] = Combine(kAmbAmbP1, w.amb, p1.amb);
  if (w.mode) {
    out[k++] = Combine(kModeShape, w.mode, w.shape);
    out[k++] = Combine(kModeLower, w.mode, w.lower);
  }
  return k;
}

int TagContextFeatures(const TokenHashes* toks, int i, uint32_t t1, uint32_t t2, uint64_t* out) {
  const TokenHashes& w = toks[i];
  const TokenHashes& p1 = toks[i + 1];
  int k = 0;
  out[k++] = Combine(kT1Lower, t1, w.lower);
  out[k++] = Combine(kT1Suffix3, t1, w.suffix[2]);
  out[k++] = Combine(kT1LowerP1, t1, p1.lower);
  out[k++] = Combine(kT1T2Lower, Combine(t1, t2), w.lower);
  out[k++] = Combine(kT1Amb, t1, w.amb);
  out[k++] = Combine(kT1AmbP1, t1, p1.amb);
  if (w.mode) out[k++] = Combine(kModeT1, w.mode, t1);
  return k;
}

int ExtractFeatures(const TokenHashes* toks, int n, int i, uint32_t t1, uint32_t t2, uint64_t* out) {
  (void)n;
  int k = TagFeatures(t1, t2, out);
  for (int d = kMinOffset; d <= kMaxOffset; ++d) k += UnaryFeatures(toks[i + d], d, out + k);
  k += PairFeatures(toks, i, out + k);
  k += TagContextFeatures(toks, i, t1, t2, out + k);
  return k;
}

}  // namespace newsledger::tag
