// quote_eval.cc: gold reading, span location and matching for `evaluate quotes`.
#include "eval/quote_eval.h"

#include <rapidjson/document.h>

#include <algorithm>
#include <fstream>

#include "newsledger/error.h"

namespace newsledger::eval {
namespace {

bool IsEdgeByte(std::string_view t, size_t i, size_t* len) {
  // ASCII punctuation and quotation marks, or a curly quotation mark (3 bytes).
  unsigned char c = static_cast<unsigned char>(t[i]);
  if (c == '"' || c == '\'' || c == '.' || c == ',' || c == ';' || c == ':' || c == '!' || c == '?' || c == ' ' ||
      c == '\n') {
    *len = 1;
    return true;
  }
  if (c == 0xE2 && i + 2 < t.size() + 0 && static_cast<unsigned char>(t[i + 1]) == 0x80) {
    unsigned char d = static_cast<unsigned char>(t[i + 2]);
    if (d == 0x98 || d == 0x99 || d == 0x9C || d == 0x9D) {
      *len = 3;
      return true;
    }
  }
  return false;
}

// The span without punctuation and quotation marks at its edges.
Span TrimSpan(const std::string& text, Span s) {
  std::string_view t(text);
  size_t len = 0;
  while (s.start < s.end && IsEdgeByte(t, s.start, &len) && s.start + len <= s.end) s.start += len;
  while (s.end > s.start) {
    size_t back = 1;
    // Step back over one UTF-8 code point.
    while (back < 4 && s.end - back > s.start && (static_cast<unsigned char>(t[s.end - back]) & 0xC0) == 0x80) ++back;
    if (!IsEdgeByte(t, s.end - back, &len) || len != back) break;
    s.end -= back;
  }
  return s;
}

double Jaccard(Span a, Span b) {
  uint32_t lo = std::max(a.start, b.start), hi = std::min(a.end, b.end);
  if (hi <= lo) return 0;
  double inter = hi - lo;
  double uni = double(std::max(a.end, b.end) - std::min(a.start, b.start));
  return uni > 0 ? inter / uni : 0;
}

bool IsOpeningMarkBefore(std::string_view t, size_t pos) {
  if (pos == 0) return false;
  char c = t[pos - 1];
  if (c == '"' || c == '\'') return true;
  if (pos >= 3 && static_cast<unsigned char>(t[pos - 3]) == 0xE2 && static_cast<unsigned char>(t[pos - 2]) == 0x80) {
    unsigned char d = static_cast<unsigned char>(t[pos - 1]);
    return d == 0x9C || d == 0x98;
  }
  return false;
}

}  // namespace

std::vector<GoldQuote> ReadGoldQuotes(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw Error(path, "cannot open gold file");
  std::vector<GoldQuote> out;
  std::string line;
  size_t n = 0;
  while (std::getline(in, line)) {
    ++n;
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    std::string where = path + ":" + std::to_string(n);
    rapidjson::Document j;
    j.Parse(line.data(), line.size());
    if (j.HasParseError() || !j.IsObject()) throw Error(where, "not a JSON object");
    auto str = [&](const char* key, bool required) -> std::string {
      auto it = j.FindMember(key);
      if (it == j.MemberEnd() || it->value.IsNull()) {
        if (required) throw Error(where, std::string("missing \"") + key + "\"");
        return "";
      }
      if (!it->value.IsString()) throw Error(where, std::string("\"") + key + "\" is not a string");
      return std::string(it->value.GetString(), it->value.GetStringLength());
    };
    GoldQuote g;
    g.where = where;
    g.file = str("file", true);
    g.text = str("text", true);
    if (g.text.empty()) throw Error(where, "empty \"text\"");
    g.cue = str("cue", false);
    auto d = j.FindMember("direct");
    if (d == j.MemberEnd() || !d->value.IsBool()) throw Error(where, "\"direct\" must be true or false");
    g.direct = d->value.GetBool();
    auto s = j.FindMember("speaker");
    if (s != j.MemberEnd() && !s->value.IsNull()) {
      if (!s->value.IsString()) throw Error(where, "\"speaker\" must be a string or null");
      g.speaker = std::string(s->value.GetString(), s->value.GetStringLength());
    }
    auto o = j.FindMember("occurrence");
    if (o != j.MemberEnd()) {
      if (!o->value.IsUint()) throw Error(where, "\"occurrence\" must be a non-negative integer");
      g.occurrence = o->value.GetUint();
    }
    out.push_back(std::move(g));
  }
  return out;
}

std::optional<Span> LocateGold(const Document& doc, const GoldQuote& gold) {
  std::string_view t(doc.text);
  uint32_t seen = 0;
  // Direct quotes: first look only at places just after a quotation mark.
  for (int pass = gold.direct ? 0 : 1; pass < 2; ++pass) {
    seen = 0;
    size_t pos = t.find(gold.text);
    while (pos != std::string_view::npos) {
      if (pass == 1 || IsOpeningMarkBefore(t, pos)) {
        if (seen == gold.occurrence)
          return Span{static_cast<uint32_t>(pos), static_cast<uint32_t>(pos + gold.text.size())};
        ++seen;
      }
      pos = t.find(gold.text, pos + 1);
    }
  }
  return std::nullopt;
}

std::string NormalizeSpeaker(std::string_view s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c == 0xE2 && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x80) {
      unsigned char d = static_cast<unsigned char>(s[i + 2]);
      if (d == 0x99 || d == 0x98) { out += '\''; i += 2; continue; }
      if (d == 0x91 || d == 0x90) { out += '-'; i += 2; continue; }
    }
    if (c == ' ' || c == '\t' || c == '\n') {
      if (!out.empty() && out.back() != ' ') out += ' ';
      continue;
    }
    out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : static_cast<char>(c);
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  if (out.rfind("the ", 0) == 0) out.erase(0, 4);
  return out;
}

