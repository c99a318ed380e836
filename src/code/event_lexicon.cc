// event_lexicon.cc: readers for the PETRARCH dictionary formats and for our compact
// lexicon files.
//
// PETRARCH verb dictionary (CAMEO.verbpatterns.*.txt, PETR.Validate.verbs.txt):
//   &SYNSET            a word class, its members on following "+WORD" lines
//   --- NAME [code] ---  a verb block; "[---]" = no code; "[041:041]" = source:target
//   WORD {FORMS} [code]  a verb of the block (own code optional, irregular forms)
//   +WORD_WORD {...}     a multiword verb
//   - pre * post [code]  a phrase pattern: '*' is the verb, '_' joins words, '+' '$'
//                        '%' '^' mark target/source/compound/skip (ignored here)
// Actor dictionaries: "NAME_ [CODE]" then "+SYNONYM" lines; codes may sit on their
// own "[CODE < date]" lines (the last one listed wins). Agent dictionary:
// "!SUBST! = A, B" substitutions, "NAME {PLURALS} [~CODE]".
// '#' starts a comment; <!-- --> comments may span lines.
#include "code/event_lexicon.h"


#include <algorithm>
#include <array>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "newsledger/error.h"
#include "newsledger/resources.h"

namespace newsledger {

namespace fs = std::filesystem;

namespace {

std::string Trim(std::string_view s) {
  size_t b = 0, e = s.size();
  while (b < e && (s[b] == ' ' || s[b] == '\t' || s[b] == '\r')) ++b;
  while (e > b && (s[e - 1] == ' ' || s[e - 1] == '\t' || s[e - 1] == '\r')) --e;
  return std::string(s.substr(b, e - b));
}

std::vector<std::string> Split(std::string_view s, char sep) {
  std::vector<std::string> out;
  size_t b = 0;
  for (size_t i = 0; i <= s.size(); ++i) {
    if (i == s.size() || s[i] == sep) {
      out.emplace_back(s.substr(b, i - b));
      b = i + 1;
    }
  }
  return out;
}

std::vector<std::string> Words(std::string_view s) {
  std::vector<std::string> out;
  std::string cur;
  for (char c : s) {
    if (c == ' ' || c == '\t' || c == '_') {
      if (!cur.empty()) out.push_back(std::move(cur)), cur.clear();
    } else {
      cur += c;
    }
  }
  if (!cur.empty()) out.push_back(std::move(cur));
  return out;
}

std::string Join(const std::vector<std::string>& w, std::string_view sep = " ") {
  std::string out;
  for (size_t i = 0; i < w.size(); ++i) {
    if (i) out += sep;
    out += w[i];
  }
  return out;
}

// Dictionary name ("UNITED_STATES_", "HAMAS WING") -> lexicon key ("united states").
std::string NameKey(std::string_view raw) { return LexiconKey(Join(Words(raw))); }

bool IsVowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }

// Regular inflections of a lowercase English verb (or noun plural with s_only).
std::vector<std::string> RegularForms(const std::string& w, bool s_only = false) {
  std::vector<std::string> out;
  if (w.empty()) return out;
  char last = w.back();
  bool cons_y = w.size() > 1 && last == 'y' && !IsVowel(w[w.size() - 2]);
  auto ends = [&](std::string_view suf) { return w.size() >= suf.size() && w.compare(w.size() - suf.size(), suf.size(), suf) == 0; };
  if (cons_y) out.push_back(w.substr(0, w.size() - 1) + "ies");
  else if (last == 's' || last == 'x' || last == 'z' || ends("ch") || ends("sh")) out.push_back(w + "es");
  else out.push_back(w + "s");
  if (s_only) return out;
  if (last == 'e') out.push_back(w + "d");
  else if (cons_y) out.push_back(w.substr(0, w.size() - 1) + "ied");
  else out.push_back(w + "ed");
  if (ends("ie")) out.push_back(w.substr(0, w.size() - 2) + "ying");
  else if (last == 'e' && !ends("ee") && w.size() > 2) out.push_back(w.substr(0, w.size() - 1) + "ing");
  else out.push_back(w + "ing");
  return out;
}

// Reads a dictionary file into lines with comments removed (both '#' and <!-- -->).
std::vector<std::string> ReadDictionaryLines(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw Error(file.string(), "cannot open");
  std::vector<std::string> lines;
  std::string line;
  bool in_xml_comment = false;
  while (std::getline(in, line)) {
    std::string out;
    size_t i = 0;
    while (i < line.size()) {
      if (in_xml_comment) {
        size_t e = line.find("-->", i);
        if (e == std::string::npos) { i = line.size(); break; }
        in_xml_comment = false;
        i = e + 3;
        continue;
      }
      if (line.compare(i, 4, "<!--") == 0) { in_xml_comment = true; i += 4; continue; }
      if (line[i] == '#') break;
      out += line[i++];
    }
    lines.push_back(Trim(out));
  }
  return lines;
}

// Text inside the last [...] of s, or empty; `rest` gets s without the brackets.
std::string BracketCode(const std::string& s, std::string* rest = nullptr) {
  size_t e = s.rfind(']');
  size_t b = e == std::string::npos ? std::string::npos : s.rfind('[', e);
  if (b == std::string::npos) {
    if (rest) *rest = s;
    return "";
  }
  if (rest) *rest = Trim(s.substr(0, b));
  return Trim(s.substr(b + 1, e - b - 1));
}

std::string Upper(std::string s) {
  for (char& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return s;
}

}  // namespace

std::string LexiconKey(std::string_view word) {
  std::string out;
  AssignLexiconKey(word, out);
  return out;
}

namespace {

// The key byte of each plain byte: '_' joins the words of a name in the dictionaries
// (and in some texts) and becomes a space; ASCII lowercase without the locale
// (std::tolower's per-byte call cost).
constexpr std::array<char, 256> kKeyByte = [] {
  std::array<char, 256> m{};
  for (int c = 0; c < 256; ++c)
    m[c] = static_cast<char>(c == '_' ? ' ' : (c >= 'A' && c <= 'Z') ? c + 32 : c);
  return m;
}();

}  // namespace

void AssignLexiconKey(std::string_view word, std::string& out) {
  // Every rewrite keeps the key's length or shortens it, so the key is written into a
  // buffer of the word's size and cut to length: no per-byte append.
  out.resize(word.size());
  char* o = out.data();
  size_t n = 0;
  for (size_t i = 0; i < word.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(word[i]);
    // U+2018/U+2019 (E2 80 98/99) -> '; U+2010..U+2015 dashes -> '-'.
    if (c == 0xE2 && i + 2 < word.size() && static_cast<unsigned char>(word[i + 1]) == 0x80) {
      unsigned char d = static_cast<unsigned char>(word[i + 2]);
      if (d == 0x98 || d == 0x99) { o[n++] = '\''; i += 2; continue; }
      if (d >= 0x90 && d <= 0x95) { o[n++] = '-'; i += 2; continue; }
    }
    o[n++] = kKeyByte[c];
  }
  out.resize(n);
}

EventLexicon::EventLexicon() { patterns_.emplace_back(); }

std::string EventLexicon::SectorOfCode(std::string_view code) {
  std::string c;
  for (char ch : code) if (ch != '~' && ch != ' ') c += ch;
  if (c.size() > 3) c = c.substr(0, 3);
  static const std::map<std::string, std::string, std::less<>> kSectors = {
      {"GOV", "government"}, {"LEG", "government"}, {"JUD", "government"}, {"ELI", "government"},
      {"PTY", "government"}, {"MIL", "military"},   {"SPY", "military"},   {"COP", "police"},
      {"REB", "rebel"},      {"INS", "rebel"},      {"UAF", "rebel"},      {"SEP", "rebel"},
      {"IMG", "rebel"},      {"CRM", "criminal"},   {"OPP", "opposition"}, {"BUS", "business"},
      {"MED", "media"},      {"NGO", "ngo"},        {"NGM", "ngo"},        {"HRI", "ngo"},
      {"IGO", "igo"},        {"CVL", "civilian"},   {"REF", "civilian"},   {"EDU", "civilian"},
      {"LAB", "civilian"},   {"HLH", "civilian"},   {"AGR", "civilian"},   {"PPL", "civilian"},
      {"REL", "religious"},  {"MUS", "religious"},  {"CHR", "religious"},  {"JEW", "religious"},
      {"HIN", "religious"},  {"BUD", "religious"},  {"ENV", "civilian"},   {"RAD", "rebel"},
  };
  auto it = kSectors.find(c);
  return it == kSectors.end() ? std::string() : it->second;
}

void EventLexicon::AddForm(const std::string& form, const std::string& lemma) {
  // The first lemma claiming a form keeps it ("left" stays "leave", not "left").
  forms_.emplace(form, lemma);
  size_t n = std::count(form.begin(), form.end(), ' ') + 1;
  max_verb_words_ = std::max(max_verb_words_, n);
}

// ---------------------------------------------------------------------------
// PETRARCH verbs.

void EventLexicon::AddPetrarchVerbs(const fs::path& file) {
  std::vector<std::string> lines = ReadDictionaryLines(file);
  std::map<std::string, std::vector<std::string>> synsets;  // "&NAME" -> raw members
  enum class State { kNone, kSynset, kBlock } state = State::kNone;
  bool block_open = false;
  std::string synset, block_code;
  uint32_t block = 0;

  auto expand = [&](const std::string& raw, auto&& self, int depth) -> std::vector<std::string> {
    std::vector<std::string> out;
    std::string name = raw;
    while (!name.empty() && name.back() == '_') name.pop_back();
    auto it = synsets.find(name);
    if (it == synsets.end()) it = synsets.find(name + "_");
    if (it == synsets.end() || depth > 4) return out;
    for (const std::string& m : it->second) {
      if (!m.empty() && m[0] == '&') {
        for (std::string& x : self(m, self, depth + 1)) out.push_back(std::move(x));
        continue;
      }
      std::vector<std::string> w = Words(m);
      if (w.empty()) continue;
      std::string key = LexiconKey(w[0]);
      bool exact = w.size() > 1 || m.back() == '_' || key.size() < 4;
      out.push_back(exact ? key : key + "*");
    }
    return out;
  };

  auto add_verb = [&](std::string text, size_t lineno) {
    // "WORD {FORMS} [code]" or "+WORD_WORD {+FORMS}"
    std::string own;
    std::string rest;
    own = BracketCode(text, &rest);
    std::string forms_text;
    size_t lb = rest.find('{');
    if (lb != std::string::npos) {
      size_t rb = rest.find('}', lb);
      if (rb == std::string::npos) throw Error(file.string() + ":" + std::to_string(lineno), "unclosed {");
      forms_text = rest.substr(lb + 1, rb - lb - 1);
      rest = Trim(rest.substr(0, lb));
    }
    if (!rest.empty() && rest[0] == '+') rest = rest.substr(1);
    std::vector<std::string> w = Words(rest);
    if (w.empty()) return;
    for (std::string& x : w) x = LexiconKey(x);
    std::string lemma = Join(w);
    std::string code = own.empty() ? block_code : own;
    VerbEntry e;
    e.code = code;
    e.block = block;
    verbs_.emplace(lemma, e);
    AddForm(lemma, lemma);
    std::vector<std::string> rest_words(w.begin() + 1, w.end());
    std::string tail = rest_words.empty() ? "" : " " + Join(rest_words);
    for (const std::string& f : RegularForms(w[0])) AddForm(f + tail, lemma);
    for (const std::string& f : Split(forms_text, ' ')) {
      std::string t = Trim(f);
      if (!t.empty() && t[0] == '+') t = t.substr(1);
      std::vector<std::string> fw = Words(t);
      if (fw.empty()) continue;
      for (std::string& x : fw) x = LexiconKey(x);
      AddForm(Join(fw), lemma);
    }
  };

  auto add_pattern = [&](const std::string& text) {
    std::string rest;
    std::string code = BracketCode(text.substr(1), &rest);
    if (code.empty()) return;
    VerbPattern p;
    p.code = code;
    bool seen_star = false;
    for (const std::string& chunk : Split(rest, ' ')) {
      if (chunk.empty()) continue;
      std::vector<std::string> pieces = Split(chunk, '_');
      for (size_t k = 0; k < pieces.size(); ++k) {
        const std::string& piece = pieces[k];
        if (piece.empty() || piece == "+" || piece == "$" || piece == "%" || piece == "^") continue;
        if (piece == "*") { seen_star = true; continue; }
        PatternSlot slot;
        if (piece[0] == '&') {
          std::string name = LexiconKey(piece);
          while (!name.empty() && name.back() == '_') name.pop_back();
          if (!synsets_.count(name)) {
            PatternSlot members = expand(piece, expand, 0);
            if (members.empty()) continue;
            synsets_[name] = std::move(members);
          }
          slot.push_back(name);
        } else {
          bool clean = std::all_of(piece.begin(), piece.end(), [](char c) {
            return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '\'' || c == '.';
          });
          if (!clean) continue;
          std::string key = LexiconKey(piece);
          bool exact = key.size() < 4 || (k + 1 < pieces.size() && pieces[k + 1].empty() && k + 2 == pieces.size());
          slot.push_back(exact ? key : key + "*");
        }
        if (slot.empty()) continue;
        (seen_star ? p.after : p.before).push_back(std::move(slot));
      }
    }
    if (!seen_star || (p.before.empty() && p.after.empty())) return;
    if (p.before.size() > 3 || p.after.size() > 5) return;  // too specific to match by words
    patterns_[block].push_back(std::move(p));
  };

  for (size_t i = 0; i < lines.size(); ++i) {
    const std::string& line = lines[i];
    if (line.empty()) {
      if (state == State::kSynset) state = block_open ? State::kBlock : State::kNone;
      continue;
    }
    if (line.rfind("---", 0) == 0) {
      std::string inner = line.substr(3);
      size_t e = inner.rfind("---");
      if (e != std::string::npos) inner = inner.substr(0, e);
      block_code = BracketCode(inner);
      patterns_.emplace_back();
      block = static_cast<uint32_t>(patterns_.size() - 1);
      state = State::kBlock;
      block_open = true;
      continue;
    }
    if (line[0] == '&') {
      synset = Words(line)[0];
      while (!synset.empty() && synset.back() == '_') synset.pop_back();
      synsets[synset];
      state = State::kSynset;
      continue;
    }
    if (state == State::kSynset) {
      if (line[0] == '+') synsets[synset].push_back(Trim(line.substr(1)));
      continue;
    }
    if (state != State::kBlock) continue;
    if (line[0] == '-') add_pattern(line);
    else add_verb(line, i + 1);
  }
}

// ---------------------------------------------------------------------------
// PETRARCH actors and agents.

void EventLexicon::AddPetrarchActors(const fs::path& file, const CountryMapper& country) {
  std::vector<std::string> lines = ReadDictionaryLines(file);
  std::vector<std::string> names;
  std::vector<std::string> codes;
  auto flush = [&] {
    if (!names.empty() && !codes.empty()) {
      std::string code = codes.back();
      std::string c = country(code);
      if (!c.empty()) {
        ActorEntry e{c, code.size() > 3 ? SectorOfCode(code.substr(3)) : std::string()};
        for (const std::string& n : names) {
          std::string key = NameKey(n);
          if (key.empty()) continue;
          actors_.emplace(key, e);
          max_actor_words_ = std::max<size_t>(max_actor_words_, std::count(key.begin(), key.end(), ' ') + 1);
        }
      }
    }
    names.clear();
    codes.clear();
  };
  auto take_code = [&](const std::string& inside) {
    // "HOB < 950601", "HOBGOV 19950601 - 19990815", "ELR/GAL", "USA"
    std::string c = Words(inside).empty() ? "" : Words(inside)[0];
    c = c.substr(0, c.find('/'));
    if (c.empty() || !std::all_of(c.begin(), c.end(), [](char ch) { return std::isalpha(static_cast<unsigned char>(ch)); })) {
      codes.push_back("");  // "---", "+++": explicitly uncoded
      return;
    }
    codes.push_back(Upper(c));
  };
  for (const std::string& line : lines) {
    if (line.empty()) continue;
    if (line[0] == '+') {
      std::string rest;
      std::string code = BracketCode(line.substr(1), &rest);
      names.push_back(rest);
      if (!code.empty()) take_code(code);
      continue;
    }
    if (line[0] == '[') {
      take_code(BracketCode(line));
      continue;
    }
    flush();
    std::string rest;
    std::string code = BracketCode(line, &rest);
    names.push_back(rest);
    if (!code.empty()) take_code(code);
  }
  flush();
  // Entries whose chosen code was "" were dropped by country("") == "".
}

void EventLexicon::AddPetrarchAgents(const fs::path& file) {
  std::vector<std::string> lines = ReadDictionaryLines(file);
  std::map<std::string, std::vector<std::string>> subst;
  for (const std::string& line : lines) {
    if (line.empty()) continue;
    if (line[0] == '!' && line.find('=') != std::string::npos) {
      std::string name = Trim(line.substr(0, line.find('=')));
      for (const std::string& alt : Split(line.substr(line.find('=') + 1), ',')) subst[name].push_back(Trim(alt));
      continue;
    }
    std::string rest;
    std::string code = BracketCode(line, &rest);
    if (code.empty()) continue;
    std::string sector = SectorOfCode(code);
    if (sector.empty()) continue;
    std::string plurals;
    bool no_plural = false;
    size_t lb = rest.find('{');
    if (lb != std::string::npos) {
      size_t rb = rest.find('}', lb);
      plurals = Trim(rest.substr(lb + 1, rb == std::string::npos ? std::string::npos : rb - lb - 1));
      no_plural = plurals.empty();
      rest = Trim(rest.substr(0, lb));
    }
    // Expand one !SUBST! (concatenated: "POLICE!PERSON!" -> "POLICEMAN"...).
    std::vector<std::string> names{rest};
    size_t a = rest.find('!');
    if (a != std::string::npos) {
      size_t b = rest.find('!', a + 1);
      if (b == std::string::npos) continue;
      auto it = subst.find(rest.substr(a, b - a + 1));
      if (it == subst.end()) continue;
      names.clear();
      for (const std::string& alt : it->second) names.push_back(rest.substr(0, a) + alt + rest.substr(b + 1));
    }
    for (const std::string& n : names) {
      std::vector<std::string> w = Words(n);
      if (w.empty()) continue;
      for (std::string& x : w) x = LexiconKey(x);
      std::vector<std::string> keys{Join(w)};
      if (!no_plural && a == std::string::npos) {
        if (!plurals.empty()) {
          for (const std::string& p : Split(plurals, ' '))
            if (!Trim(p).empty()) keys.push_back(NameKey(p));
        } else {
          std::vector<std::string> pw = w;
          pw.back() = RegularForms(w.back(), true)[0];
          keys.push_back(Join(pw));
        }
      }
      for (const std::string& k : keys) {
        agents_.emplace(k, ActorEntry{"", sector});
        max_agent_words_ = std::max<size_t>(max_agent_words_, std::count(k.begin(), k.end(), ' ') + 1);
      }
    }
  }
}

// ---------------------------------------------------------------------------
// Compact files.

namespace {

template <typename F>
void ForEachDataLine(const fs::path& file, F&& f) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw Error(file.string(), "cannot open");
  std::string line;
  size_t lineno = 0;
  while (std::getline(in, line)) {
    ++lineno;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line[0] == '#') continue;
    f(Split(line, '\t'), file.string() + ":" + std::to_string(lineno));
  }
}

