// entity_recognizer.cc: mentions from the model, then the document-level steps
// (repetitions, linking, pronouns, places).
#include "recognize/entity_recognizer.h"

#include <utf8proc.h>

#include <algorithm>
#include <map>
#include <string>
#include <unordered_map>

#include "newsledger/resources.h"
#include "text/dateline.h"

namespace newsledger {

using ner::NerScratch;
using ner::NerToken;

namespace {

// "Supt.", "Insp.", "Atty.": a capitalised abbreviation of 2 to 4 letters that the
// title list may not hold; before a name of two or more words it is a rank.
bool IsTitleAbbreviation(std::string_view w) {
  if (w.size() < 3 || w.size() > 5 || w.back() != '.' || w[0] < 'A' || w[0] > 'Z') return false;
  for (size_t i = 1; i + 1 < w.size(); ++i)
    if (w[i] < 'a' || w[i] > 'z') return false;
  return true;
}

// "UN", "U.N.", "NATO": two or more ASCII capitals and no lower-case letter.
bool IsAllCaps(std::string_view w) {
  int caps = 0;
  for (char c : w) {
    if (c >= 'a' && c <= 'z') return false;
    caps += c >= 'A' && c <= 'Z';
  }
  return caps >= 2;
}

bool IsUpperStart(std::string_view w) {
  if (w.empty()) return false;
  unsigned char c = static_cast<unsigned char>(w[0]);
  if (c < 0x80) return c >= 'A' && c <= 'Z';
  utf8proc_int32_t cp = 0;
  if (utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(w.data()), static_cast<utf8proc_ssize_t>(w.size()),
                       &cp) <= 0)
    return false;
  utf8proc_category_t cat = utf8proc_category(cp);
  return cat == UTF8PROC_CATEGORY_LU || cat == UTF8PROC_CATEGORY_LT;
}

bool IsLetterStart(std::string_view w) {
  if (w.empty()) return false;
  unsigned char c = static_cast<unsigned char>(w[0]);
  if (c < 0x80) return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
  return true;
}

bool IsPossessive(std::string_view w) { return w == "'s" || w == "\xE2\x80\x99s" || w == "'" || w == "\xE2\x80\x99"; }

bool IsDeterminer(std::string_view w) {
  return w == "the" || w == "The" || w == "THE" || w == "a" || w == "A" || w == "an" || w == "An";
}

// Trailing tokens that never end a name.
bool IsTrailingJunk(std::string_view w) {
  return IsPossessive(w) || w == "," || w == ":" || w == ";" || w == "-" || w == "(" || w == ")" || w == "\"";
}

// Whether `w` is one of the words of a small fixed list.
// The lists are string_views, so that most words fail on length alone (this runs on
// every token; a list of C strings costs a strlen per entry).
template <size_t N>
bool OneOf(std::string_view w, const std::string_view (&words)[N]) {
  for (std::string_view k : words)
    if (w == k) return true;
  return false;
}

bool IsCalendarWord(std::string_view w) {
  static constexpr std::string_view kWords[] = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday",
                                       "January", "February", "March", "April", "May", "June", "July", "August",
                                       "September", "October", "November", "December", "Jan", "Feb", "Mar", "Apr",
                                       "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "I"};
  return OneOf(w, kWords);
}

// "the town of Kaya", "the province of Sistan": a common noun for a kind of place,
// written in lowercase before "of", makes the name after it a place.
bool IsPlaceNoun(std::string_view w) {
  static constexpr std::string_view kWords[] = {"town", "city", "village", "province", "region", "district", "county",
                                       "state", "port", "island", "islands", "capital", "municipality", "commune",
                                       "neighborhood", "neighbourhood", "suburb", "valley", "hamlet", "prefecture",
                                       "governorate", "oblast", "enclave", "archipelago", "settlement"};
  return OneOf(w, kWords);
}

// A lowercase noun for a kind of organisation: "the operator", "the chipmaker".
bool IsOrgNoun(std::string_view w) {
  static constexpr std::string_view kWords[] = {
      "company",   "firm",       "operator",  "group",     "bank",      "airline",   "carrier",    "utility",
      "maker",     "automaker",  "chipmaker", "carmaker",  "drugmaker", "manufacturer", "retailer", "insurer",
      "lender",    "broadcaster", "newspaper", "publisher", "startup",  "developer", "contractor", "supplier",
      "producer",  "exporter",   "miner",     "refiner",   "conglomerate", "charity", "nonprofit", "network",
      "platform",  "website",    "studio",    "chain",     "brand",     "club",      "subsidiary", "distributor"};
  return OneOf(w, kWords);
}

// A lowercase noun for what a person does or is, which news text puts in an
// apposition after the name ("Hodan Farah, a nurse, said"). Not titles: they do not
// stand before a name as part of it, so data/ner/titles.txt (a feature of the model,
// and the words stripped from person names) leaves them out; "doctor" and "lawyer"
// are titles there already.
bool IsRoleNoun(std::string_view w) {
  static constexpr std::string_view kWords[] = {
      "nurse",     "midwife",    "teacher",    "student",    "pupil",      "farmer",     "herder",
      "fisherman", "engineer",   "resident",   "witness",    "worker",     "driver",     "mechanic",
      "trader",    "vendor",     "shopkeeper", "merchant",   "businessman", "businesswoman", "entrepreneur",
      "soldier",   "volunteer",  "activist",   "protester",  "survivor",   "refugee",    "villager",
      "surgeon",   "physician",  "pharmacist", "paramedic",  "firefighter", "electrician", "accountant",
      "architect", "artist",     "musician",   "priest",     "nun",        "veteran",    "retiree",
      "pensioner", "employee",   "mother",     "widow",      "grandmother", "grandfather", "neighbour",
      "neighbor",  "miner",      "labourer",   "laborer",    "lecturer",   "principal",  "owner"};
  return OneOf(w, kWords);
}

// Head words of organisation names in languages other than English, which the
// English head list misses ("Médecins Sans Frontières", "Banco Santander", "Partido
// Popular", "Deutsche Stiftung"): a capitalised name holding one is an organisation,
// whatever the model made of its foreign words (often a person or a place).
bool IsForeignOrgWord(std::string_view w) {
  static constexpr std::string_view kWords[] = {
      "Médecins", "Médicos", "Medici", "Ärzte", "Société", "Compagnie", "Banque", "Banco", "Banca", "Groupe",
      "Institut", "Instituto", "Istituto", "Comité", "Comitato", "Conseil", "Consejo", "Ministère", "Ministerio",
      "Ministério", "Agence", "Agencia", "Fondation", "Fundación", "Fundação", "Fondazione", "Stiftung",
      "Stichting", "Asociación", "Associação", "Associazione", "Fédération", "Federación", "Syndicat",
      "Sindicato", "Partido", "Partito", "Parti", "Partei", "Gesellschaft", "Verband", "Universidad",
      "Universidade", "Université", "Università", "Universität", "Ejército", "Empresa", "Compañía", "Società",
      "Aktiengesellschaft", "Sociedad", "Movimiento", "Movimento", "Mouvement"};
  return OneOf(w, kWords);
}

// A lowercase noun that, ending a name, says it is an organisation: "the FNV union".
bool IsOrgTailNoun(std::string_view w) {
  static constexpr std::string_view kWords[] = {
      "union",     "party",      "alliance",  "coalition", "movement", "federation", "association", "council",
      "committee", "ministry",   "militia",   "government", "administration", "foundation", "institute",
      "authority", "agency",     "confederation", "syndicate", "consortium", "cartel", "gang"};
  return OneOf(w, kWords) || IsOrgNoun(w);
}

// The plural of an organisation noun: "companies", "airlines", "unions".
bool IsOrgNounPlural(std::string_view w) {
  static constexpr std::string_view kWords[] = {"lines", "unions", "parties", "organisations", "organizations",
                                                "agencies", "ministries", "governments", "automakers"};
  if (OneOf(w, kWords)) return true;
  if (w.size() > 4 && w.ends_with("ies")) return IsOrgNoun(std::string(w.substr(0, w.size() - 3)) + "y");
  return w.size() > 3 && w.back() == 's' && IsOrgNoun(w.substr(0, w.size() - 1));
}

// Whether a capitalised word may continue a person's name: a listed first name or
// surname, a proper name of the dictionary, or a word the dictionary does not know.
// Common words ("Direct", "Power") end the name.
bool LooksLikeNameWord(uint8_t kinds) {
  if (kinds & (kWordFirstName | kWordSurname | kDictProper)) return true;
  return !(kinds & kDictCommon);
}

enum Gender : uint8_t { kUnknownGender = 0, kMale = 1, kFemale = 2 };

Gender PronounGender(std::string_view w) {
  // Runs on every token: an ASCII word (nearly all) is compared without folding into a
  // new string; only other words take FoldCase ("HİS" folds to "his").
  bool ascii = true;
  for (char c : w) ascii = ascii && static_cast<unsigned char>(c) < 0x80;
  if (ascii) {
    if (w.size() < 2 || w.size() > 7 || ((w[0] | 0x20) != 'h' && (w[0] | 0x20) != 's')) return kUnknownGender;
    char buf[8];
    for (size_t i = 0; i < w.size(); ++i) buf[i] = static_cast<char>(w[i] >= 'A' && w[i] <= 'Z' ? w[i] + 32 : w[i]);
    std::string_view low(buf, w.size());
    if (low == "he" || low == "him" || low == "his" || low == "himself") return kMale;
    if (low == "she" || low == "her" || low == "hers" || low == "herself") return kFemale;
    return kUnknownGender;
  }
  std::string low = FoldCase(w);
  if (low == "he" || low == "him" || low == "his" || low == "himself") return kMale;
  if (low == "she" || low == "her" || low == "hers" || low == "herself") return kFemale;
  return kUnknownGender;
}

// Gender a word just before a name implies ("Mrs.", "spokeswoman").
Gender CueGender(std::string_view w) {
  static constexpr std::string_view kMaleCues[] = {"mr.", "mr", "sir", "lord", "king", "prince", "spokesman", "congressman",
                                          "chairman", "father", "brother", "son", "husband", "uncle", "emperor",
                                          "sultan", "sheikh", "mister", "actor", "businessman"};
  static constexpr std::string_view kFemaleCues[] = {"mrs.", "mrs", "ms.", "ms", "miss", "dame", "lady", "queen",
                                            "princess", "spokeswoman", "congresswoman", "chairwoman", "mother",
                                            "sister", "daughter", "wife", "aunt", "empress", "actress",
                                            "businesswoman"};
  std::string low = FoldCase(w);
  if (OneOf(low, kMaleCues)) return kMale;
  if (OneOf(low, kFemaleCues)) return kFemale;
  return kUnknownGender;
}

// Initials of the capitalised words of a name ("Federal Aviation Administration" ->
// "FAA"); words like "of" and "the" are skipped.
std::string Initials(const std::vector<std::string_view>& words) {
  std::string out;
  for (std::string_view w : words) {
    if (w == "of" || w == "the" || w == "and" || w == "for" || w == "on" || w == "&" || w == "de") continue;
    if (!w.empty() && w[0] >= 'A' && w[0] <= 'Z') out.push_back(w[0]);
    else return "";
  }
  return out;
}

bool IsAcronym(std::string_view w) {
  size_t letters = 0;
  for (char c : w) {
    if (c >= 'A' && c <= 'Z') ++letters;
    else if (c != '.' && c != '&') return false;
  }
  return letters >= 2 && letters <= 8;
}

std::string StripDots(std::string_view w) {
  std::string out;
  for (char c : w)
    if (c != '.') out.push_back(c);
  return out;
}

// Whether `small` occurs as a contiguous run inside `big`.
bool ContainsRun(const std::vector<std::string>& big, const std::vector<std::string>& small) {
  if (small.empty() || small.size() > big.size()) return false;
  for (size_t i = 0; i + small.size() <= big.size(); ++i)
    if (std::equal(small.begin(), small.end(), big.begin() + static_cast<ptrdiff_t>(i))) return true;
  return false;
}

}  // namespace

