// gazetteer.cc: loading the name lists and matching them against token sequences.
#include "recognize/gazetteer.h"

#include <rapidjson/document.h>
#include <utf8proc.h>

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include "newsledger/error.h"
#include "newsledger/resources.h"

namespace newsledger {

namespace fs = std::filesystem;

std::string FoldCase(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  size_t i = 0;
  while (i < s.size()) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      out.push_back(static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c));
      ++i;
      continue;
    }
    utf8proc_int32_t cp = 0;
    utf8proc_ssize_t n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(s.data() + i),
                                          static_cast<utf8proc_ssize_t>(s.size() - i), &cp);
    if (n <= 0) {  // invalid byte: keep it as is
      out.push_back(static_cast<char>(c));
      ++i;
      continue;
    }
    // Hyphens and dashes inside names ("MS‑13" with U+2011) match the ASCII hyphen.
    if (cp >= 0x2010 && cp <= 0x2013) cp = '-';
    utf8proc_uint8_t buf[4];
    utf8proc_ssize_t m = utf8proc_encode_char(utf8proc_tolower(cp), buf);
    out.append(reinterpret_cast<const char*>(buf), static_cast<size_t>(m));
    i += static_cast<size_t>(n);
  }
  return out;
}

uint64_t HashBytes(std::string_view s) {
  uint64_t h = 0xcbf29ce484222325ULL;
  for (unsigned char c : s) {
    h ^= c;
    h *= 0x100000001b3ULL;
  }
  return h;
}

uint64_t HashFolded(std::string_view s) {
  uint64_t h = 0xcbf29ce484222325ULL;
  for (unsigned char c : s) {
    if (c >= 0x80) return HashBytes(FoldCase(s));
    if (c >= 'A' && c <= 'Z') c = static_cast<unsigned char>(c + 32);
    h ^= c;
    h *= 0x100000001b3ULL;
  }
  return h;
}

namespace {

std::string ReadFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error(path.string(), "cannot open");
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

rapidjson::Document ReadJson(const fs::path& path) {
  std::string text = ReadFile(path);
  rapidjson::Document d;
  d.Parse(text.data(), text.size());
  if (d.HasParseError() || !d.IsObject())
    throw Error(path.string() + "@" + std::to_string(d.GetErrorOffset()), "malformed JSON");
  return d;
}

// Lines of a list file without comments and blank lines, split on tabs.
std::vector<std::vector<std::string>> ReadTable(const fs::path& path, size_t min_columns) {
  std::string text = ReadFile(path);
  std::vector<std::vector<std::string>> rows;
  size_t line_no = 0, pos = 0;
  while (pos < text.size()) {
    size_t end = text.find('\n', pos);
    if (end == std::string::npos) end = text.size();
    std::string_view line(text.data() + pos, end - pos);
    pos = end + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> cols;
    size_t s = 0;
    while (true) {
      size_t t = line.find('\t', s);
      cols.emplace_back(line.substr(s, t == std::string_view::npos ? std::string_view::npos : t - s));
      if (t == std::string_view::npos) break;
      s = t + 1;
    }
    if (cols.size() < min_columns)
      throw Error(path.string() + ":" + std::to_string(line_no),
                  "expected " + std::to_string(min_columns) + " tab-separated columns");
    rows.push_back(std::move(cols));
  }
  return rows;
}

// Splits a name into tokens the way the segmenter would for the simple names we keep:
// on spaces, with a trailing comma or period of a non-abbreviation dropped.
std::vector<std::string_view> NameTokens(std::string_view name) {
  std::vector<std::string_view> toks;
  size_t i = 0;
  while (i < name.size()) {
    while (i < name.size() && name[i] == ' ') ++i;
    size_t j = i;
    while (j < name.size() && name[j] != ' ') ++j;
    if (j > i) toks.push_back(name.substr(i, j - i));
    i = j;
  }
  return toks;
}

uint64_t SequenceHash(const std::vector<std::string_view>& toks) {
  uint64_t h = 0;
  for (std::string_view t : toks) h = HashCombine(h, HashFolded(t));
  return h;
}

}  // namespace