std::string SlotsToText(const std::vector<PatternSlot>& slots) {
  std::vector<std::string> parts;
  for (const PatternSlot& s : slots) parts.push_back(Join(s, "|"));
  return Join(parts);
}

std::vector<PatternSlot> SlotsFromText(const std::string& text) {
  std::vector<PatternSlot> out;
  for (const std::string& part : Split(text, ' ')) {
    if (part.empty()) continue;
    out.push_back(Split(part, '|'));
  }
  return out;
}

}  // namespace

void EventLexicon::LoadVerbs(const fs::path& file) {
  ForEachDataLine(file, [&](const std::vector<std::string>& f, const std::string& where) {
    if (f[0] == "F" && f.size() >= 3) {
      AddForm(f[1], f[2]);
    } else if (f[0] == "V" && f.size() >= 4) {
      VerbEntry e;
      e.code = f[2];
      e.block = static_cast<uint32_t>(std::stoul(f[3]));
      if (e.block >= patterns_.size()) patterns_.resize(e.block + 1);
      verbs_.emplace(f[1], e);
      AddForm(f[1], f[1]);
    } else if (f[0] == "S" && f.size() >= 3) {
      synsets_[f[1]] = Split(f[2], '|');
    } else if (f[0] == "P" && f.size() >= 5) {
      uint32_t b = static_cast<uint32_t>(std::stoul(f[1]));
      if (b == 0) throw Error(where, "pattern block 0");
      if (b >= patterns_.size()) patterns_.resize(b + 1);
      patterns_[b].push_back({SlotsFromText(f[3]), SlotsFromText(f[4]), f[2]});
    } else {
      throw Error(where, "expected F/V/P line with enough tab-separated fields");
    }
  });
}

