// tagger_features.h: the feature templates of the part-of-speech tagger, shared by
// the run-time tagger and its trainer so both see exactly the same features.
//
// Each token is first reduced to a few hashes (its normalised form, lower case,
// prefixes, suffixes, shape, ambiguity class); a feature is then a 64-bit hash of a
// template id and one or two of those hashes or previous tags. Templates (after
// Ratnaparkhi 1996, Toutanova et al. 2003 and Honnibal's greedy averaged perceptron),
// i is the current token, t-1/t-2 the tags already chosen to its left. They come in
// three groups, so that the tagger can add up most of them ahead of time:
//  - tag features, of t-1 and t-2 alone: bias; t-1; t-2; t-1+t-2. The tagger keeps
//    their sums in a dense table indexed by (t-1, t-2).
//  - unary features, of ONE token at a relative position d in -2..+2:
//      d=0:  word; lower; prefixes 1-4; suffixes 1-5; shape; part after the last hyphen;
//            ambiguity class; ambiguity class of the lower-cased form;
//      d=-1: lower; suffix 3; shape; both ambiguity classes;
//      d=-2: lower; ambiguity class;
//      d=+1: lower; prefix 1; suffixes 2, 3; shape; both ambiguity classes;
//      d=+2: lower; suffix 3; ambiguity class.
//    They depend on the token's form only (and its ambiguity class, itself a function
//    of the form), so the tagger adds them up once per vocabulary word at load time.
//  - context features, looked up per token: shape at sentence start; lower i-1 + lower
//    i; lower i + lower i+1; lower i+1 + lower i+2; ambiguity classes of i and i+1;
//    t-1 + lower; t-1 + suffix 3; t-1 + lower i+1; t-1+t-2 + lower; t-1 + ambiguity
//    class of i; t-1 + ambiguity class of i+1; in Title Case or CAPITALS sentences only:
//    mode + shape, mode + lower, mode + t-1.
// The ambiguity class of a word is the set of labels it takes in at least a tenth of
// its training occurrences (tagger_trainer.cc), for words seen at least twice; every
// other word has the class "unknown".
// Cost: about 50 hash combinations per token; nothing allocates.
#ifndef NEWSLEDGER_TAG_TAGGER_FEATURES_H_
#define NEWSLEDGER_TAG_TAGGER_FEATURES_H_

#include <cstdint>
#include <string>
#include <string_view>

namespace newsledger::tag {

// Longest prefix of a token the features look at; longer words are cut (after
// their suffix is taken), which only matters for URLs and the like.
constexpr size_t kMaxWordBytes = 64;

// Upper bounds on the output of each group.
constexpr int kMaxTagFeatures = 4;
constexpr int kMaxUnaryFeatures = 16;
constexpr int kMaxContextFeatures = 8;  // each of the two kinds
constexpr int kMaxFeatures = kMaxTagFeatures + 5 * kMaxUnaryFeatures + 2 * kMaxContextFeatures;

// Relative positions of the unary features.
constexpr int kMinOffset = -2, kMaxOffset = 2, kOffsets = 5;

// Tag id used for t-1 / t-2 before the sentence start.
constexpr uint32_t kStartTag = 0xFFFF;

struct TokenHashes {
  uint64_t word = 0;     // normalised form (digits -> 0, curly quotes -> straight)
  uint64_t lower = 0;    // and lower-cased (ASCII)
  uint64_t prefix[4] = {0, 0, 0, 0};
  uint64_t suffix[5] = {0, 0, 0, 0, 0};
  uint64_t shape = 0;    // Xx, dd.d, X.X. ... with runs cut at 2
  uint64_t tail = 0;     // lower-cased part after the last hyphen, or 0
  uint64_t amb = 0;      // ambiguity class (UnknownClass() unless set from a lexicon)
  uint64_t amb_lower = 0;  // ambiguity class of the lower-cased form
  uint8_t caps = 0;      // kInitialUpper | kHasLower | kStartsAlpha
  uint8_t mode = 0;      // the sentence's casing: 0 normal, 1 title case, 2 upper case
};

constexpr uint8_t kInitialUpper = 1, kHasLower = 2, kStartsAlpha = 4;

// The ambiguity class of words outside the lexicon.
uint64_t UnknownClass();

// Sets every token's `mode` from the casing of the whole sentence (headlines in
// Title Case or CAPITALS are tagged differently from running text).
void SetSentenceMode(TokenHashes* toks, int n);

// Replaces curly quotes and apostrophes (U+2018/2019/201C/201D) by their ASCII forms,
// writing into `out` (cleared first). Used for features and lemmas alike, so that
// "don’t" and "don't" are the same word.
void NormalizeQuotes(std::string_view word, std::string& out);

// The form the features see: quotes normalised as above and ASCII digits replaced by
// '0'. Writes at most kMaxWordBytes bytes to `out` and returns the full normalised
// length (so a result > kMaxWordBytes means the word was cut).
size_t NormalizeWord(std::string_view word, char* out);

// Fills `h` for one token (already quote-normalised); h.amb = h.amb_lower =
// UnknownClass().
void HashToken(std::string_view word, TokenHashes& h);

// Hashes of the padding tokens before and after a sentence.
const TokenHashes& StartPadding();
const TokenHashes& EndPadding();

// The three groups (see above); each writes to `out` and returns how many.
int TagFeatures(uint32_t t1, uint32_t t2, uint64_t* out);
int UnaryFeatures(const TokenHashes& tok, int offset, uint64_t* out);
// The context features, split in two: those without tags (the tagger looks them up
// for a whole sentence at once) and those with t-1/t-2. Both read only lower,
// suffix[2], shape, amb and mode of toks[i-1..i+2] (the tagger fills just these for
// lexicon words); i == 0 is the sentence's first token.
int PairFeatures(const TokenHashes* toks, int i, uint64_t* out);
int TagContextFeatures(const TokenHashes* toks, int i, uint32_t t1, uint32_t t2, uint64_t* out);

// All features of token `i`. `toks` points at the sentence's first token and must have
// two readable padding entries on each side (toks[-2], toks[-1], toks[n], toks[n+1]).
int ExtractFeatures(const TokenHashes* toks, int n, int i, uint32_t t1, uint32_t t2, uint64_t* out);

// The label with the highest score (the lowest on ties) among labels 0..n-1, or among
// those whose bit is set in `allowed` when it is not null (at least one must be).
template <typename Score>
uint16_t BestLabel(const Score* scores, size_t n, const uint64_t* allowed) {
  uint16_t best = 0;
  if (!allowed) {
    for (size_t l = 1; l < n; ++l)
      if (scores[l] > scores[best]) best = static_cast<uint16_t>(l);
    return best;
  }
  bool found = false;
  for (size_t w = 0; w * 64 < n; ++w)
    for (uint64_t bits = allowed[w]; bits; bits &= bits - 1) {
      size_t l = w * 64 + static_cast<size_t>(__builtin_ctzll(bits));
      if (l >= n) break;
      if (!found || scores[l] > scores[best]) best = static_cast<uint16_t>(l);
      found = true;
    }
  return best;
}

}  // namespace newsledger::tag

#endif  // NEWSLEDGER_TAG_TAGGER_FEATURES_H_
