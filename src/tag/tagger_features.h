// tagger_features.h: the feature templates of the part-of-speech tagger, shared by
// the run-time tagger and its trainer so both see exactly the same features.
//
// Each token is first reduced to a few hashes (its normalised form, lower case,
// prefixes, suffixes, shape); a feature is then a 64-bit hash of a template id and
// one or two of those hashes or previous tags. Templates (after Ratnaparkhi 1996 and
// Honnibal's greedy averaged perceptron), i is the current token, t-1/t-2 the tags
// already chosen to its left:
//   bias; word; lower; prefixes 1-3; suffixes 1-4; shape; shape at sentence start;
//   t-1; t-2; t-1+t-2; t-1+lower; t-1+suffix3; lower of i-2, i-1, i+1, i+2;
//   suffix3 of i-1 and i+1; shape of i+1; lower i-1 + lower i; lower i + lower i+1;
//   t-1 + lower i+1.
// Cost: about 30 hash combinations per token; nothing allocates.
#ifndef NEWSLEDGER_TAG_TAGGER_FEATURES_H_
#define NEWSLEDGER_TAG_TAGGER_FEATURES_H_

#include <cstdint>
#include <string>
#include <string_view>

namespace newsledger::tag {

// Longest prefix of a token the features look at; longer words are cut (after
// their suffix is taken), which only matters for URLs and the like.
constexpr size_t kMaxWordBytes = 64;

// Upper bound on ExtractFeatures' output.
constexpr int kMaxFeatures = 40;

// Tag id used for t-1 / t-2 before the sentence start.
constexpr uint32_t kStartTag = 0xFFFF;

struct TokenHashes {
  uint64_t word = 0;     // normalised form (digits -> 0, curly quotes -> straight)
  uint64_t lower = 0;    // and lower-cased (ASCII)
  uint64_t prefix[3] = {0, 0, 0};
  uint64_t suffix[4] = {0, 0, 0, 0};
  uint64_t shape = 0;    // Xx, dd.d, X.X. ... with runs cut at 2
  uint64_t tail = 0;     // lower-cased part after the last hyphen, or 0
  uint8_t caps = 0;      // kInitialUpper | kHasLower | kStartsAlpha
  uint8_t mode = 0;      // the sentence's casing: 0 normal, 1 title case, 2 upper case
};

constexpr uint8_t kInitialUpper = 1, kHasLower = 2, kStartsAlpha = 4;

// Sets every token's `mode` from the casing of the whole sentence (headlines in
// Title Case or CAPITALS are tagged differently from running text).
void SetSentenceMode(TokenHashes* toks, int n);

// Replaces curly quotes and apostrophes (U+2018/2019/201C/201D) by their ASCII forms,
// writing into `out` (cleared first). Used for features and lemmas alike, so that
// "don’t" and "don't" are the same word.
void NormalizeQuotes(std::string_view word, std::string& out);

// Fills `h` for one token (already quote-normalised).
void HashToken(std::string_view word, TokenHashes& h);

// Hashes of the padding tokens before and after a sentence.
const TokenHashes& StartPadding();
const TokenHashes& EndPadding();

// Writes the features of token `i` to `out` and returns how many. `toks` points at
// the sentence's first token and must have two readable padding entries on each side
// (toks[-2], toks[-1], toks[n], toks[n+1]).
int ExtractFeatures(const TokenHashes* toks, int n, int i, uint32_t t1, uint32_t t2, uint64_t* out);

}  // namespace newsledger::tag

#endif  // NEWSLEDGER_TAG_TAGGER_FEATURES_H_
