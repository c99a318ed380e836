// events_gold_test.cc: ten short articles of our own (tests/data/events/) with gold
// events and claims. The real pipeline runs on each (segmenter, tagger, entities,
// quotes); quantities and times come from the gold file, placed by their text, so
// the test measures the event coder and the claim extractor rather than the
// recognizers (tested on their own). Events must match exactly by (trigger, type,
// status), with the gold actor/target countries, sectors and quantities; claims by
// quantity with their subject, place, period and check.
#include <gtest/gtest.h>
#include <rapidjson/document.h>

#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "code/claim_extractor.h"
#include "code/event_coder.h"
#include "newsledger/pipeline.h"

namespace newsledger {
namespace {

namespace fs = std::filesystem;

const fs::path kDir = fs::path(NEWSLEDGER_SOURCE_DIR) / "tests" / "data" / "events";

std::string Slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

std::string Str(const rapidjson::Value& v, const char* k) {
  return v.HasMember(k) && v[k].IsString() ? v[k].GetString() : "";
}

std::optional<double> Num(const rapidjson::Value& v, const char* k) {
  if (v.HasMember(k) && v[k].IsNumber()) return v[k].GetDouble();
  return std::nullopt;
}

Span Find(const Document& d, const std::string& s) {
  size_t at = d.text.find(s);
  if (at == std::string::npos) throw std::runtime_error("gold text not in article: " + s);
  return {static_cast<uint32_t>(at), static_cast<uint32_t>(at + s.size())};
}

Qualifier ParseQualifier(const std::string& q) {
  for (Qualifier x : {Qualifier::kExact, Qualifier::kApprox, Qualifier::kAtLeast, Qualifier::kMoreThan,
                      Qualifier::kAtMost, Qualifier::kLessThan, Qualifier::kRange, Qualifier::kVague})
    if (q == ToString(x)) return x;
  throw std::runtime_error("bad qualifier " + q);
}

TEST(EventsGold, TenArticles) {
  std::ifstream in(kDir / "gold.jsonl");
  ASSERT_TRUE(in) << kDir;
  static const Pipeline* pipeline = new Pipeline();
  static const EventCoder* coder = new EventCoder();
  static const ClaimExtractor* claims = new ClaimExtractor();
  std::string line;
  size_t articles = 0, gold_events = 0, matched_events = 0, gold_claims = 0, matched_claims = 0;
  while (std::getline(in, line)) {
    if (line.empty()) continue;
    rapidjson::Document g;
    g.Parse(line.c_str());
    ASSERT_FALSE(g.HasParseError()) << line;
    std::string file = Str(g, "file");
    SCOPED_TRACE(file);
    Document doc;
    doc.id = file;
    doc.text = Slurp(kDir / file);
    doc.published = Str(g, "published");
    doc.outlet = "example.org";
    pipeline->annotate(doc);
    doc.quantities.clear();
    doc.times.clear();
    for (const auto& q : g["quantities"].GetArray()) {
      Quantity x;
      x.span = Find(doc, Str(q, "text"));
      x.value = Num(q, "value");
      x.low = Num(q, "low");
      x.high = Num(q, "high");
      x.qualifier = ParseQualifier(Str(q, "qualifier"));
      x.counted = Str(q, "counted");
      if (!x.counted.empty()) {
        size_t at = doc.text.find(x.counted, x.span.start);
        x.counted_span = {static_cast<uint32_t>(at), static_cast<uint32_t>(at + x.counted.size())};
      }
      doc.quantities.push_back(x);
    }
    for (const auto& t : g["times"].GetArray()) {
      TimeExpr x;
      x.span = Find(doc, Str(t, "text"));
      x.value = Str(t, "value");
      x.mod = Str(t, "mod");
      doc.times.push_back(x);
    }
    auto by_start = [](const auto& a, const auto& b) { return a.span.start < b.span.start; };
    std::sort(doc.quantities.begin(), doc.quantities.end(), by_start);
    std::sort(doc.times.begin(), doc.times.end(), by_start);
    coder->annotate(doc);
    claims->annotate(doc);
    ++articles;

    std::string got;
    std::multiset<std::string> predicted;
    for (const Event& e : doc.events) {
      predicted.insert(std::string(doc.view(e.span)) + "/" + e.type + "/" + e.status);
      got += std::string(doc.view(e.span)) + "/" + e.type + "/" + e.status + "/" +
             (e.actor ? e.actor->country + ":" + e.actor->sector : "-") + ">" + (e.target ? e.target->country : "-") + "; ";
    }
    std::multiset<std::string> wanted;
    for (const auto& ge : g["events"].GetArray()) {
      ++gold_events;
      std::string key = Str(ge, "trigger") + "/" + Str(ge, "type") + "/" + Str(ge, "status");
      wanted.insert(key);
      bool found = false;
      for (const Event& e : doc.events) {
        if (std::string(doc.view(e.span)) + "/" + e.type + "/" + e.status != key) continue;
        if (ge.HasMember("actor_country") && (!e.actor || e.actor->country != Str(ge, "actor_country"))) continue;
        if (ge.HasMember("actor_sector") && (!e.actor || e.actor->sector != Str(ge, "actor_sector"))) continue;
        if (ge.HasMember("target_country") && (!e.target || e.target->country != Str(ge, "target_country"))) continue;
        if (ge.HasMember("quantities")) {
          std::vector<std::string> qs;
          for (uint32_t qi : e.quantities) qs.emplace_back(doc.view(doc.quantities[qi].span));
          std::vector<std::string> want;
          for (const auto& q : ge["quantities"].GetArray()) want.emplace_back(q.GetString());
          if (qs != want) continue;
        }
        found = true;
        break;
      }
      matched_events += found;
      EXPECT_TRUE(found) << "gold event " << key << " not coded; got: " << got;
    }
    EXPECT_EQ(predicted, wanted) << "got: " << got;

    for (const auto& gc : g["claims"].GetArray()) {
      ++gold_claims;
      std::string qtext = Str(gc, "quantity");
      const Claim* c = nullptr;
      for (const Claim& x : doc.claims)
        if (doc.view(doc.quantities[x.quantity].span) == qtext) c = &x;
      if (!c) {
        ADD_FAILURE() << "no claim for " << qtext;
        continue;
      }
      bool ok = true;
      if (gc.HasMember("subject")) ok &= c->subject == Str(gc, "subject");
      if (gc.HasMember("place")) ok &= c->place == Str(gc, "place");
      if (gc.HasMember("period")) ok &= c->period == Str(gc, "period");
      if (gc["check"].IsNull()) ok &= c->checks.empty();
      else ok &= !c->checks.empty() && c->checks[0].status == Str(gc, "check");
      matched_claims += ok;
      EXPECT_TRUE(ok) << qtext << ": subject=" << c->subject << " place=" << c->place << " period=" << c->period
                      << " checks=" << (c->checks.empty() ? "none" : c->checks[0].status);
    }
    EXPECT_EQ(doc.claims.size(), g["claims"].GetArray().Size());
  }
  EXPECT_EQ(articles, 10u);
  std::printf("events gold: %zu/%zu events, %zu/%zu claims\n", matched_events, gold_events, matched_claims, gold_claims);
}

}  // namespace
}  // namespace newsledger
