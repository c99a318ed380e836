// output.cc: serialises a Document to the extract contract (DESIGN.md).
#include "newsledger/output.h"

#include <fmt/format.h>
#include <rapidjson/prettywriter.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <cmath>

#include "newsledger/error.h"

namespace newsledger {

OutputFormat ParseOutputFormat(const std::string& name) {
  if (name == "jsonl") return OutputFormat::kJsonl;
  if (name == "json") return OutputFormat::kJson;
  if (name == "conllu") return OutputFormat::kConllu;
  if (name == "text") return OutputFormat::kText;
  throw Error("--format " + name, "unknown format (expected jsonl, json, conllu or text)");
}

namespace {

template <typename W>
class JsonEmitter {
 public:
  JsonEmitter(const Document& doc, W& w) : doc_(doc), w_(w) {}

  void Document() {
    w_.StartObject();
    Str("id", doc_.id);
    StrOrNull("url", doc_.url);
    StrOrNull("outlet", doc_.outlet);
    StrOrNull("title", doc_.title);
    StrOrNull("published", doc_.published);
    w_.Key("published_inferred");
    w_.Bool(doc_.published_inferred);
    Paragraphs();
    Sentences();
    Entities();
    Quantities();
    Times();
    Quotes();
    Events();
    Claims();
    w_.EndObject();
  }

 private:
  void Key(const char* k) { w_.Key(k); }
  void String(std::string_view s) { w_.String(s.data(), static_cast<rapidjson::SizeType>(s.size())); }
  void Str(const char* k, std::string_view s) { Key(k); String(s); }
  void StrOrNull(const char* k, std::string_view s) {
    Key(k);
    if (s.empty()) w_.Null(); else String(s);
  }
  void Number(double v) {
    if (!std::isfinite(v)) { w_.Null(); return; }
    if (v == std::floor(v) && std::fabs(v) < 9e15) w_.Int64(static_cast<int64_t>(v));
    else w_.Double(v);
  }
  void Num(const char* k, const std::optional<double>& v) {
    Key(k);
    if (v) Number(*v); else w_.Null();
  }
  void SpanFields(Span s) {
    Key("start"); w_.Uint(s.start);
    Key("end"); w_.Uint(s.end);
  }
  void SpanWithText(Span s) {
    SpanFields(s);
    Str("text", doc_.view(s));
  }

  void Paragraphs() {
    Key("paragraphs");
    w_.StartArray();
    for (const Paragraph& p : doc_.paragraphs) {
      w_.StartObject();
      SpanFields(p.body);
      StrOrNull("source", p.source);
      w_.EndObject();
    }
    w_.EndArray();
  }

  void Sentences() {
    Key("sentences");
    w_.StartArray();
    for (const Sentence& s : doc_.sentences) {
      w_.StartObject();
      SpanFields(s.span);
      Key("paragraph"); w_.Uint(s.paragraph);
      const std::string& src = s.paragraph < doc_.paragraphs.size() ? doc_.paragraphs[s.paragraph].source : doc_.outlet;
      StrOrNull("source", src.empty() ? doc_.outlet : src);
      w_.EndObject();
    }
    w_.EndArray();
  }

  void Entities() {
    Key("entities");
    w_.StartArray();
    for (const Entity& e : doc_.entities) {
      w_.StartObject();
      SpanWithText(e.span);
      Str("type", ToString(e.type));
      Str("canonical", e.canonical);
      Str("id", e.id);
      if (e.pronoun) { Key("pronoun"); w_.Bool(true); }
      StrOrNull("country", e.country);
      if (e.geonames_id) { Key("geonames_id"); w_.Int64(e.geonames_id); }
      if (e.latitude && e.longitude) { Num("lat", e.latitude); Num("lon", e.longitude); }
      w_.EndObject();
    }
    w_.EndArray();
  }

  void Quantities() {
    Key("quantities");
    w_.StartArray();
    for (const Quantity& q : doc_.quantities) {
      w_.StartObject();
      SpanWithText(q.span);
      Str("type", ToString(q.type));
      Num("value", q.value);
      Num("low", q.low);
      Num("high", q.high);
      Str("qualifier", ToString(q.qualifier));
      Key("low_exclusive");
      w_.Bool(q.low_exclusive);
      Key("high_exclusive");
      w_.Bool(q.high_exclusive);
      StrOrNull("unit", q.unit);
      StrOrNull("per", q.per);
      StrOrNull("counted", q.counted);
      w_.EndObject();
    }
    w_.EndArray();
  }

  void Times() {
    Key("times");
    w_.StartArray();
    for (const TimeExpr& t : doc_.times) {
      w_.StartObject();
      SpanWithText(t.span);
      Str("type", ToString(t.type));
      StrOrNull("value", t.value);
      StrOrNull("mod", t.mod);
      StrOrNull("relation", t.relation);
      w_.EndObject();
    }
    w_.EndArray();
  }

  void Quotes() {
    Key("quotes");
    w_.StartArray();
    for (const Quote& q : doc_.quotes) {
      w_.StartObject();
      SpanWithText(q.span);
      Key("direct"); w_.Bool(q.direct);
      StrOrNull("speaker", q.speaker);
      StrOrNull("speaker_id", q.speaker_id);
      StrOrNull("cue", q.cue);
      StrOrNull("outlet", q.outlet);
      StrOrNull("reported_by", q.reported_by);
      w_.EndObject();
    }
    w_.EndArray();
  }

  void Argument(const char* k, const std::optional<EventArgument>& a, bool place) {
    Key(k);
    if (!a) { w_.Null(); return; }
    w_.StartObject();
    StrOrNull("id", a->id);
    Str("text", a->text);
    StrOrNull("country", a->country);
    if (place) {
      Key("geonames_id");
      if (a->geonames_id) w_.Int64(a->geonames_id); else w_.Null();
    } else {
      StrOrNull("sector", a->sector);
    }
    w_.EndObject();
  }