EntityRecognizer::EntityRecognizer() : EntityRecognizer(ResourcePath("models/ner.bin"), Gazetteer::Default()) {}

EntityRecognizer::EntityRecognizer(const std::filesystem::path& model, const Gazetteer& gazetteer)
    : gaz_(gazetteer), model_(std::make_unique<NerModel>(model, gazetteer)) {}

EntityRecognizer::~EntityRecognizer() = default;

void EntityRecognizer::RecognizeSentence(const NerToken* toks, size_t n, NerScratch& scratch,
                                         std::vector<Mention>& out) const {
  out.clear();
  if (n == 0) return;
  model_->Decode(toks, n, scratch);
  const std::vector<uint8_t>& labels = scratch.labels;
  std::vector<uint8_t> covered(n, 0);
  for (size_t i = 0; i < n;) {
    if (labels[i] == ner::kO) { ++i; continue; }
    int type = ner::TypeOf(labels[i]);
    size_t j = i + 1;
    while (j < n && ner::IsInside(labels[j]) && ner::TypeOf(labels[j]) == type) ++j;
    size_t b = i, e = j;
    i = j;
    // "outside the union's offices": one lowercase word that is a common word of the
    // dictionary is no name (the model, trained on lowercased copies too, sometimes
    // takes one for a place). Lowercase names of web text are mostly no common words
    // ("flew into tucson") or longer ("united states").
    if (e == b + 1 && !toks[b].text.empty() && toks[b].text[0] >= 'a' && toks[b].text[0] <= 'z' &&
        (scratch.info[b].wkinds & kDictCommon))
      continue;
    EntityType et = type == 1 ? EntityType::kPerson : type == 2 ? EntityType::kOrg : EntityType::kLoc;
    // "Justice Department", "Norvane Systems" taken for a person: a name of two or more
    // words that ends in an organisation head and holds no first name (other than a
    // title word, "Justice" being both) is an organisation; its title word is then
    // part of the name, not a rank to strip.
    if (et == EntityType::kPerson) {
      size_t last = e;
      while (last > b && IsTrailingJunk(toks[last - 1].text)) --last;
      size_t first = b;
      while (first < last && IsDeterminer(toks[first].text)) ++first;
      if (last >= first + 2 && IsUpperStart(toks[last - 1].text) &&
          (scratch.info[last - 1].wkinds & kWordOrgHead)) {
        bool first_name = false;
        for (size_t k = first; k + 1 < last; ++k) {
          const uint8_t kinds = scratch.info[k].wkinds;
          first_name = first_name || ((kinds & kWordFirstName) && !(kinds & kWordTitle));
        }
        if (!first_name) et = EntityType::kOrg;
      }
    }
    // "U.S. President Jane Doe", "French Foreign Minister Jean Roux" taken as one
    // name: the country or nationality before the title is a mention of its own, and
    // the title is stripped below.
    if (et == EntityType::kPerson) {
      size_t p = b;
      while (p < e && IsDeterminer(toks[p].text)) ++p;
      const GazetteerEntry* g = p < e && scratch.info[p].gaz ? gaz_.LongestMatch(scratch.folded.data(), e, p) : nullptr;
      if (g && (g->kinds & (kGazCountry | kGazDemonym | kGazRegion)) && p + g->length + 1 < e &&
          (scratch.info[p + g->length].wkinds & kWordTitle) && IsUpperStart(toks[p].text)) {
        const EntityType place = (g->kinds & (kGazCountry | kGazRegion)) ? EntityType::kLoc : EntityType::kMisc;
        out.push_back({static_cast<uint32_t>(p), static_cast<uint32_t>(p + g->length), place});
        for (size_t k = p; k < p + g->length; ++k) covered[k] = 1;
        b = p + g->length;
      }
    }
    while (b < e && (IsDeterminer(toks[b].text) ||
                     (et == EntityType::kPerson && (scratch.info[b].wkinds & kWordTitle)) ||
                     (et == EntityType::kPerson && e - b >= 3 && IsTitleAbbreviation(toks[b].text))))
      ++b;
    // "Secretary of State Jane Doe", "Minister of Foreign Affairs Jan Kowalski": the
    // title's complement is no part of the name (no name starts with "of"); the name
    // starts at a known first name, or is the last two words.
    if (et == EntityType::kPerson && b + 2 < e && toks[b].text == "of") {
      size_t k = b + 1;
      while (e - k > 2 && !(scratch.info[k].wkinds & kWordFirstName)) ++k;
      b = k;
    }
    while (e > b && IsTrailingJunk(toks[e - 1].text)) --e;
    if (b >= e) continue;
    // "UN estimates": an acronym listed as an organisation is one, even when a small
    // town shares its letters ("Un", India).
    if (et == EntityType::kLoc && e == b + 1 && IsAllCaps(toks[b].text) && scratch.info[b].gaz) {
      const GazetteerEntry* g = gaz_.LongestMatch(scratch.folded.data(), e, b);
      if (g && g->length == 1 && (g->kinds & kGazOrganization) && !(g->kinds & (kGazCountry | kGazRegion)))
        et = EntityType::kOrg;
    }
    if (et != EntityType::kLoc && b >= 2 && toks[b - 1].text == "of" && IsPlaceNoun(toks[b - 2].text))
      et = EntityType::kLoc;
    if (et != EntityType::kOrg && e >= b + 2)
      for (size_t k = b; k < e; ++k)
        if (IsForeignOrgWord(toks[k].text)) et = EntityType::kOrg;
    // A name has at least one letter-initial token.
    bool letters = false;
    for (size_t k = b; k < e; ++k) letters = letters || IsLetterStart(toks[k].text);
    if (!letters) continue;
    // A person's name runs on over capitalised words the model dropped ("Jane Doe",
    // where "doe" is also a common word), unless they are titles, organisation
    // heads, places, days, months or common words that are no names.
    // After a lone listed first name, a word the tagger reads as a proper noun is the
    // surname even when the dictionary also lists it ("Emmanuel Macron").
    if (et == EntityType::kPerson && e == j) {
      const bool first_name_alone = e == b + 1 && (scratch.info[b].wkinds & kWordFirstName);
      while (e < n && e - b < 4 && labels[e] == ner::kO && IsUpperStart(toks[e].text) &&
             !(scratch.info[e].wkinds & (kWordTitle | kWordOrgHead)) && !IsCalendarWord(toks[e].text) &&
             !(scratch.info[e].gaz && scratch.Match(gaz_, e)) && toks[e].text.size() > 1 &&
             (LooksLikeNameWord(scratch.info[e].wkinds) ||
              (first_name_alone && e == b + 1 && toks[e].upos == "PROPN")) &&
             toks[e].text.find('.') == std::string_view::npos)
        ++e;
      i = std::max(i, e);
    }
    // "Chief executive Priya Raman" with only "Raman" found: the name runs back over one
    // capitalised word the model dropped, when a title word stands right before it.
    if (et == EntityType::kPerson && b >= 2 && labels[b - 1] == ner::kO &&
        !covered[b - 1] && IsUpperStart(toks[b - 1].text) && toks[b - 1].text.size() > 1 &&
        (scratch.info[b - 2].wkinds & kWordTitle) &&
        !(scratch.info[b - 1].wkinds & (kWordTitle | kWordOrgHead)) && !IsCalendarWord(toks[b - 1].text) &&
        !scratch.info[b - 1].gaz && LooksLikeNameWord(scratch.info[b - 1].wkinds) &&
        toks[b - 1].text.find('.') == std::string_view::npos)
      --b;
    // "District Judge Helen Marsh" tagged as one place or organisation: the name after
    // the last title word is a person; what comes before is left to the rules below.
    if (et != EntityType::kPerson) {
      size_t title = e;
      for (size_t k = b; k + 1 < e; ++k)
        if ((scratch.info[k].wkinds & kWordTitle) && IsUpperStart(toks[k + 1].text) &&
            !(scratch.info[k + 1].wkinds & kWordOrgHead))
          title = k;
      if (title < e) {
        out.push_back({static_cast<uint32_t>(title + 1), static_cast<uint32_t>(e), EntityType::kPerson});
        for (size_t k = title + 1; k < e; ++k) covered[k] = 1;
        continue;
      }
    }
    // "Jane Doe of Freedonia": a person's name does not run over "of"; what follows
    // is where (or what) the person is from.
    if (et == EntityType::kPerson) {
      size_t of = b;
      while (of < e && toks[of].text != "of") ++of;
      if (of > b && of + 1 < e && IsUpperStart(toks[of + 1].text)) {
        out.push_back({static_cast<uint32_t>(b), static_cast<uint32_t>(of), et});
        bool org = false;
        for (size_t k = of + 1; k < e; ++k) org = org || (scratch.info[k].wkinds & kWordOrgHead);
        const GazetteerEntry* g = gaz_.LongestMatch(scratch.folded.data(), e, of + 1);
        if (g && (g->kinds & kGazOrganization)) org = true;
        out.push_back({static_cast<uint32_t>(of + 1), static_cast<uint32_t>(e), org ? EntityType::kOrg : EntityType::kLoc});
        for (size_t k = b; k < e; ++k) covered[k] = 1;
        continue;
      }
    }
    out.push_back({static_cast<uint32_t>(b), static_cast<uint32_t>(e), et});
    for (size_t k = b; k < e; ++k) covered[k] = 1;
  }
  // A capitalised run ending in an organisation head ("Justice Department", "Oval
  // Office", "Bank of Japan") is an organisation, absorbing the pieces of it the model
  // found, unless it holds a person.
  // In a sentence of capitalised words (a heading, a signature block, shouting) a
  // capital says nothing, so the organisation-head rules stay out of it.
  size_t letter_words = 0, capital_words = 0;
  for (size_t i = 0; i < n; ++i)
    if (IsLetterStart(toks[i].text)) {
      ++letter_words;
      capital_words += IsUpperStart(toks[i].text);
    }
  const bool title_case = letter_words >= 4 && capital_words * 10 > letter_words * 6;
  for (size_t i = 0; i < n && !title_case; ++i) {
    if (!(scratch.info[i].wkinds & kWordOrgHead) || !IsUpperStart(toks[i].text)) continue;
    size_t b = i;
    while (b > 0) {
      if (IsUpperStart(toks[b - 1].text) && !IsDeterminer(toks[b - 1].text))
        --b;
      else if (b >= 2 &&
               (toks[b - 1].text == "of" || toks[b - 1].text == "for" || toks[b - 1].text == "and" ||
                IsPossessive(toks[b - 1].text)) &&
               IsUpperStart(toks[b - 2].text) && !IsDeterminer(toks[b - 2].text))
        b -= 2;
      else
        break;
    }
    // Whole-word "Office" at the start of a sentence says nothing.
    if (b == i) continue;
    if (b == 0 && (scratch.info[0].wkinds & kDictCommon) && !(scratch.info[0].wkinds & kDictProper))
      ++b;
    if (b >= i) continue;
    size_t e = i + 1;
    bool person = false;
    // A "person" that ends at the head and holds no first name ("Department" of
    // "Justice Department" taken for a name) is a piece of the organisation.
    auto headed_name = [&](const Mention& m) {
      if (m.end != e) return false;
      for (size_t k = m.begin; k < i; ++k) {
        const uint8_t kinds = scratch.info[k].wkinds;
        if ((kinds & kWordFirstName) && !(kinds & kWordTitle)) return false;
      }
      return true;
    };
    for (const Mention& m : out)
      if (m.begin < e && b < m.end) {
        if (m.type == EntityType::kPerson && !headed_name(m)) person = true;
        b = std::min<size_t>(b, m.begin);
        e = std::max<size_t>(e, m.end);
      }
    if (person) continue;
    out.erase(std::remove_if(out.begin(), out.end(), [&](const Mention& m) { return m.begin < e && b < m.end; }),
              out.end());
    out.push_back({static_cast<uint32_t>(b), static_cast<uint32_t>(e), EntityType::kOrg});
    for (size_t k = b; k < e; ++k) covered[k] = 1;
  }

  // An organisation head opening a capitalised run ("Radio Kivu Nord", "Bank Mandiri"):
  // the run is the organisation, whatever the model made of the words after the head.
  for (size_t i = 0; i + 1 < n && !title_case; ++i) {
    if (!(scratch.info[i].wkinds & kWordOrgHead) || !IsUpperStart(toks[i].text)) continue;
    size_t e = i + 1;
    while (e < n && e - i <= 4 && IsUpperStart(toks[e].text) && !IsCalendarWord(toks[e].text) &&
           !(scratch.info[e].wkinds & kWordTitle) && !IsPossessive(toks[e].text))
      ++e;
    if (e == i + 1) continue;
    bool clash = false;
    for (const Mention& m : out)
      if (m.begin < e && i < m.end &&
          (m.begin < i || m.end > e ||
           (m.type == EntityType::kPerson && m.begin == i && LooksLikeNameWord(scratch.info[i].wkinds))))
        clash = true;
    if (clash) continue;
    out.erase(std::remove_if(out.begin(), out.end(), [&](const Mention& m) { return m.begin < e && i < m.end; }),
              out.end());
    out.push_back({static_cast<uint32_t>(i), static_cast<uint32_t>(e), EntityType::kOrg});
    for (size_t k = i; k < e; ++k) covered[k] = 1;
    i = e - 1;
  }

  // "Estonia's Reform Party", "Moscow's Bolshoi Theatre": a place before a
  // possessive is the organisation's place, not part of its name (UNER): the
  // mention splits into the place and the organisation after "'s".
  for (size_t k = 0; k < out.size(); ++k) {
    const Mention m = out[k];
    if (m.type != EntityType::kOrg) continue;
    for (size_t p = m.begin + 1; p + 1 < m.end; ++p) {
      if (!IsPossessive(toks[p].text)) continue;
      const GazetteerEntry* g =
          scratch.info[m.begin].gaz ? gaz_.LongestMatch(scratch.folded.data(), p, m.begin) : nullptr;
      if (!g || g->length != p - m.begin || !(g->kinds & (kGazCountry | kGazSubdivision | kGazCity | kGazRegion)))
        break;
      out[k] = {m.begin, static_cast<uint32_t>(p), EntityType::kLoc};
      out.push_back({static_cast<uint32_t>(p + 1), m.end, EntityType::kOrg});
      break;
    }
  }

  // Capitalised country, region and organisation names the model left out, and
  // demonyms.
  for (size_t i = 0; i < n;) {
    // No name starts at a token that the model's greedy gazetteer pass left
    // uncovered (NerScratch::TokenInfo::gaz), so those need no lookup.
    const GazetteerEntry* g = scratch.info[i].gaz ? scratch.Match(gaz_, i) : nullptr;
    if (!g || !(g->kinds & (kGazCountry | kGazRegion | kGazDemonym | kGazOrganization)) ||
        !IsUpperStart(toks[i].text)) {
      ++i;
      continue;
    }
    size_t len = g->length;
    // A demonym that a subdivision or city also spells ("Somali": Ethiopia's Somali
    // Region) is the model's place only before a kind of place ("Somali region");
    // before another lowercase word ("Somali officials") it is the demonym.
    if ((g->kinds & kGazDemonym) && !(g->kinds & (kGazCountry | kGazRegion)) && i + len < n &&
        IsLetterStart(toks[i + len].text) && !IsUpperStart(toks[i + len].text) && !IsPlaceNoun(toks[i + len].text))
      for (Mention& m : out)
        if (m.begin == i && m.end == i + len && m.type == EntityType::kLoc) m.type = EntityType::kMisc;
    // Free when no mention reaches out of the name; mentions inside it ("States" of
    // "United States") give way to the whole name.
    bool free = true, inside = false;
    for (const Mention& m : out)
      if (m.begin < i + len && i < m.end) {
        if (m.begin < i || m.end > i + len || len == 1) free = false;
        else inside = true;
      }
    if (free && inside)
      out.erase(std::remove_if(out.begin(), out.end(), [&](const Mention& m) { return m.begin < i + len && i < m.end; }),
                out.end());
    // "Turkey" or "Us" opening a sentence may be the common word.
    bool doubtful = len == 1 && i == 0 && (scratch.info[i].wkinds & kDictCommon);
    if (free && !doubtful) {
      EntityType et = EntityType::kMisc;
      if (g->kinds & (kGazCountry | kGazRegion)) et = EntityType::kLoc;
      else if (g->kinds & kGazOrganization) et = EntityType::kOrg;
      out.push_back({static_cast<uint32_t>(i), static_cast<uint32_t>(i + len), et});
      for (size_t k = i; k < i + len; ++k) covered[k] = 1;
    }
    i += len;
  }
  // Places written in lowercase, as web text often does ("flew into chicago"): a
  // country, subdivision or city name whose words are all lowercase letters and none
  // a common word of the dictionary ("nice", "reading", "china" stay out).
  for (size_t i = 0; i < n;) {
    const GazetteerEntry* g =
        covered[i] || !scratch.info[i].gaz ? nullptr : scratch.Match(gaz_, i);
    if (!g || !(g->kinds & (kGazCountry | kGazSubdivision | kGazCity | kGazOrganization | kGazOrgName))) {
      ++i;
      continue;
    }
    const size_t len = g->length;
    // "data-centre", "city-centre": a word after a hyphen that follows a lowercase
    // word is the second half of a compound, not a name.
    bool lowercase_name = !(i >= 2 && toks[i - 1].text == "-" && !toks[i - 2].text.empty() &&
                            toks[i - 2].text[0] >= 'a' && toks[i - 2].text[0] <= 'z');
    for (size_t k = i; k < i + len && lowercase_name; ++k) {
      std::string_view w = toks[k].text;
      lowercase_name = w.size() >= 4 && !covered[k] && !(scratch.info[k].wkinds & kDictCommon) &&
                       std::all_of(w.begin(), w.end(), [](char c) { return c >= 'a' && c <= 'z'; });
    }
    if (lowercase_name) {
      const bool place = g->kinds & (kGazCountry | kGazSubdivision | kGazCity);
      out.push_back({static_cast<uint32_t>(i), static_cast<uint32_t>(i + len), place ? EntityType::kLoc : EntityType::kOrg});
      for (size_t k = i; k < i + len; ++k) covered[k] = 1;
    }
    i += len;
  }
  std::sort(out.begin(), out.end(), [](const Mention& a, const Mention& b) { return a.begin < b.begin; });
}