void EventLexicon::WriteVerbs(std::ostream& out, std::string_view header) const {
  out << header;
  out << "# F form lemma | V lemma cameo_code block | S &synset words | P block cameo_code before after\n";
  std::map<std::string, PatternSlot> synsets(synsets_.begin(), synsets_.end());
  for (const auto& [name, members] : synsets) out << "S\t" << name << "\t" << Join(members, "|") << "\n";
  std::map<std::string, std::string> forms(forms_.begin(), forms_.end());
  for (const auto& [form, lemma] : forms)
    if (form != lemma) out << "F\t" << form << "\t" << lemma << "\n";
  std::map<std::string, VerbEntry> verbs(verbs_.begin(), verbs_.end());
  // Renumber blocks densely in the order first used, so the file is stable.
  std::map<uint32_t, uint32_t> renum;
  for (const auto& [lemma, e] : verbs) {
    if (!e.plover_type.empty()) continue;
    uint32_t b = 0;
    if (e.block && !patterns_[e.block].empty()) {
      auto it = renum.find(e.block);
      if (it == renum.end()) it = renum.emplace(e.block, static_cast<uint32_t>(renum.size() + 1)).first;
      b = it->second;
    }
    out << "V\t" << lemma << "\t" << e.code << "\t" << b << "\n";
  }
  std::vector<std::pair<uint32_t, uint32_t>> order(renum.begin(), renum.end());
  std::sort(order.begin(), order.end(), [](auto& a, auto& b) { return a.second < b.second; });
  for (const auto& [old, neu] : order)
    for (const VerbPattern& p : patterns_[old])
      out << "P\t" << neu << "\t" << p.code << "\t" << SlotsToText(p.before) << "\t" << SlotsToText(p.after) << "\n";
}