  void Events() {
    Key("events");
    w_.StartArray();
    for (const Event& e : doc_.events) {
      w_.StartObject();
      SpanWithText(e.span);
      Str("type", e.type);
      StrOrNull("mode", e.mode);
      Str("status", e.status);
      Argument("actor", e.actor, false);
      Argument("target", e.target, false);
      Argument("location", e.location, true);
      StrOrNull("time", e.time);
      Key("quantities");
      w_.StartArray();
      for (uint32_t i : e.quantities) w_.Uint(i);
      w_.EndArray();
      Key("quote");
      if (e.quote) w_.Uint(*e.quote); else w_.Null();
      w_.EndObject();
    }
    w_.EndArray();
  }

  void Claims() {
    Key("claims");
    w_.StartArray();
    for (const Claim& c : doc_.claims) {
      w_.StartObject();
      SpanWithText(c.span);
      StrOrNull("speaker", c.speaker);
      StrOrNull("speaker_id", c.speaker_id);
      StrOrNull("subject", c.subject);
      StrOrNull("place", c.place);
      StrOrNull("period", c.period);
      Key("quantity"); w_.Uint(c.quantity);
      Key("checks");
      w_.StartArray();
      for (const ClaimCheck& ch : c.checks) {
        w_.StartObject();
        Str("status", ch.status);
        Num("ratio", ch.ratio);
        Key("reference");
        w_.StartObject();
        Str("subject", ch.reference.subject);
        StrOrNull("place", ch.reference.place);
        StrOrNull("period", ch.reference.period);
        Num("low", ch.reference.low);
        Num("high", ch.reference.high);
        StrOrNull("source", ch.reference.source);
        StrOrNull("url", ch.reference.url);
        w_.EndObject();
        w_.EndObject();
      }
      w_.EndArray();
      w_.EndObject();
    }
    w_.EndArray();
  }

  const newsledger::Document& doc_;
  W& w_;
};

}  // namespace

std::string ToJson(const Document& doc, bool pretty) {
  rapidjson::StringBuffer buf;
  if (pretty) {
    rapidjson::PrettyWriter<rapidjson::StringBuffer> w(buf);
    w.SetIndent(' ', 2);
    JsonEmitter(doc, w).Document();
  } else {
    rapidjson::Writer<rapidjson::StringBuffer> w(buf);
    JsonEmitter(doc, w).Document();
  }
  return std::string(buf.GetString(), buf.GetSize());
}

void AppendJson(const Document& doc, std::string* out) {
  // The buffer is kept per thread: its memory is reused by every document.
  thread_local rapidjson::StringBuffer buf;
  buf.Clear();
  rapidjson::Writer<rapidjson::StringBuffer> w(buf);
  JsonEmitter(doc, w).Document();
  out->append(buf.GetString(), buf.GetSize());
}

std::string ToConllu(const Document& doc) {
  std::string out;
  if (!doc.id.empty()) out += "# newdoc id = " + doc.id + "\n";
  for (size_t si = 0; si < doc.sentences.size(); ++si) {
    const Sentence& s = doc.sentences[si];
    out += fmt::format("# sent_id = {}\n# text = ", si + 1);
    for (char c : doc.view(s.span)) out += (c == '\n' ? ' ' : c);
    out += "\n";
    for (uint32_t t = s.token_begin; t < s.token_end; ++t) {
      const Token& tok = doc.tokens[t];
      auto field = [](const std::string& v) { return v.empty() ? std::string("_") : v; };
      std::string misc = fmt::format("TokenRange={}:{}", tok.span.start, tok.span.end);
      if (!tok.space_after) misc = "SpaceAfter=No|" + misc;
      out += fmt::format("{}\t{}\t{}\t{}\t{}\t_\t_\t_\t_\t{}\n", t - s.token_begin + 1,
                         doc.view(tok.span), field(tok.lemma), field(tok.upos), field(tok.xpos), misc);
    }
    out += "\n";
  }
  return out;
}

std::string ToText(const Document& doc) {
  std::string out = fmt::format("== {} ({}{}{})\n", doc.id.empty() ? doc.origin : doc.id,
                                doc.outlet.empty() ? "no outlet" : doc.outlet,
                                doc.published.empty() ? "" : ", ", doc.published);
  for (size_t i = 0; i < doc.sentences.size(); ++i)
    out += fmt::format("[s{} p{}] {}\n", i, doc.sentences[i].paragraph, doc.view(doc.sentences[i].span));
  for (const Entity& e : doc.entities)
    out += fmt::format("  entity   {} {} = {} ({})\n", ToString(e.type), doc.view(e.span), e.canonical, e.id);
  for (const Quantity& q : doc.quantities)
    out += fmt::format("  quantity {} [{}] counted={}\n", doc.view(q.span), ToString(q.qualifier), q.counted);
  for (const TimeExpr& t : doc.times)
    out += fmt::format("  time     {} = {}{}{}\n", doc.view(t.span), t.value, t.mod.empty() ? "" : " ", t.mod);
  for (const Quote& q : doc.quotes)
    out += fmt::format("  quote    {}: \"{}\" ({}, via {})\n", q.speaker.empty() ? "?" : q.speaker,
                       doc.view(q.span), q.cue, q.reported_by.empty() ? q.outlet : q.reported_by);
  for (const Event& e : doc.events)
    out += fmt::format("  event    {} {} [{}]\n", e.type, doc.view(e.span), e.status);
  for (const Claim& c : doc.claims)
    out += fmt::format("  claim    {} ({} checks)\n", doc.view(c.span), c.checks.size());
  return out;
}

}  // namespace newsledger