void ScoreQuotes(const Document& doc, const std::vector<const GoldQuote*>& gold, QuoteScores* scores,
                 std::vector<std::string>* notes) {
  struct G {
    const GoldQuote* q;
    Span span;
  };
  std::vector<G> gs;
  for (const GoldQuote* g : gold) {
    std::optional<Span> s = LocateGold(doc, *g);
    if (!s) {
      ++scores->unlocated;
      ++scores->gold;
      if (g->direct) ++scores->gold_direct;
      if (notes) notes->push_back(g->where + ": gold text not found in " + g->file);
      continue;
    }
    gs.push_back({g, TrimSpan(doc.text, *s)});
  }
  scores->gold += gs.size();
  for (const G& g : gs) scores->gold_direct += g.q->direct;
  scores->predicted += doc.quotes.size();
  for (const Quote& q : doc.quotes) scores->predicted_direct += q.direct;

  struct Pair {
    double j;
    size_t g, p;
  };
  std::vector<Pair> pairs;
  std::vector<Span> ps;
  for (const Quote& q : doc.quotes) ps.push_back(TrimSpan(doc.text, q.span));
  for (size_t gi = 0; gi < gs.size(); ++gi)
    for (size_t pi = 0; pi < ps.size(); ++pi) {
      if (doc.quotes[pi].direct != gs[gi].q->direct) continue;
      double j = Jaccard(gs[gi].span, ps[pi]);
      if (j >= 0.5) pairs.push_back({j, gi, pi});
    }
  std::stable_sort(pairs.begin(), pairs.end(), [](const Pair& a, const Pair& b) { return a.j > b.j; });
  std::vector<int> g_to_p(gs.size(), -1), p_to_g(ps.size(), -1);
  for (const Pair& pr : pairs) {
    if (g_to_p[pr.g] >= 0 || p_to_g[pr.p] >= 0) continue;
    g_to_p[pr.g] = static_cast<int>(pr.p);
    p_to_g[pr.p] = static_cast<int>(pr.g);
  }
  auto shorten = [](std::string_view s) {
    std::string out(s.substr(0, 70));
    if (s.size() > 70) out += "...";
    for (char& c : out)
      if (c == '\n') c = ' ';
    return out;
  };
  for (size_t gi = 0; gi < gs.size(); ++gi) {
    const GoldQuote& g = *gs[gi].q;
    if (g_to_p[gi] < 0) {
      if (notes) notes->push_back(g.where + ": missed " + (g.direct ? "direct" : "indirect") + " \"" + shorten(g.text) + "\"");
      continue;
    }
    const Quote& p = doc.quotes[g_to_p[gi]];
    ++scores->matched;
    if (g.direct) ++scores->matched_direct;
    if (gs[gi].span == ps[g_to_p[gi]]) ++scores->exact;
    std::string want = g.speaker ? NormalizeSpeaker(*g.speaker) : "";
    if (NormalizeSpeaker(p.speaker) == want)
      ++scores->speaker_correct;
    else if (notes)
      notes->push_back(g.where + ": speaker \"" + p.speaker + "\", gold \"" + (g.speaker ? *g.speaker : "null") +
                       "\" for \"" + shorten(g.text) + "\"");
    if (NormalizeSpeaker(p.cue) == NormalizeSpeaker(g.cue)) ++scores->cue_correct;
  }
  for (size_t pi = 0; pi < ps.size(); ++pi) {
    if (p_to_g[pi] >= 0 || !notes) continue;
    const Quote& p = doc.quotes[pi];
    notes->push_back(doc.origin + ": false " + (p.direct ? "direct" : "indirect") + " \"" +
                     shorten(doc.view(p.span)) + "\" (" + p.speaker + ", " + p.cue + ")");
  }
}

}  // namespace newsledger::eval