void EventLexicon::LoadActors(const fs::path& file) {
  ForEachDataLine(file, [&](const std::vector<std::string>& f, const std::string& where) {
    if (f.size() < 3) throw Error(where, "expected name, country, sector");
    actors_[f[0]] = ActorEntry{f[1], f[2]};
    max_actor_words_ = std::max<size_t>(max_actor_words_, std::count(f[0].begin(), f[0].end(), ' ') + 1);
  });
}

void EventLexicon::WriteActors(std::ostream& out, std::string_view header) const {
  out << header << "# name\tcountry (ISO 3166-1 alpha-2)\tsector\n";
  std::map<std::string, ActorEntry> sorted(actors_.begin(), actors_.end());
  for (const auto& [k, e] : sorted) out << k << "\t" << e.country << "\t" << e.sector << "\n";
}

void EventLexicon::LoadAgents(const fs::path& file) {
  ForEachDataLine(file, [&](const std::vector<std::string>& f, const std::string& where) {
    if (f.size() < 2) throw Error(where, "expected name, sector");
    agents_[f[0]] = ActorEntry{"", f[1]};
    max_agent_words_ = std::max<size_t>(max_agent_words_, std::count(f[0].begin(), f[0].end(), ' ') + 1);
  });
}

void EventLexicon::WriteAgents(std::ostream& out, std::string_view header) const {
  out << header << "# name\tsector\n";
  std::map<std::string, ActorEntry> sorted(agents_.begin(), agents_.end());
  for (const auto& [k, e] : sorted) out << k << "\t" << e.sector << "\n";
}

