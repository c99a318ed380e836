// gazetteer.h: place names, demonyms, title words and organisation heads for the
// entity recognizer.
//
// What it holds, and where it comes from:
//  - countries: every name, common_name and official_name of ISO 3166-1 in Debian's
//    iso-codes JSON (read at run time from IsoCodesDir()), plus the short names of
//    data/ner/country_aliases.tsv ("U.S.", "Britain"), each with its alpha-2 code;
//  - subdivisions: the names of ISO 3166-2 (states, provinces, regions...);
//  - cities: data/ner/cities.tsv, derived from GeoNames (CC BY 4.0) by
//    scripts/derive_cities.py, with geonames id, country, population and coordinates;
//  - demonyms: data/ner/demonyms.tsv ("Mexican" -> MX);
//  - regions, seas and oceans: data/ner/regions.tsv;
//  - organisations: data/ner/organizations.tsv (news agencies, international bodies,
//    well-known agencies and companies, with a country when national);
//  - single words: data/ner/titles.txt ("President", "spokeswoman") and
//    data/ner/org_heads.txt ("Department", "Guard");
//  - the system word list (/usr/share/dict/american-english, Debian package
//    wamerican): whether a word is listed in lowercase (a common word), capitalised (a
//    proper name: "Tampa", "Suzanne") or both.
//
// Names are matched case-insensitively, token by token (the segmenter's tokens), as the
// longest name starting at a token. A matched name is a hint, not a decision: the
// entity recognizer weighs it against the context.
//
// Built once, const afterwards, safe to share across threads. Lookups cost one hash
// probe per candidate length and allocate nothing.
#ifndef NEWSLEDGER_RECOGNIZE_GAZETTEER_H_
#define NEWSLEDGER_RECOGNIZE_GAZETTEER_H_

#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace newsledger {

// Kinds of a gazetteer name, as bits (a name may be several: "Georgia").
enum GazetteerKind : uint8_t {
  kGazCountry = 1,
  kGazSubdivision = 2,
  kGazCity = 4,
  kGazDemonym = 8,
  kGazOrganization = 16,  // data/ner/organizations.tsv ("Reuters", "World Bank")
  kGazRegion = 32,        // data/ner/regions.tsv ("Caribbean", "Middle East")
};

// Kinds of a single word (Gazetteer::WordKinds), as bits.
enum WordKind : uint8_t {
  kWordTitle = 16,    // data/ner/titles.txt
  kWordOrgHead = 32,  // data/ner/org_heads.txt
  kDictProper = 64,   // the dictionary has the word capitalised ("Tampa")
  kDictCommon = 128,  // the dictionary has the word in lowercase ("park")
};

struct City {
  int64_t geonames_id = 0;
  std::string name;
  std::string country;  // ISO 3166-1 alpha-2
  uint32_t population = 0;
  double latitude = 0, longitude = 0;
};

// What one name (one or more tokens) is.
struct GazetteerEntry {
  uint8_t kinds = 0;        // GazetteerKind bits
  uint8_t length = 0;       // tokens
  char country[3] = {0, 0, 0};  // alpha-2 of the country, demonym or subdivision; "" if none
  uint32_t city_begin = 0;  // cities named so: city_index()[city_begin, +city_count),
  uint32_t city_count = 0;  // largest population first
};

// Case folding and hashing shared by the gazetteer and the recognizer's features.
// FoldCase lowercases every letter (Unicode, via utf8proc); ASCII takes a fast path.
std::string FoldCase(std::string_view s);
// FNV-1a, 64 bits.
uint64_t HashBytes(std::string_view s);
// Hash of FoldCase(s) without allocating for ASCII input.
uint64_t HashFolded(std::string_view s);
// Combines token hashes into the hash of a token sequence.
inline uint64_t HashCombine(uint64_t seq, uint64_t token) {
  return (seq ^ token) * 0x100000001b3ULL + 0x9e3779b97f4a7c15ULL;
}

class Gazetteer {
 public:
  static constexpr size_t kMaxNameTokens = 8;

  // Reads the iso-codes JSON files in `iso_codes_dir`, the lists in `ner_data_dir`
  // (data/ner) and the word list `dictionary`. Throws Error naming the file at fault
  // when one is missing or malformed.
  Gazetteer(const std::filesystem::path& iso_codes_dir, const std::filesystem::path& ner_data_dir,
            const std::filesystem::path& dictionary = DefaultDictionary());
  // /usr/share/dict/american-english, or $NEWSLEDGER_DICTIONARY.
  static std::filesystem::path DefaultDictionary();
  // The default sources: IsoCodesDir(), ResourcePath("data/ner"), DefaultDictionary().
  static const Gazetteer& Default();

  Gazetteer(const Gazetteer&) = delete;
  Gazetteer& operator=(const Gazetteer&) = delete;

  // The longest name that starts at token `i` of a sequence given by its folded token
  // hashes (HashFolded), or nullptr.
  const GazetteerEntry* LongestMatch(const uint64_t* folded_hashes, size_t n, size_t i) const;
  // The entry for exactly this text, tokenised on spaces ("Coast Guard"), or nullptr.
  const GazetteerEntry* Find(std::string_view name) const;
  // Title / org-head / dictionary bits of one folded token hash.
  uint8_t WordKinds(uint64_t folded_hash) const {
    auto it = words_.find(folded_hash);
    return it == words_.end() ? 0 : it->second;
  }

  const City& city(uint32_t k) const { return cities_[city_index_[k]]; }
  size_t city_count() const { return cities_.size(); }
  size_t name_count() const { return names_.size(); }
  // English short name of a country ("Mexico") or "" when the code is unknown.
  std::string_view CountryName(std::string_view alpha2) const;
  // A checksum of everything loaded, stored in models so that a model trained with
  // other lists is noticed.
  uint64_t fingerprint() const { return fingerprint_; }

 private:
  void AddName(std::string_view name, uint8_t kinds, std::string_view country, int32_t city);
  void Finish();

  std::unordered_map<uint64_t, GazetteerEntry> names_;        // sequence hash -> entry
  std::unordered_map<uint64_t, uint8_t> first_tokens_;        // first-token hash -> max length
  std::unordered_map<uint64_t, uint8_t> words_;               // folded word hash -> title/head bits
  std::unordered_map<uint64_t, std::vector<uint32_t>> pending_cities_;
  std::vector<City> cities_;
  std::vector<uint32_t> city_index_;
  std::unordered_map<std::string, std::string> country_names_;
  uint64_t fingerprint_ = 0;
};

}  // namespace newsledger

#endif  // NEWSLEDGER_RECOGNIZE_GAZETTEER_H_
