// evaluate_events.cc: `newsledger evaluate events --petrarch DIR [--lexicon L] [--errors]`.
//
// Reads the PETRARCH2 unit-test records (DIR/data/text/PETR.UnitTest.records.xml:
// <Sentence> elements with <EventCoding sourcecode targetcode eventcode> and <Text>),
// segments and tags each sentence, codes it with our EventCoder and compares, per
// record, the PLOVER types (expected CAMEO codes mapped with data/cameo_to_plover.tsv)
// and the actor/target countries (first three letters of the CAMEO actor codes).
//
// The records are written against their own dictionaries (the <Environment> block
// names PETR.Validate.{verbs,actors,agents}.txt; the actors are fictional countries
// such as Arnor and Gondor). Actors always come from PETR.Validate.actors.txt, as no
// real-world lexicon knows them. Verbs and agents come from
//   --lexicon records  (default) the records' own PETR.Validate verbs and agents,
//                      i.e. the test PETRARCH itself runs: it measures the coder;
//   --lexicon shipped  our shipped CAMEO/Phoenix lexicon plus our own entries: it
//                      measures the coder with the verbs it uses on news.
// Records with no event, with a parse/discard error, or whose codes map to no PLOVER
// type (test codes such as 903) are counted and left out. A record's type is right
// when the set of PLOVER types we code (events with an actor country, as PETRARCH
// requires a coded source; expected events with a null "---" source are left out)
// equals the expected set; its dyad is right when every
// expected (type, source country, target country) is among ours.
// Last line: `events type_acc=X dyad_acc=Y`.
#include <fmt/format.h>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <set>
#include <sstream>

#include "cli/evaluate.h"
#include "code/event_coder.h"
#include "newsledger/error.h"
#include "newsledger/resources.h"
#include "newsledger/segmenter.h"
#include "newsledger/tagger.h"