void EventLexicon::LoadExtraVerbs(const fs::path& file) {
  // lemma  forms(comma-separated or -)  pos(v,n,light)  type  mode  requires(|-separated or -)  note
  ForEachDataLine(file, [&](const std::vector<std::string>& f, const std::string& where) {
    if (f.size() < 6) throw Error(where, "expected lemma, forms, pos, type, mode, requires, note");
    VerbEntry e;
    std::string lemma = LexiconKey(f[0]);
    e.verb = f[2].find('v') != std::string::npos;
    e.noun = f[2].find('n') != std::string::npos;
    e.light = f[2] == "light";
    if (e.light) e.verb = true;
    e.plover_type = f[3] == "-" ? "" : f[3];
    e.plover_mode = f[4] == "-" ? "" : f[4];
    if (!e.light && e.plover_type.empty()) e.code = "---";  // explicitly no event
    if (f[5] != "-")
      for (const std::string& r : Split(f[5], '|')) e.requires_any.push_back(LexiconKey(r));
    verbs_[lemma] = e;  // our entries override the CAMEO dictionary's
    // Our forms win over forms generated for dictionary verbs.
    forms_[lemma] = lemma;
    size_t n = std::count(lemma.begin(), lemma.end(), ' ') + 1;
    max_verb_words_ = std::max(max_verb_words_, n);
    std::vector<std::string> w = Split(lemma, ' ');
    std::string tail;
    for (size_t i = 1; i < w.size(); ++i) tail += " " + w[i];
    if (f[1] != "-") {
      for (const std::string& form : Split(f[1], ',')) {
        std::string k = LexiconKey(Trim(form));
        if (!k.empty()) forms_[k] = lemma;
      }
    } else {
      for (const std::string& form : RegularForms(w[0], !e.verb)) forms_[form + tail] = lemma;
    }
  });
}

