#include "newsledger/lemmatizer.h"

#include "tag/binary_io.h"
#include "tag/flat_map.h"

namespace newsledger {

namespace {

void LowerAscii(std::string_view word, std::string& out) {
  out.assign(word.data(), word.size());
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
}

bool IsContinuation(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

constexpr uint64_t kRuleDomain = 0x52554c45;       // "RULE"

// Known lemmas (every lemma of the training set) are kept in the rule table under a
// reserved tag that no treebank uses, keyed like a rule of that tag whose suffix is
// the whole lemma (see LearnLemmatizer); their value is unused.
uint64_t KnownKey(std::string_view lemma) {
  static const uint64_t tag = Lemmatizer::TagKey("-KNOWN-LEMMA-");
  return Lemmatizer::RuleKey(tag, lemma);
}

uint64_t CardinalKey() {
  static const uint64_t key = Lemmatizer::TagKey("CD");
  return key;
}

// EWT writes the lemma of a number with thousands separators without them
// ("6,250" -> "6250": every such number in its training set). Writes `out` and returns
// true when `word` is one (digit groups of three after commas, optional decimals).
bool StripThousands(std::string_view word, std::string& out) {
  size_t i = 0, lead = 0;
  while (i < word.size() && word[i] >= '0' && word[i] <= '9') ++i, ++lead;
  if (lead == 0 || lead > 3 || i == word.size() || word[i] != ',') return false;
  while (i < word.size() && word[i] == ',') {
    for (size_t k = 1; k <= 3; ++k)
      if (i + k >= word.size() || word[i + k] < '0' || word[i + k] > '9') return false;
    i += 4;
  }
  if (i < word.size() && word[i] == '.') {
    size_t j = i + 1;
    while (j < word.size() && word[j] >= '0' && word[j] <= '9') ++j;
    if (j == i + 1 || j != word.size()) return false;
  } else if (i != word.size()) {
    return false;
  }
  out.clear();
  for (char c : word)
    if (c != ',') out += c;
  return true;
}
bool IsProperNounKey(uint64_t key) {
  static const uint64_t nnp = Lemmatizer::TagKey("NNP"), nnps = Lemmatizer::TagKey("NNPS");
  return key == nnp || key == nnps;
}

// When `word` is two or more ASCII capitals and nothing else, writes it with only its
// first letter capital ("KENNEDY" -> "Kennedy") and returns true.
bool TitleOfCapitals(std::string_view word, std::string& out) {
  if (word.size() < 2) return false;
  for (char c : word)
    if (c < 'A' || c > 'Z') return false;
  out.assign(word.data(), word.size());
  for (size_t i = 1; i < out.size(); ++i) out[i] = static_cast<char>(out[i] - 'A' + 'a');
  return true;
}

constexpr uint64_t kExceptionDomain = 0x45584350;  // "EXCP"

}  // namespace

Lemmatizer::Lemmatizer() : Lemmatizer(Tables{}) {}

Lemmatizer::Lemmatizer(Tables tables)
    : tables_(std::move(tables)),
      rules_(std::make_unique<tag::FlatMap64<uint32_t>>(tables_.rules)),
      exceptions_(std::make_unique<tag::FlatMap64<uint32_t>>(tables_.exceptions)),
      case_exceptions_(std::make_unique<tag::FlatMap64<uint32_t>>(tables_.case_exceptions)) {}

Lemmatizer::~Lemmatizer() = default;
Lemmatizer::Lemmatizer(Lemmatizer&&) noexcept = default;
Lemmatizer& Lemmatizer::operator=(Lemmatizer&&) noexcept = default;

uint64_t Lemmatizer::TagKey(std::string_view xpos) { return tag::HashBytes(xpos); }

uint64_t Lemmatizer::RuleKey(uint64_t tag_key, std::string_view lower_suffix) {
  return tag::Combine(kRuleDomain, tag_key, tag::HashBytes(lower_suffix));
}

uint64_t Lemmatizer::ExceptionKey(uint64_t tag_key, std::string_view lower_word) {
  return tag::Combine(kExceptionDomain, tag_key, tag::HashBytes(lower_word));
}

namespace {

void Recase(uint8_t casing, std::string_view word, std::string& out) {
  if (casing == Lemmatizer::kLower) {
    LowerAscii(word, out);
    return;
  }
  out.assign(word.data(), word.size());
  if (casing == Lemmatizer::kTitle && !out.empty() && out[0] >= 'a' && out[0] <= 'z')
    out[0] = static_cast<char>(out[0] - 'a' + 'A');
}

}  // namespace

Lemmatizer::Transform Lemmatizer::TransformFor(std::string_view word, std::string_view lemma) {
  return TransformsFor(word, lemma).front();
}

std::vector<Lemmatizer::Transform> Lemmatizer::TransformsFor(std::string_view word, std::string_view lemma) {
  auto common = [](std::string_view a, std::string_view b) {
    size_t n = 0;
    while (n < a.size() && n < b.size() && a[n] == b[n]) ++n;
    // Back off to a character boundary so that strip/append never split a character.
    while (n > 0 && ((n < a.size() && IsContinuation(a[n])) || (n < b.size() && IsContinuation(b[n])))) --n;
    return n;
  };
  std::string cased;
  size_t kept[3];
  size_t best = 0;
  for (uint8_t c : {kLower, kKeep, kTitle}) {
    Recase(c, word, cased);
    kept[c] = common(cased, lemma);
    if (kept[c] > best) best = kept[c];
  }
  std::vector<Transform> out;
  for (uint8_t c : {kLower, kKeep, kTitle}) {
    if (kept[c] != best) continue;
    Transform t;
    t.casing = c;
    size_t n = best;
    size_t strip = word.size() - n;
    if (strip > 255) {  // not expressible: replace the whole word (only absurd inputs)
      strip = word.size() > 255 ? 255 : word.size();
      n = word.size() - strip;
    }
    t.strip = static_cast<uint8_t>(strip);
    t.append = std::string(lemma.substr(n < lemma.size() ? n : lemma.size()));
    out.push_back(std::move(t));
  }
  return out;
}

void Lemmatizer::Apply(const Transform& t, std::string_view word, std::string& out) {
  Recase(t.casing, word, out);
  if (t.strip > out.size()) return;
  size_t cut = out.size() - t.strip;
  if (cut < out.size() && IsContinuation(out[cut])) return;
  if (cut == 0 && t.append.empty()) return;  // never produce an empty lemma
  out.resize(cut);
  out += t.append;
}

void Lemmatizer::Lemmatize(std::string_view word, uint64_t xpos_key, std::string& out) const {
  const uint32_t* id = case_exceptions_->Find(ExceptionKey(xpos_key, word));
  LowerAscii(word, out);
  if (!id) id = exceptions_->Find(ExceptionKey(xpos_key, out));
  if (!id && xpos_key == CardinalKey() && StripThousands(word, out)) return;
  if (!id && IsProperNounKey(xpos_key) && TitleOfCapitals(word, out)) {
    // A proper noun in capitals ("KENNEDY") whose usual spelling is a known lemma
    // and which is not one itself (as acronyms are) has that spelling as its lemma,
    // as EWT writes it.
    if (rules_->Find(KnownKey(out)) && !rules_->Find(KnownKey(word))) return;
    LowerAscii(word, out);
  }
  if (!id) {
    // The longest suffix rule, unless its lemma is not a known one and a shorter
    // suffix's rule (or either with a silent "e" restored: "upgraded" -> "upgrade")
    // gives a known lemma.
    const uint32_t* first = nullptr;
    std::string candidate;
    size_t n = out.size();
    size_t longest = n < tables_.max_suffix ? n : tables_.max_suffix;
    for (size_t len = longest + 1; len-- > 0;) {
      if (len < n && IsContinuation(out[n - len])) continue;
      const uint32_t* rule = rules_->Find(RuleKey(xpos_key, std::string_view(out).substr(n - len)));
      if (!rule || *rule >= tables_.transforms.size()) continue;
      if (!first) first = rule;
      Apply(tables_.transforms[*rule], word, candidate);
      if (rules_->Find(KnownKey(candidate))) {
        id = rule;
        break;
      }
      candidate += 'e';
      if (rules_->Find(KnownKey(candidate))) {
        out = candidate;
        return;
      }
    }
    if (!id) id = first;
  }
  if (!id || *id >= tables_.transforms.size()) {
    out.assign(word.data(), word.size());  // unknown tag: the word is its own lemma
    return;
  }
  Apply(tables_.transforms[*id], word, out);
}

std::string Lemmatizer::Lemmatize(std::string_view word, std::string_view xpos) const {
  std::string out;
  Lemmatize(word, TagKey(xpos), out);
  return out;
}

void Lemmatizer::Serialize(tag::ByteWriter& w) const {
  w.Put<uint32_t>(tables_.max_suffix);
  w.Put<uint32_t>(static_cast<uint32_t>(tables_.transforms.size()));
  for (const Transform& t : tables_.transforms) {
    w.Put<uint8_t>(t.casing);
    w.Put<uint8_t>(t.strip);
    w.PutString(t.append);
  }
  for (const auto* table : {&tables_.rules, &tables_.exceptions, &tables_.case_exceptions}) {
    std::vector<uint64_t> keys;
    std::vector<uint32_t> values;
    for (const auto& [k, v] : *table) {
      keys.push_back(k);
      values.push_back(v);
    }
    w.PutArray(keys);
    w.PutArray(values);
  }
}

Lemmatizer Lemmatizer::Parse(tag::ByteReader& r) {
  r.Section("lemmatizer");
  Tables t;
  t.max_suffix = r.Get<uint32_t>();
  if (t.max_suffix > 64) r.Fail("max_suffix out of range");
  uint32_t n = r.Get<uint32_t>();
  if (n > (1u << 20)) r.Fail("too many transforms");
  t.transforms.resize(n);
  for (Transform& x : t.transforms) {
    x.casing = r.Get<uint8_t>();
    if (x.casing > kTitle) r.Fail("bad casing");
    x.strip = r.Get<uint8_t>();
    x.append = r.GetString(1024);
  }
  for (auto* table : {&t.rules, &t.exceptions, &t.case_exceptions}) {
    auto keys = r.GetArray<uint64_t>(1u << 24);
    auto values = r.GetArray<uint32_t>(1u << 24);
    if (keys.size() != values.size()) r.Fail("key and value counts differ");
    for (size_t i = 0; i < keys.size(); ++i) {
      if (values[i] >= n) r.Fail("transform index out of range");
      table->emplace_back(keys[i], values[i]);
    }
  }
  return Lemmatizer(std::move(t));
}

}  // namespace newsledger