void Gazetteer::AddName(std::string_view name, uint8_t kinds, std::string_view country, int32_t city) {
  // Names with commas or parentheses ("Korea, Republic of") are catalogue forms that
  // news text does not use.
  if (name.find_first_of(",()") != std::string_view::npos) return;
  // A tokenizer may split a hyphen off ("MS-13" -> "MS" "-" "13"): both forms match.
  if (name.find('-') != std::string_view::npos && name.find(" - ") == std::string_view::npos) {
    std::string spaced;
    for (char c : name) {
      if (c == '-') spaced += " - ";
      else spaced += c;
    }
    AddName(spaced, kinds, country, city);
  }
  std::vector<std::string_view> toks = NameTokens(name);
  if (toks.empty() || toks.size() > kMaxNameTokens) return;
  uint64_t h = SequenceHash(toks);
  GazetteerEntry& e = names_[h];
  e.kinds |= kinds;
  e.length = static_cast<uint8_t>(toks.size());
  // The first country a name gets wins: countries are loaded before subdivisions and
  // cities, so "Georgia" stays GE. A demonym (loaded after them) names its own
  // country over a subdivision or city of the same spelling, so "Somali" is SO, not
  // Ethiopia's Somali Region; only a country name keeps its code.
  const bool demonym_wins = (kinds & kGazDemonym) && !(e.kinds & kGazCountry);
  if ((!e.country[0] || demonym_wins) && country.size() == 2) {
    e.country[0] = country[0];
    e.country[1] = country[1];
  }
  if (city >= 0) pending_cities_[h].push_back(static_cast<uint32_t>(city));
  uint8_t& max_len = first_tokens_[HashFolded(toks[0])];
  max_len = std::max<uint8_t>(max_len, static_cast<uint8_t>(toks.size()));
  fingerprint_ += (h ^ (static_cast<uint64_t>(kinds) << 56)) * 0x9e3779b97f4a7c15ULL;
}

fs::path Gazetteer::DefaultDictionary() {
  if (const char* p = std::getenv("NEWSLEDGER_DICTIONARY"); p && *p) return p;
  return "/usr/share/dict/american-english";
}

Gazetteer::Gazetteer(const fs::path& iso_codes_dir, const fs::path& ner_data_dir, const fs::path& dictionary) {
  // Countries first (their codes win over subdivisions and cities of the same name).
  {
    fs::path path = iso_codes_dir / "iso_3166-1.json";
    rapidjson::Document d = ReadJson(path);
    if (!d.HasMember("3166-1") || !d["3166-1"].IsArray()) throw Error(path.string(), "no \"3166-1\" array");
    for (const auto& c : d["3166-1"].GetArray()) {
      if (!c.IsObject() || !c.HasMember("alpha_2") || !c["alpha_2"].IsString()) continue;
      std::string code = c["alpha_2"].GetString();
      for (const char* key : {"common_name", "name", "official_name"}) {
        if (!c.HasMember(key) || !c[key].IsString()) continue;
        std::string_view name = c[key].GetString();
        AddName(name, kGazCountry, code, -1);
        if (!country_names_.count(code) && name.find(',') == std::string_view::npos)
          country_names_[code] = std::string(name);
      }
    }
  }
  for (const auto& row : ReadTable(ner_data_dir / "country_aliases.tsv", 2)) {
    AddName(row[0], kGazCountry, row[1], -1);
    if (!country_names_.count(row[1])) country_names_[row[1]] = row[0];
  }
  {
    fs::path path = iso_codes_dir / "iso_3166-2.json";
    rapidjson::Document d = ReadJson(path);
    if (!d.HasMember("3166-2") || !d["3166-2"].IsArray()) throw Error(path.string(), "no \"3166-2\" array");
    for (const auto& s : d["3166-2"].GetArray()) {
      if (!s.IsObject() || !s.HasMember("code") || !s.HasMember("name") || !s["code"].IsString() ||
          !s["name"].IsString())
        continue;
      std::string_view code = s["code"].GetString();
      AddName(s["name"].GetString(), kGazSubdivision, code.substr(0, 2), -1);
    }
  }
  {
    fs::path path = ner_data_dir / "cities.tsv";
    for (const auto& row : ReadTable(path, 7)) {
      City c;
      try {
        c.geonames_id = std::stoll(row[0]);
        c.population = static_cast<uint32_t>(std::stoul(row[4]));
        c.latitude = std::stod(row[5]);
        c.longitude = std::stod(row[6]);
      } catch (const std::exception&) {
        throw Error(path.string(), "bad number in the row of " + row[1]);
      }
      c.name = row[1];
      c.country = row[3];
      int32_t idx = static_cast<int32_t>(cities_.size());
      cities_.push_back(c);
      AddName(row[1], kGazCity, row[3], idx);
      if (!row[2].empty()) AddName(row[2], kGazCity, row[3], idx);
    }
  }
  for (const auto& row : ReadTable(ner_data_dir / "demonyms.tsv", 2)) AddName(row[0], kGazDemonym, row[1], -1);
  for (const auto& row : ReadTable(ner_data_dir / "regions.tsv", 1))
    AddName(row[0], kGazRegion, row.size() > 1 ? row[1] : "", -1);
  for (const auto& row : ReadTable(ner_data_dir / "organizations.tsv", 1))
    AddName(row[0], kGazOrganization, row.size() > 1 ? row[1] : "", -1);
  for (const auto& row : ReadTable(ner_data_dir / "names.tsv", 2)) {
    if (row[0] == "org") {
      AddName(row[1], kGazOrgName, "", -1);
      continue;
    }
    uint8_t kind = row[0] == "first" ? kWordFirstName : row[0] == "last" ? kWordSurname : 0;
    if (!kind) throw Error((ner_data_dir / "names.tsv").string(), "unknown kind '" + row[0] + "'");
    uint64_t h = HashFolded(row[1]);
    words_[h] |= kind;
    fingerprint_ += (h ^ (static_cast<uint64_t>(kind) << 48)) * 0x9e3779b97f4a7c15ULL;
  }
  for (const auto& [file, kind] : {std::pair{"titles.txt", kWordTitle}, std::pair{"org_heads.txt", kWordOrgHead}}) {
    for (const auto& row : ReadTable(ner_data_dir / file, 1)) {
      uint64_t h = HashFolded(row[0]);
      words_[h] |= kind;
      fingerprint_ += (h ^ (static_cast<uint64_t>(kind) << 48)) * 0x9e3779b97f4a7c15ULL;
    }
  }
  {
    std::ifstream in(dictionary);
    if (!in) throw Error(dictionary.string(), "cannot open the word list (install the Debian package wamerican)");
    std::string word;
    while (std::getline(in, word)) {
      if (word.empty() || word.find('\'') != std::string::npos) continue;  // possessives
      unsigned char c = static_cast<unsigned char>(word[0]);
      uint8_t bit = (c >= 'A' && c <= 'Z') ? kDictProper : kDictCommon;
      // Acronyms ("NASA") count as proper names too.
      uint64_t h = HashFolded(word);
      uint8_t& w = words_[h];
      if (!(w & bit)) fingerprint_ += (h ^ (static_cast<uint64_t>(bit) << 40)) * 0x9e3779b97f4a7c15ULL;
      w |= bit;
    }
  }
  Finish();
}