void EventLexicon::LoadPloverMap(const fs::path& file) {
  // cameo_code  plover_type  plover_mode  rationale
  ForEachDataLine(file, [&](const std::vector<std::string>& f, const std::string& where) {
    if (f.size() < 4) throw Error(where, "expected cameo, type, mode, rationale");
    plover_[f[0]] = PloverType{f[1] == "-" ? "" : f[1], f[2] == "-" ? "" : f[2]};
  });
}

EventLexicon EventLexicon::Load() {
  EventLexicon lex;
  lex.LoadVerbs(ResourcePath("data/event_verbs.tsv"));
  lex.LoadExtraVerbs(ResourcePath("data/event_verbs_extra.tsv"));
  lex.LoadActors(ResourcePath("data/event_actors.tsv"));
  lex.LoadAgents(ResourcePath("data/event_agents.tsv"));
  lex.LoadAgents(ResourcePath("data/event_agents_extra.tsv"));
  lex.LoadPloverMap(ResourcePath("data/cameo_to_plover.tsv"));
  return lex;
}

// ---------------------------------------------------------------------------
// Lookups.

const std::string* EventLexicon::LemmaOf(std::string_view form) const {
  auto it = forms_.find(form);
  return it == forms_.end() ? nullptr : &it->second;
}

const VerbEntry* EventLexicon::Verb(std::string_view lemma) const {
  auto it = verbs_.find(lemma);
  return it == verbs_.end() ? nullptr : &it->second;
}

