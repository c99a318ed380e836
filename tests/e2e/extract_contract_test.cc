// The extract contract on every example article: spans inside the text, ordered by
// start, and every "text" field equal to the bytes of its span (checked on the JSON the
// user sees, not on the structs).
#include <gtest/gtest.h>
#include <rapidjson/document.h>

#include <algorithm>
#include <filesystem>
#include <vector>

#include "newsledger/error.h"
#include "newsledger/output.h"
#include "newsledger/pipeline.h"
#include "newsledger/reader.h"

namespace newsledger {
namespace {

class ExtractContractTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { pipeline_ = new Pipeline(); }
  static void TearDownTestSuite() { delete pipeline_; }
  static Pipeline* pipeline_;
};
Pipeline* ExtractContractTest::pipeline_ = nullptr;

void CheckArray(const rapidjson::Value& obj, const char* name, const std::string& text, const std::string& where) {
  ASSERT_TRUE(obj.HasMember(name)) << where << ": no " << name;
  const rapidjson::Value& arr = obj[name];
  ASSERT_TRUE(arr.IsArray());
  uint64_t last_start = 0;
  for (const auto& item : arr.GetArray()) {
    uint64_t start = item["start"].GetUint64(), end = item["end"].GetUint64();
    ASSERT_LE(start, end) << where << " " << name;
    ASSERT_LE(end, text.size()) << where << " " << name;
    EXPECT_GE(start, last_start) << where << ": " << name << " not ordered by start";
    last_start = start;
    if (item.HasMember("text")) {
      EXPECT_EQ(std::string(item["text"].GetString(), item["text"].GetStringLength()),
                text.substr(start, end - start))
          << where << ": " << name << " text differs from its span";
    }
  }
}

// Every example article (examples/, any format), in a fixed order.
std::vector<std::filesystem::path> ExampleFiles() {
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::recursive_directory_iterator("examples"))
    if (entry.is_regular_file() && entry.path().extension() != ".md") files.push_back(entry.path());
  std::sort(files.begin(), files.end());
  return files;
}

TEST_F(ExtractContractTest, EveryExampleKeepsItsSpans) {
  size_t documents = 0;
  auto sink = [&](Document&& doc) {
    pipeline_->annotate(doc);
    rapidjson::Document json;
    std::string out = ToJson(doc);
    json.Parse(out.c_str(), out.size());
    ASSERT_FALSE(json.HasParseError()) << doc.origin;
    for (const char* name : {"paragraphs", "sentences", "entities", "quantities", "times", "quotes", "events", "claims"})
      CheckArray(json, name, doc.text, doc.origin);
    // Sentences lie inside paragraph bodies, never in an outlet tag.
    for (const Sentence& s : doc.sentences) {
      ASSERT_LT(s.paragraph, doc.paragraphs.size());
      EXPECT_TRUE(doc.paragraphs[s.paragraph].body.contains(s.span)) << doc.origin;
    }
    ++documents;
  };
  auto issues = [](const ReadIssue& issue) { ADD_FAILURE() << issue.where << ": " << issue.reason; };
  for (const auto& f : ExampleFiles()) ReadPath(f.string(), sink, issues);
  EXPECT_GE(documents, 6u);
}

// Annotating a batch stage by stage (what `extract` does on one thread) gives every
// document exactly what annotating it alone gives.
TEST_F(ExtractContractTest, BatchAnnotationEqualsOneByOne) {
  std::vector<Document> docs;
  auto sink = [&](Document&& doc) { docs.push_back(std::move(doc)); };
  auto issues = [](const ReadIssue& issue) { ADD_FAILURE() << issue.where << ": " << issue.reason; };
  for (const auto& f : ExampleFiles()) ReadPath(f.string(), sink, issues);
  ASSERT_GE(docs.size(), 6u);
  std::vector<Document> alone = docs;
  pipeline_->annotate(docs.data(), docs.size());
  for (size_t i = 0; i < docs.size(); ++i) {
    pipeline_->annotate(alone[i]);
    EXPECT_EQ(ToJson(docs[i]), ToJson(alone[i])) << docs[i].origin;
  }
  pipeline_->annotate(docs.data(), 0);  // an empty batch is nothing to do
}

// A pipeline cut after a stage runs exactly the stages up to it, and gives their
// annotations as the whole pipeline does (later stages only add).
TEST_F(ExtractContractTest, PipelineStopsAfterTheNamedStage) {
  PipelineOptions through;
  through.last_stage = "entities";
  Pipeline through_entities(through);
  std::vector<std::string> names;
  for (const auto& st : through_entities.stages()) names.push_back(st->name());
  EXPECT_EQ(names, (std::vector<std::string>{"segment", "tag", "times", "quantities", "entities"}));
  std::vector<std::string> all;
  for (const auto& st : pipeline_->stages()) all.push_back(st->name());
  EXPECT_EQ(all, Pipeline::StageNames());
  PipelineOptions unknown;
  unknown.last_stage = "parse";
  EXPECT_THROW(Pipeline{unknown}, Error);

  std::vector<Document> docs;
  auto sink = [&](Document&& doc) { docs.push_back(std::move(doc)); };
  auto issues = [](const ReadIssue& issue) { ADD_FAILURE() << issue.where << ": " << issue.reason; };
  for (const auto& f : ExampleFiles()) ReadPath(f.string(), sink, issues);
  ASSERT_FALSE(docs.empty());
  for (Document& doc : docs) {
    Document full = doc;
    pipeline_->annotate(full);
    through_entities.annotate(doc);
    EXPECT_EQ(doc.entities.size(), full.entities.size()) << doc.origin;
    EXPECT_EQ(doc.times.size(), full.times.size()) << doc.origin;
    EXPECT_EQ(doc.quantities.size(), full.quantities.size()) << doc.origin;
    EXPECT_TRUE(doc.quotes.empty() && doc.events.empty() && doc.claims.empty()) << doc.origin;
  }
}

}  // namespace
}  // namespace newsledger