void Gazetteer::Finish() {
  // Each city name points at a run of city_index_, most populous first.
  for (auto& [h, list] : pending_cities_) {
    std::sort(list.begin(), list.end(), [&](uint32_t a, uint32_t b) {
      if (cities_[a].population != cities_[b].population) return cities_[a].population > cities_[b].population;
      return cities_[a].geonames_id < cities_[b].geonames_id;
    });
    list.erase(std::unique(list.begin(), list.end()), list.end());
    GazetteerEntry& e = names_[h];
    e.city_begin = static_cast<uint32_t>(city_index_.size());
    e.city_count = static_cast<uint32_t>(list.size());
    city_index_.insert(city_index_.end(), list.begin(), list.end());
    // A name that is only a city takes the country of its largest city.
    if (!(e.kinds & (kGazCountry | kGazSubdivision | kGazDemonym))) {
      const std::string& cc = cities_[list[0]].country;
      if (cc.size() == 2) {
        e.country[0] = cc[0];
        e.country[1] = cc[1];
      }
    }
  }
  pending_cities_.clear();
  // unordered_map nodes never move, so the flat maps may point into names_.
  std::vector<std::pair<uint64_t, const GazetteerEntry*>> names;
  for (const auto& [h, e] : names_) names.emplace_back(tag::Mix64(h), &e);
  name_map_ = tag::FlatMap64<const GazetteerEntry*>(names);
  std::vector<std::pair<uint64_t, uint8_t>> items;
  for (const auto& [h, v] : first_tokens_) items.emplace_back(tag::Mix64(h), v);
  first_map_ = tag::FlatMap64<uint8_t>(items);
  items.clear();
  for (const auto& [h, v] : words_) items.emplace_back(tag::Mix64(h), v);
  word_map_ = tag::FlatMap64<uint8_t>(items);
}

const GazetteerEntry* Gazetteer::LongestMatch(const uint64_t* folded, size_t n, size_t i) const {
  if (i >= n) return nullptr;
  const uint8_t* first = first_map_.Find(tag::Mix64(folded[i]));
  if (!first) return nullptr;
  size_t max_len = std::min<size_t>(*first, n - i);
  uint64_t seq[kMaxNameTokens];
  uint64_t h = 0;
  for (size_t k = 0; k < max_len; ++k) seq[k] = h = HashCombine(h, folded[i + k]);
  for (size_t len = max_len; len >= 1; --len) {
    const GazetteerEntry* const* e = name_map_.Find(tag::Mix64(seq[len - 1]));
    if (e && (*e)->length == len) return *e;
  }
  return nullptr;
}

const GazetteerEntry* Gazetteer::Find(std::string_view name) const {
  std::vector<std::string_view> toks = NameTokens(name);
  if (toks.empty()) return nullptr;
  auto it = names_.find(SequenceHash(toks));
  return it != names_.end() && it->second.length == toks.size() ? &it->second : nullptr;
}

std::string_view Gazetteer::CountryName(std::string_view alpha2) const {
  auto it = country_names_.find(std::string(alpha2));
  return it == country_names_.end() ? std::string_view() : std::string_view(it->second);
}

const Gazetteer& Gazetteer::Default() {
  static const Gazetteer* g = new Gazetteer(IsoCodesDir(), ResourcePath("data/ner"), DefaultDictionary());
  return *g;
}

}  // namespace newsledger