const PatternSlot& EventLexicon::Synset(std::string_view name) const {
  static const PatternSlot kEmpty;
  auto it = synsets_.find(name);
  return it == synsets_.end() ? kEmpty : it->second;
}

bool EventLexicon::SlotMatches(const PatternSlot& slot, std::string_view x) const {
  for (const std::string& alt : slot) {
    if (alt.empty()) continue;
    if (alt[0] == '&') {
      if (SlotMatches(Synset(alt), x)) return true;
    } else if (alt.back() == '*') {
      if (x.size() + 1 >= alt.size() && x.substr(0, alt.size() - 1) == std::string_view(alt).substr(0, alt.size() - 1)) return true;
    } else if (x == alt) {
      return true;
    }
  }
  return false;
}

const ActorEntry* EventLexicon::Actor(std::string_view name) const {
  auto it = actors_.find(name);
  return it == actors_.end() ? nullptr : &it->second;
}

const ActorEntry* EventLexicon::Agent(std::string_view name) const {
  auto it = agents_.find(name);
  return it == agents_.end() ? nullptr : &it->second;
}

const PloverType* EventLexicon::ToPlover(std::string_view cameo) const {
  std::string_view code = cameo;
  while (code.size() >= 2) {
    auto it = plover_.find(code);
    if (it != plover_.end()) return &it->second;
    code.remove_suffix(1);
  }
  return nullptr;
}

}  // namespace newsledger