namespace newsledger::cli {
namespace {

namespace fs = std::filesystem;

struct EventsArgs {
  std::string petrarch = "../shared/data/petrarch2";
  std::string lexicon = "records";
  bool errors = false;
};

struct Expected {
  std::string source, target, code;
};

struct Record {
  std::string id, text;
  std::vector<Expected> events;
  bool no_event = false;
};

std::string Attr(const std::string& tag, const std::string& name) {
  // name="value" or name = "value"
  for (size_t at = tag.find(name); at != std::string::npos; at = tag.find(name, at + 1)) {
    size_t k = at + name.size();
    while (k < tag.size() && tag[k] == ' ') ++k;
    if (k >= tag.size() || tag[k] != '=') continue;
    ++k;
    while (k < tag.size() && tag[k] == ' ') ++k;
    if (k >= tag.size() || tag[k] != '"') continue;
    size_t e = tag.find('"', k + 1);
    if (e == std::string::npos) return "";
    return tag.substr(k + 1, e - k - 1);
  }
  return "";
}

std::vector<Record> ReadRecords(const fs::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw Error(file.string(), "cannot open");
  std::stringstream ss;
  ss << in.rdbuf();
  std::string xml = ss.str();
  std::vector<Record> out;
  size_t pos = 0;
  while ((pos = xml.find("<Sentence ", pos)) != std::string::npos) {
    size_t end = xml.find("</Sentence>", pos);
    if (end == std::string::npos) throw Error(file.string() + "@" + std::to_string(pos), "unclosed <Sentence>");
    std::string body = xml.substr(pos, end - pos);
    pos = end;
    Record r;
    r.id = Attr(body.substr(0, body.find('>')), "id");
    size_t t0 = body.find("<Text>"), t1 = body.find("</Text>");
    if (t0 == std::string::npos || t1 == std::string::npos) continue;
    std::string text = body.substr(t0 + 6, t1 - t0 - 6);
    std::string norm;
    for (char c : text) {
      if (c == '\n' || c == '\r' || c == '\t') c = ' ';
      if (c == ' ' && (norm.empty() || norm.back() == ' ')) continue;
      norm += c;
    }
    while (!norm.empty() && norm.back() == ' ') norm.pop_back();
    r.text = norm;
    for (size_t c = body.find("<EventCoding"); c != std::string::npos; c = body.find("<EventCoding", c + 1)) {
      std::string tag = body.substr(c, body.find('>', c) - c);
      if (!Attr(tag, "noevents").empty() || !Attr(tag, "error").empty()) { r.no_event = true; continue; }
      std::string code = Attr(tag, "eventcode");
      if (code.empty()) continue;
      r.events.push_back({Attr(tag, "sourcecode"), Attr(tag, "targetcode"), code});
    }
    out.push_back(std::move(r));
  }
  return out;
}

int Run(const EventsArgs& args) {
  fs::path root = args.petrarch;
  if (fs::exists(root / "data")) root /= "data";
  fs::path records_file = root / "text" / "PETR.UnitTest.records.xml";
  fs::path dict = root / "dictionaries";
  std::vector<Record> records = ReadRecords(records_file);

  EventLexicon lex;
  auto raw_country = [](std::string_view code) -> std::string {
    return code.size() >= 3 ? std::string(code.substr(0, 3)) : "";
  };
  if (args.lexicon == "records") {
    lex.AddPetrarchVerbs(dict / "PETR.Validate.verbs.txt");
    lex.AddPetrarchAgents(dict / "PETR.Validate.agents.txt");
    lex.LoadPloverMap(ResourcePath("data/cameo_to_plover.tsv"));
  } else {
    lex = EventLexicon::Load();
    lex.ClearActors();
  }
  lex.AddPetrarchActors(dict / "PETR.Validate.actors.txt", raw_country);
  EventCoder coder(std::move(lex));
  const EventLexicon& L = coder.lexicon();
  Segmenter segmenter;
  Tagger tagger;

  size_t scored = 0, type_ok = 0, dyad_ok = 0, any_type_ok = 0, skipped_none = 0, skipped_code = 0;
  size_t quiet_ok = 0;
  for (const Record& r : records) {
    if (r.events.empty()) {
      if (r.no_event) ++skipped_none;
      continue;
    }
    std::set<std::string> want_types;
    std::set<std::tuple<std::string, std::string, std::string>> want;
    bool mappable = true;
    for (const Expected& x : r.events) {
      int root2 = x.code.size() >= 2 && std::isdigit(static_cast<unsigned char>(x.code[0])) &&
                          std::isdigit(static_cast<unsigned char>(x.code[1]))
                      ? std::stoi(x.code.substr(0, 2))
                      : 0;
      const PloverType* p = root2 >= 1 && root2 <= 20 ? L.ToPlover(x.code) : nullptr;
      if (!p) { mappable = false; break; }
      if (p->type.empty()) continue;
      // "---" marks an uncoded (null) actor: PETRARCH emits such events only without
      // require_dyad; like it, we score coded sources only.
      if (x.source.empty() || x.source.starts_with("---")) continue;
      want_types.insert(p->type);
      want.insert({p->type, x.source.substr(0, 3), x.target.substr(0, 3)});
    }
    if (!mappable || want_types.empty()) {
      ++skipped_code;
      continue;
    }
    Document doc;
    doc.id = r.id;
    doc.text = r.text;
    segmenter.annotate(doc);
    tagger.annotate(doc);
    coder.annotate(doc);
    std::set<std::string> got_types;
    std::set<std::tuple<std::string, std::string, std::string>> got;
    for (const Event& e : doc.events) {
      if (!e.actor || e.actor->country.empty()) continue;
      got_types.insert(e.type);
      got.insert({e.type, e.actor->country.substr(0, 3), e.target ? e.target->country.substr(0, 3) : ""});
    }
    ++scored;
    bool t = got_types == want_types;
    bool any = false;
    for (const std::string& x : want_types) any |= got_types.count(x) > 0;
    bool d = true;
    for (const auto& x : want) d &= got.count(x) > 0;
    type_ok += t;
    any_type_ok += any;
    dyad_ok += d;
    quiet_ok += t && d;
    if (args.errors && (!t || !d)) {
      std::string w, g;
      for (const auto& [ty, s, tg] : want) w += fmt::format("{}:{}>{} ", ty, s, tg);
      for (const auto& [ty, s, tg] : got) g += fmt::format("{}:{}>{} ", ty, s, tg);
      fmt::print("{} {}{}\n  text: {}\n  want: {}\n  got:  {}\n", r.id, t ? "" : "[type] ", d ? "" : "[dyad]",
                 r.text, w, g);
    }
  }
  auto share = [&](size_t k) { return scored ? double(k) / scored : 0.0; };
  fmt::print("records {}: scored {}, left out {} without events or with errors, {} with test-only codes\n",
             records.size(), scored, skipped_none, skipped_code);
  fmt::print("verbs and agents: {} (actors: PETR.Validate.actors.txt)\n",
             args.lexicon == "records" ? "PETR.Validate.verbs.txt, PETR.Validate.agents.txt" : "shipped lexicon (data/)");
  fmt::print("type exact set {:.3f}  type any {:.3f}  dyad {:.3f}  both {:.3f}\n", share(type_ok), share(any_type_ok),
             share(dyad_ok), share(quiet_ok));
  fmt::print("events type_acc={:.3f} dyad_acc={:.3f}\n", share(type_ok), share(dyad_ok));
  return 0;
}

NEWSLEDGER_EVALUATION(events, "events", "PLOVER type and dyad accuracy on the PETRARCH2 unit-test records",
                      [](CLI::App& sub) -> std::function<int()> {
                        auto args = std::make_shared<EventsArgs>();
                        sub.add_option("--petrarch", args->petrarch, "the petrarch2 folder of the shared data");
                        sub.add_option("--lexicon", args->lexicon, "records | shipped")
                            ->check(CLI::IsMember({"records", "shipped"}));
                        sub.add_flag("--errors", args->errors, "list the records we get wrong");
                        return [args] { return Run(*args); };
                      });

}  // namespace
}  // namespace newsledger::cli