void EntityRecognizer::annotate(Document& doc) const {
  if (doc.tokens.empty()) return;
  struct M {
    uint32_t tb, te;  // document token indexes
    EntityType type;
    uint32_t sentence;
  };
  std::vector<M> mentions;
  // One scratch per thread, so that its word cache outlives the document.
  static thread_local NerScratch scratch;
  std::vector<NerToken> toks;
  std::vector<Mention> found;
  std::vector<uint8_t> covered(doc.tokens.size(), 0);
  std::vector<uint32_t> sentence_of(doc.tokens.size(), 0);
  auto text = [&](uint32_t t) { return doc.view(doc.tokens[t].span); };
  // The gazetteer name that tokens [tb, te) are exactly, or null.
  auto listed_name = [&](uint32_t tb, uint32_t te) -> const GazetteerEntry* {
    std::vector<uint64_t> folded;
    for (uint32_t t = tb; t < te; ++t) folded.push_back(HashFolded(text(t)));
    const GazetteerEntry* g = gaz_.LongestMatch(folded.data(), folded.size(), 0);
    return g && g->length == folded.size() ? g : nullptr;
  };

  for (uint32_t si = 0; si < doc.sentences.size(); ++si) {
    const Sentence& s = doc.sentences[si];
    if (s.token_end <= s.token_begin || s.token_end > doc.tokens.size()) continue;
    toks.clear();
    for (uint32_t t = s.token_begin; t < s.token_end; ++t) {
      toks.push_back({text(t), doc.tokens[t].upos});
      sentence_of[t] = si;
    }
    RecognizeSentence(toks.data(), toks.size(), scratch, found);
    for (const Mention& m : found) {
      mentions.push_back({s.token_begin + m.begin, s.token_begin + m.end, m.type, si});
      for (uint32_t t = s.token_begin + m.begin; t < s.token_begin + m.end; ++t) covered[t] = 1;
    }
  }

  // Names the tokenizer cut at a hyphen ("Jean" "-" "Baptiste Lukusa"): two mentions
  // of one type joined by a hyphen with no space either side become one.
  {
    auto glued = [&](uint32_t a, uint32_t b) { return doc.tokens[a].span.end == doc.tokens[b].span.start; };
    auto hyphen = [&](uint32_t t) {
      std::string_view w = text(t);
      return w == "-" || w == "\xE2\x80\x90" || w == "\xE2\x80\x91";
    };
    std::vector<M> merged;
    for (const M& m : mentions) {
      if (!merged.empty()) {
        M& last = merged.back();
        if (last.type == m.type && last.sentence == m.sentence && m.tb == last.te + 1 && hyphen(last.te) &&
            glued(last.te - 1, last.te) && glued(last.te, m.tb)) {
          last.te = m.te;
          covered[m.tb - 1] = 1;
          continue;
        }
      }
      merged.push_back(m);
    }
    mentions.swap(merged);
  }

  // The parenthesised part of a wire dateline ("LIMA (Andes Report) - ") names the
  // agency: one organisation, whatever the model made of its words ("Balkan" of
  // "(Balkan Observer)" alone as a place, or nothing).
  {
    bool changed = false;
    // Tokens [tb, te) become one mention of `type`, in place of those inside them.
    auto replace = [&](uint32_t tb, uint32_t te, EntityType type, uint32_t si) {
      mentions.erase(std::remove_if(mentions.begin(), mentions.end(),
                                    [&](const M& m) { return m.tb >= tb && m.te <= te; }),
                     mentions.end());
      mentions.push_back({tb, te, type, si});
      for (uint32_t t = tb; t < te; ++t) covered[t] = 1;
      changed = true;
    };
    for (uint32_t si = 0; si < doc.sentences.size(); ++si) {
      const Sentence& s = doc.sentences[si];
      if (s.token_end > doc.tokens.size() || s.token_begin >= s.token_end) continue;
      if (si > 0 && doc.sentences[si - 1].paragraph == s.paragraph) continue;
      const uint32_t end = DatelineEnd(doc, s.token_begin, s.token_end);
      if (end == s.token_begin) continue;
      // The place opening it ("GOMA, Congo (Reuters) - ") is a place.
      uint32_t place_end = s.token_begin;
      while (place_end < end && IsUpperStart(text(place_end))) ++place_end;
      if (place_end > s.token_begin && place_end < end && (text(place_end) == "," || text(place_end) == "("))
        replace(s.token_begin, place_end, EntityType::kLoc, si);
      uint32_t open = s.token_begin;
      while (open < end && text(open) != "(") ++open;
      uint32_t close = open;
      while (close < end && text(close) != ")") ++close;
      if (open + 1 >= close || close >= end) continue;
      bool caps = true;
      for (uint32_t t = open + 1; t < close && caps; ++t) caps = IsUpperStart(text(t)) || text(t) == "&";
      if (!caps) continue;
      replace(open + 1, close, EntityType::kOrg, si);
    }
    if (changed) std::sort(mentions.begin(), mentions.end(), [](const M& x, const M& y) { return x.tb < y.tb; });
  }
  // A "person" the text introduces as an organisation is one: "the operator, Hidro
  // Srbija,", "the chipmaker Valtrex", "Lumora, a streaming service,". (Repeats of the
  // name take its type in the step after.)
  for (M& m : mentions) {
    // "an analyst at Bernstein", "a researcher at Kestrel Partners": a name after a
    // role word and "at" is where the role is held; a person or an unlisted "place"
    // there is an organisation.
    if ((m.type == EntityType::kPerson || m.type == EntityType::kLoc) &&
        m.tb >= doc.sentences[m.sentence].token_begin + 2 && text(m.tb - 1) == "at" &&
        (gaz_.WordKinds(HashFolded(text(m.tb - 2))) & kWordTitle)) {
      if (!listed_name(m.tb, m.te)) m.type = EntityType::kOrg;
    }
    if (m.type != EntityType::kPerson) continue;
    const Sentence& s = doc.sentences[m.sentence];
    auto org_noun = [&](uint32_t t) { return IsOrgNoun(text(t)); };
    bool org = (m.tb > s.token_begin && org_noun(m.tb - 1)) ||
               (m.tb >= s.token_begin + 2 && text(m.tb - 1) == "," && org_noun(m.tb - 2));
    if (!org && m.te + 2 < s.token_end && text(m.te) == "," &&
        (text(m.te + 1) == "the" || text(m.te + 1) == "a" || text(m.te + 1) == "an")) {
      for (uint32_t k = m.te + 2; k < s.token_end && k <= m.te + 6; ++k) {
        const std::string_view w = text(k);
        if (w == "of" || w == "for" || w == "at" || w == "in" || w == "with" || IsPossessive(w)) break;
        if (org_noun(k) && k + 1 < s.token_end && (text(k + 1) == "," || text(k + 1) == "." || text(k + 1) == ";")) {
          org = true;
          break;
        }
      }
    }
    if (org) m.type = EntityType::kOrg;
  }
  // A "place" the text introduces as a person is one: "Hodan Farah, the group's
  // director," or "Hodan Farah, a nurse," where "Farah" is also a town. Only a name of
  // two or more words that is not itself a listed place, followed by an apposition
  // that holds a title (data/ner/titles.txt) or a role noun (IsRoleNoun) before its end.
  for (M& m : mentions) {
    if (m.type != EntityType::kLoc || m.te - m.tb < 2) continue;
    const Sentence& s = doc.sentences[m.sentence];
    if (m.te + 2 >= s.token_end || text(m.te) != "," || !IsDeterminer(text(m.te + 1))) continue;
    if (listed_name(m.tb, m.te)) continue;
    for (uint32_t k = m.te + 2; k < s.token_end && k <= m.te + 7; ++k) {
      const std::string_view w = text(k);
      if (w == "," || w == "." || w == ";" || w == "of" || w == "in" || w == "at" || w == "for") break;
      if ((gaz_.WordKinds(HashFolded(w)) & kWordTitle) || IsRoleNoun(w)) {
        m.type = EntityType::kPerson;
        break;
      }
    }
  }
  // ... and a capitalised run the model left out after "the chipmaker" is one too.
  {
    const size_t before = mentions.size();
    for (uint32_t si = 0; si < doc.sentences.size(); ++si) {
      const Sentence& s = doc.sentences[si];
      if (s.token_end > doc.tokens.size()) continue;
      for (uint32_t t = s.token_begin + 1; t + 1 < s.token_end; ++t) {
        const std::string_view det = text(t - 1);
        if (!(det == "the" || det == "The" || det == "a" || det == "A") || !IsOrgNoun(text(t))) continue;
        uint32_t e = t + 1;
        while (e < s.token_end && e - t <= 5 && !covered[e] && IsUpperStart(text(e)) && !IsCalendarWord(text(e)) &&
               !(gaz_.WordKinds(HashFolded(text(e))) & kWordTitle))
          ++e;
        if (e == t + 1 || (e < s.token_end && covered[e])) continue;
        mentions.push_back({t + 1, e, EntityType::kOrg, si});
        for (uint32_t k = t + 1; k < e; ++k) covered[k] = 1;
      }
    }
    if (mentions.size() != before)
      std::sort(mentions.begin(), mentions.end(), [](const M& x, const M& y) { return x.tb < y.tb; });
  }
  // A name that ends in a lowercase organisation noun is that organisation: "the FNV
  // union", "the ruling Tawana party"; one the model left out ("the Likud party") is
  // added, the capitalised name alone, as UNER spans it.
  for (M& m : mentions) {
    if (m.type == EntityType::kOrg) continue;
    if (m.te - m.tb >= 2 && IsOrgTailNoun(text(m.te - 1))) m.type = EntityType::kOrg;
    // "the Tarvos union" with "Tarvos" taken for a place: unless it is a listed place
    // ("the Bihar government" is Bihar's). A person stays one ("the Karzai
    // government").
    if (m.type == EntityType::kLoc && m.tb > 0 && m.te < doc.tokens.size() && IsDeterminer(text(m.tb - 1)) &&
        IsOrgTailNoun(text(m.te)) && m.sentence == sentence_of[m.te]) {
      if (!listed_name(m.tb, m.te)) m.type = EntityType::kOrg;
    }
  }
  {
    const size_t before = mentions.size();
    for (uint32_t si = 0; si < doc.sentences.size(); ++si) {
      const Sentence& s = doc.sentences[si];
      if (s.token_end > doc.tokens.size()) continue;
      for (uint32_t t = s.token_begin + 1; t < s.token_end; ++t) {
        if (!(text(t - 1) == "the" || text(t - 1) == "The") || covered[t] || !IsUpperStart(text(t)) ||
            IsCalendarWord(text(t)))
          continue;
        uint32_t e = t;
        while (e < s.token_end && e - t < 4 && !covered[e] && IsUpperStart(text(e)) && !IsCalendarWord(text(e))) ++e;
        // A lone adjective is no name ("the Islamic party", "the Socialist group").
        const GazetteerEntry* demonym = e == t + 1 ? listed_name(t, e) : nullptr;
        const bool adjective = e == t + 1 && (doc.tokens[t].upos == "ADJ" ||
                                              (demonym && (demonym->kinds & kGazDemonym)));
        if (e >= s.token_end || covered[e] || !IsOrgTailNoun(text(e)) || adjective) {
          t = e;
          continue;
        }
        mentions.push_back({t, e, EntityType::kOrg, si});  // the name, as UNER spans it
        for (uint32_t k = t; k < e; ++k) covered[k] = 1;
        t = e;
      }
    }
    if (mentions.size() != before)
      std::sort(mentions.begin(), mentions.end(), [](const M& x, const M& y) { return x.tb < y.tb; });
  }
  // The names a plural organisation noun lists are organisations: "shipping lines
  // including Maersk and MSC", "automakers such as Toyota, Kia and Renault".
  {
    const size_t before = mentions.size();
    for (uint32_t si = 0; si < doc.sentences.size(); ++si) {
      const Sentence& s = doc.sentences[si];
      if (s.token_end > doc.tokens.size()) continue;
      for (uint32_t t = s.token_begin + 1; t + 1 < s.token_end; ++t) {
        uint32_t noun = t - 1, first = t + 1;
        if (text(t) == "such" && text(t + 1) == "as") ++first;
        else if (text(t) != "including" && text(t) != "like") continue;
        if (text(noun) == "," && noun > s.token_begin) --noun;
        std::string low(text(noun));  // "Automakers such as ..." may open the sentence
        if (!low.empty() && low[0] >= 'A' && low[0] <= 'Z') low[0] = static_cast<char>(low[0] + 32);
        if (!IsOrgNounPlural(low)) continue;
        // The list: capitalised runs joined by commas, "and", "or", "&".
        for (uint32_t k = first; k < s.token_end;) {
          const std::string_view w = text(k);
          if (w == "," || w == "and" || w == "or" || w == "&") { ++k; continue; }
          if (!IsUpperStart(w) || IsCalendarWord(w)) break;
          uint32_t e = k;
          while (e < s.token_end && IsUpperStart(text(e)) && !IsCalendarWord(text(e))) ++e;
          bool placed = false;  // a listed place stays one ("lenders like Banco de Chile" aside)
          for (M& m : mentions) {
            if (m.tb != k || m.te != e) continue;
            placed = true;
            if (m.type == EntityType::kPerson) m.type = EntityType::kOrg;
          }
          bool free = !placed;
          for (uint32_t q = k; q < e && free; ++q) free = !covered[q];
          if (free) {
            mentions.push_back({k, e, EntityType::kOrg, si});
            for (uint32_t q = k; q < e; ++q) covered[q] = 1;
          }
          k = e;
        }
      }
    }
    if (mentions.size() != before)
      std::sort(mentions.begin(), mentions.end(), [](const M& x, const M& y) { return x.tb < y.tb; });
  }

  // A name tagged once is tagged wherever it recurs (capitalised, not a lone common
  // word opening a sentence), and so are a person's surname and an organisation's
  // first word used alone.
  {
    std::unordered_map<std::string_view, std::vector<size_t>> by_first;
    // Surnames: the last word of a person's full name, which news text uses alone
    // ("Doe said"), even at the start of a sentence.
    std::unordered_map<std::string_view, size_t> surnames;
    std::unordered_map<std::string_view, size_t> short_orgs;
    for (size_t k = 0; k < mentions.size(); ++k) {
      const M& m = mentions[k];
      if (m.type != EntityType::kMisc && IsUpperStart(text(m.tb))) by_first[text(m.tb)].push_back(k);
      if (m.type == EntityType::kPerson && m.te - m.tb >= 2 && IsUpperStart(text(m.te - 1)) && text(m.te - 1).size() > 1)
        surnames.emplace(text(m.te - 1), k);
      // Short forms: the first word of an organisation's name, which text uses alone
      // ("Mozilla" after "Mozilla Foundation"), unless it is a title, an organisation
      // head, a first name, a common word ("Justice" of "Justice Department") or a
      // listed name of its own (a place, a demonym).
      if (m.type == EntityType::kOrg && m.te - m.tb >= 2 && IsUpperStart(text(m.tb)) && text(m.tb).size() > 2) {
        const uint64_t h = HashFolded(text(m.tb));
        if (!(gaz_.WordKinds(h) & (kWordTitle | kWordOrgHead | kWordFirstName | kDictCommon)) &&
            !gaz_.LongestMatch(&h, 1, 0))
          short_orgs.emplace(text(m.tb), k);
      }
    }
    std::vector<M> added;
    for (uint32_t si = 0; si < doc.sentences.size(); ++si) {
      const Sentence& s = doc.sentences[si];
      if (s.token_end > doc.tokens.size()) continue;
      for (uint32_t t = s.token_begin; t < s.token_end; ++t) {
        // All three tables hold capitalised words only: the rest need no lookup.
        if (covered[t] || !IsUpperStart(text(t))) continue;
        if (auto sn = surnames.find(text(t)); sn != surnames.end() && !(t + 1 < s.token_end && IsUpperStart(text(t + 1)) &&
                                                                        !IsPossessive(text(t + 1)))) {
          added.push_back({t, t + 1, EntityType::kPerson, si});
          covered[t] = 1;
          continue;
        }
        // A short form stands alone: no capitalised word glued on either side.
        if (!short_orgs.empty() && short_orgs.count(text(t)) &&
            !(t + 1 < s.token_end && IsUpperStart(text(t + 1)) && !IsPossessive(text(t + 1))) &&
            !(t > s.token_begin && IsUpperStart(text(t - 1)) && t - 1 != s.token_begin)) {
          added.push_back({t, t + 1, EntityType::kOrg, si});
          covered[t] = 1;
          continue;
        }
        auto it = by_first.find(text(t));
        if (it == by_first.end()) continue;
        const M* best = nullptr;
        for (size_t k : it->second) {
          const M& m = mentions[k];
          uint32_t len = m.te - m.tb;
          if (t + len > s.token_end || (best && best->te - best->tb >= len)) continue;
          bool same = true;
          for (uint32_t q = 0; q < len && same; ++q) same = !covered[t + q] && text(t + q) == text(m.tb + q);
          if (!same) continue;
          // The name must end where a name can end: not glued to a following capital.
          if (t + len < s.token_end && IsUpperStart(text(t + len)) && !IsPossessive(text(t + len))) continue;
          if (t > s.token_begin && IsUpperStart(text(t - 1)) && t - 1 != s.token_begin) continue;
          if (len == 1 && t == s.token_begin && (gaz_.WordKinds(HashFolded(text(t))) & kDictCommon)) continue;
          best = &m;
        }
        if (!best) continue;
        uint32_t len = best->te - best->tb;
        added.push_back({t, t + len, best->type, si});
        for (uint32_t q = t; q < t + len; ++q) covered[q] = 1;
        t += len - 1;
      }
    }
    mentions.insert(mentions.end(), added.begin(), added.end());
    std::sort(mentions.begin(), mentions.end(), [](const M& a, const M& b) { return a.tb < b.tb; });
  }

  // What the gazetteer says of each mention: the exact name, or (organisations) a
  // country or demonym inside it.
  struct Place {
    const GazetteerEntry* entry = nullptr;
    std::string country;
  };
  std::vector<Place> places(mentions.size());
  std::vector<uint64_t> folded;
  std::vector<std::string> doc_countries;
  for (size_t k = 0; k < mentions.size(); ++k) {
    const M& m = mentions[k];
    folded.clear();
    for (uint32_t t = m.tb; t < m.te; ++t) folded.push_back(HashFolded(text(t)));
    const GazetteerEntry* g = gaz_.LongestMatch(folded.data(), folded.size(), 0);
    if (g && g->length == folded.size()) {
      places[k].entry = g;
      places[k].country = std::string(g->country, g->country[1] ? 2 : 0);
      if (m.type == EntityType::kLoc && (g->kinds & kGazCountry)) doc_countries.push_back(places[k].country);
    } else if (m.type == EntityType::kOrg) {
      for (size_t i = 0; i < folded.size(); ++i) {
        const GazetteerEntry* h = gaz_.LongestMatch(folded.data(), folded.size(), i);
        if (h && (h->kinds & (kGazCountry | kGazDemonym)) && h->country[0]) {
          places[k].country = std::string(h->country, 2);
          break;
        }
      }
    }
  }

  // "said Washington would send aid": a one-word "person" that the gazetteer knows as
  // a country or a state and not as a first name, and that no fuller person name of
  // the document holds, is the place (its government, in such sentences).
  for (size_t k = 0; k < mentions.size(); ++k) {
    M& m = mentions[k];
    const GazetteerEntry* g = places[k].entry;
    if (m.type != EntityType::kPerson || m.te != m.tb + 1 || !g || !(g->kinds & (kGazCountry | kGazSubdivision)) ||
        (gaz_.WordKinds(HashFolded(text(m.tb))) & kWordFirstName))
      continue;
    bool fuller = false;
    for (const M& o : mentions) {
      if (o.type != EntityType::kPerson || o.te - o.tb < 2) continue;
      for (uint32_t t = o.tb; t < o.te && !fuller; ++t) fuller = text(t) == text(m.tb);
    }
    if (!fuller) {
      m.type = EntityType::kLoc;
      if (g->kinds & kGazCountry) doc_countries.push_back(places[k].country);
    }
  }

  // Linking.
  struct Cluster {
    EntityType type;
    std::vector<std::string> words;  // folded words of the fullest name
    size_t best = 0;                 // mention index of the fullest name
    std::string country;             // for countries
    Gender gender = kUnknownGender;
  };
  std::vector<Cluster> clusters;
  std::vector<int> cluster_of(mentions.size(), -1);
  std::map<std::string, int> exact;  // folded text -> cluster
  for (size_t k = 0; k < mentions.size(); ++k) {
    M& m = mentions[k];
    std::vector<std::string> words;
    std::vector<std::string_view> raw;
    std::string key;
    for (uint32_t t = m.tb; t < m.te; ++t) {
      words.push_back(FoldCase(text(t)));
      raw.push_back(text(t));
      key += words.back();
      key += ' ';
    }
    int c = -1;
    if (auto it = exact.find(key); it != exact.end()) {
      c = it->second;
      m.type = clusters[static_cast<size_t>(c)].type;
    }
    const bool is_country = places[k].entry && (places[k].entry->kinds & kGazCountry) && m.type == EntityType::kLoc;
    for (size_t q = clusters.size(); c < 0 && q-- > 0;) {
      const Cluster& cl = clusters[q];
      if (cl.type != m.type) continue;
      const M& best = mentions[cl.best];
      std::vector<std::string_view> best_raw;
      for (uint32_t t = best.tb; t < best.te; ++t) best_raw.push_back(text(t));
      bool match = false;
      switch (m.type) {
        case EntityType::kPerson: {
          bool capital = std::all_of(raw.begin(), raw.end(), [](std::string_view w) { return IsUpperStart(w); });
          match = capital && (ContainsRun(cl.words, words) || ContainsRun(words, cl.words));
          break;
        }
        case EntityType::kOrg: {
          std::string a = raw.size() == 1 && IsAcronym(raw[0]) ? StripDots(raw[0]) : "";
          std::string b = best_raw.size() == 1 && IsAcronym(best_raw[0]) ? StripDots(best_raw[0]) : "";
          match = (!a.empty() && a == Initials(best_raw)) || (!b.empty() && b == Initials(raw)) ||
                  (words.size() >= 2 && ContainsRun(cl.words, words)) ||
                  // "NBC" after "NBC News"; not "Department" after "Justice Department".
                  (words.size() == 1 && cl.words.size() >= 2 && words[0] == cl.words[0] &&
                   !(gaz_.WordKinds(HashFolded(words[0])) & kWordOrgHead)) ||
                  (cl.words.size() >= 2 && ContainsRun(words, cl.words));
          break;
        }
        case EntityType::kLoc:
          match = is_country && !cl.country.empty() && cl.country == places[k].country;
          break;
        case EntityType::kMisc:
          break;
      }
      if (match) c = static_cast<int>(q);
    }
    if (c < 0) {
      c = static_cast<int>(clusters.size());
      clusters.push_back({m.type, words, k, is_country ? places[k].country : "", kUnknownGender});
    } else {
      Cluster& cl = clusters[static_cast<size_t>(c)];
      const M& best = mentions[cl.best];
      size_t best_bytes = doc.tokens[best.te - 1].span.end - doc.tokens[best.tb].span.start;
      size_t bytes = doc.tokens[m.te - 1].span.end - doc.tokens[m.tb].span.start;
      if (m.te - m.tb > best.te - best.tb || (m.te - m.tb == best.te - best.tb && bytes > best_bytes)) {
        cl.best = k;
        cl.words = words;
      }
    }
    cluster_of[k] = c;
    exact.emplace(key, c);
    // Gender cues just before a person's name.
    if (m.type == EntityType::kPerson && m.tb > 0 && sentence_of[m.tb - 1] == m.sentence) {
      Gender g = CueGender(text(m.tb - 1));
      if (g != kUnknownGender) clusters[static_cast<size_t>(c)].gender = g;
    }
  }

  // Pronouns outside quotation marks.
  struct P {
    uint32_t token;
    int cluster;
  };
  std::vector<P> pronouns;
  {
    // Quotation state per paragraph: curly quotes open and close, straight ones toggle.
    std::vector<uint8_t> in_quote(doc.tokens.size(), 0);
    uint32_t paragraph = UINT32_MAX;
    bool open = false;
    for (const Sentence& s : doc.sentences) {
      if (s.paragraph != paragraph) { paragraph = s.paragraph; open = false; }
      for (uint32_t t = s.token_begin; t < s.token_end && t < doc.tokens.size(); ++t) {
        std::string_view w = text(t);
        if (doc.tokens[t].kind == TokenKind::kQuote) {
          if (w == "\xE2\x80\x9C" || w == "\xC2\xAB") open = true;
          else if (w == "\xE2\x80\x9D" || w == "\xC2\xBB") open = false;
          else if (w == "\"") open = !open;
          continue;
        }
        in_quote[t] = open;
      }
    }
    // Candidate antecedents in text order: named PERSON mentions, then resolved pronouns.
    struct A { uint32_t token; uint32_t sentence; int cluster; };
    std::vector<A> antecedents;
    size_t next_mention = 0;
    for (uint32_t si = 0; si < doc.sentences.size(); ++si) {
      const Sentence& s = doc.sentences[si];
      for (uint32_t t = s.token_begin; t < s.token_end && t < doc.tokens.size(); ++t) {
        while (next_mention < mentions.size() && mentions[next_mention].tb <= t) {
          if (mentions[next_mention].type == EntityType::kPerson)
            antecedents.push_back({mentions[next_mention].tb, mentions[next_mention].sentence,
                                   cluster_of[next_mention]});
          ++next_mention;
        }
        if (covered[t] || in_quote[t]) continue;
        Gender g = PronounGender(text(t));
        if (g == kUnknownGender) continue;
        // The first compatible person of the nearest sentence (this one, before the
        // pronoun, or up to three before).
        int chosen = -1;
        for (uint32_t back = 0; back <= 3 && back <= si && chosen < 0; ++back) {
          uint32_t target = si - back;
          for (const A& a : antecedents) {
            if (a.sentence != target || a.token >= t) continue;
            Gender cg = clusters[static_cast<size_t>(a.cluster)].gender;
            if (cg != kUnknownGender && cg != g) continue;
            chosen = a.cluster;
            break;
          }
        }
        if (chosen < 0) continue;
        Cluster& cl = clusters[static_cast<size_t>(chosen)];
        if (cl.gender == kUnknownGender) cl.gender = g;
        pronouns.push_back({t, chosen});
        antecedents.push_back({t, si, chosen});
      }
    }
  }

  // Ids in order of first mention.
  std::vector<int> id_of(clusters.size(), 0);
  int next_id = 0;
  for (size_t k = 0; k < mentions.size(); ++k) {
    int c = cluster_of[k];
    if (!id_of[static_cast<size_t>(c)]) id_of[static_cast<size_t>(c)] = ++next_id;
  }
  for (const P& p : pronouns)
    if (!id_of[static_cast<size_t>(p.cluster)]) id_of[static_cast<size_t>(p.cluster)] = ++next_id;
  auto canonical = [&](int c) {
    const M& best = mentions[clusters[static_cast<size_t>(c)].best];
    return std::string(doc.view({doc.tokens[best.tb].span.start, doc.tokens[best.te - 1].span.end}));
  };

  std::vector<Entity> out;
  out.reserve(mentions.size() + pronouns.size());
  for (size_t k = 0; k < mentions.size(); ++k) {
    const M& m = mentions[k];
    Entity e;
    e.span = {doc.tokens[m.tb].span.start, doc.tokens[m.te - 1].span.end};
    e.type = m.type;
    e.canonical = canonical(cluster_of[k]);
    e.id = "e" + std::to_string(id_of[static_cast<size_t>(cluster_of[k])]);
    e.country = places[k].country;
    const GazetteerEntry* g = places[k].entry;
    if (m.type == EntityType::kLoc && g && (g->kinds & kGazCity) && !(g->kinds & kGazCountry) && g->city_count) {
      // The city in a country the document names, else the most populous; a name that
      // is also a state or province ("Washington") is a city only when large.
      uint32_t pick = g->city_begin;
      for (uint32_t q = g->city_begin; q < g->city_begin + g->city_count; ++q)
        if (std::find(doc_countries.begin(), doc_countries.end(), gaz_.city(q).country) != doc_countries.end()) {
          pick = q;
          break;
        }
      const City& city = gaz_.city(pick);
      if (!(g->kinds & kGazSubdivision) || city.population >= 500000) {
        e.geonames_id = city.geonames_id;
        e.latitude = city.latitude;
        e.longitude = city.longitude;
        e.country = city.country;
      }
    }
    out.push_back(std::move(e));
  }
  for (const P& p : pronouns) {
    Entity e;
    e.span = doc.tokens[p.token].span;
    e.type = EntityType::kPerson;
    e.canonical = canonical(p.cluster);
    e.id = "e" + std::to_string(id_of[static_cast<size_t>(p.cluster)]);
    e.pronoun = true;
    out.push_back(std::move(e));
  }
  std::stable_sort(out.begin(), out.end(), [](const Entity& a, const Entity& b) { return a.span.start < b.span.start; });
  doc.entities.insert(doc.entities.end(), out.begin(), out.end());
  std::stable_sort(doc.entities.begin(), doc.entities.end(),
                   [](const Entity& a, const Entity& b) { return a.span.start < b.span.start; });
}

}  // namespace newsledger
