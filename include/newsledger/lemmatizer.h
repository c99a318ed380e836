// lemmatizer.h: lemmas for tagged English words, learned from a treebank.
//
// Follows the lemma conventions of UD English-EWT: nouns singular, verbs in the base
// form ("said" -> "say", "told" -> "tell", "'s" as a verb -> "be", "n't" -> "not"),
// adjectives and adverbs positive ("better" -> "good"), proper nouns keep their
// case, every other word is lower-cased.
//
// How: a lemma is the word with a transform applied: keep its case, lower-case it or
// capitalise its first letter (ASCII), cut `strip` bytes off its end, append a string. Two learned tables pick
// the transform:
//  - exceptions: (word, XPOS) then (lower-cased word, XPOS) seen in training whose
//    lemma the rules below would get wrong ("went"/VBD -> "go", "children"/NNS ->
//    "child", "i"/PRP -> "I");
//  - rules: (longest suffix of the lower-cased word up to `max_suffix` bytes, XPOS)
//    -> the transform most often right for it ("-ies"/NNS -> cut 3, add "y").
// Built by the tagger's trainer and stored in the tagger's model file. Immutable once
// built, safe to share across threads. Cost: at most max_suffix+2 hash lookups per word.
#ifndef NEWSLEDGER_LEMMATIZER_H_
#define NEWSLEDGER_LEMMATIZER_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace newsledger {

namespace tag {
class ByteReader;
class ByteWriter;
template <typename V>
class FlatMap64;
}  // namespace tag

class Lemmatizer {
 public:
  enum Casing : uint8_t { kKeep = 0, kLower = 1, kTitle = 2 };
  struct Transform {
    uint8_t casing = kLower;  // kKeep, kLower or kTitle, applied first
    uint8_t strip = 0;      // bytes cut off the end
    std::string append;     // then appended
    friend bool operator==(const Transform&, const Transform&) = default;
  };

  // The learned tables; keys are RuleKey / ExceptionKey hashes, values index `transforms`.
  struct Tables {
    uint32_t max_suffix = 6;
    std::vector<Transform> transforms;
    std::vector<std::pair<uint64_t, uint32_t>> rules;
    std::vector<std::pair<uint64_t, uint32_t>> exceptions;       // lower-cased words
    std::vector<std::pair<uint64_t, uint32_t>> case_exceptions;  // words as written
  };

  Lemmatizer();
  explicit Lemmatizer(Tables tables);
  ~Lemmatizer();
  Lemmatizer(Lemmatizer&&) noexcept;
  Lemmatizer& operator=(Lemmatizer&&) noexcept;

  // The lemma of `word` tagged `xpos` (a Penn Treebank tag as in EWT's XPOS column).
  std::string Lemmatize(std::string_view word, std::string_view xpos) const;
  // Same, for the hot path: `xpos_key` = TagKey(xpos), result in `out` (reused).
  void Lemmatize(std::string_view word, uint64_t xpos_key, std::string& out) const;

  const Tables& tables() const { return tables_; }

  // Table keys, shared with the trainer.
  static uint64_t TagKey(std::string_view xpos);
  static uint64_t RuleKey(uint64_t tag_key, std::string_view lower_suffix);
  static uint64_t ExceptionKey(uint64_t tag_key, std::string_view lower_word);
  // The transform that turns `word` into `lemma`, cutting and appending at UTF-8
  // character boundaries; of the casings that do equally well it prefers lower, then
  // keep, then title.
  static Transform TransformFor(std::string_view word, std::string_view lemma);
  // All the transforms, one per casing, that do as well as TransformFor's.
  static std::vector<Transform> TransformsFor(std::string_view word, std::string_view lemma);
  // Applies `t` to `word`, writing `out`; leaves the word as it is when the cut would
  // fall outside it or inside a UTF-8 character.
  static void Apply(const Transform& t, std::string_view word, std::string& out);

  void Serialize(tag::ByteWriter& w) const;
  static Lemmatizer Parse(tag::ByteReader& r);

 private:
  Tables tables_;
  std::unique_ptr<tag::FlatMap64<uint32_t>> rules_, exceptions_, case_exceptions_;
};

}  // namespace newsledger

#endif  // NEWSLEDGER_LEMMATIZER_H_
