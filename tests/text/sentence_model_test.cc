#include "text/sentence_model.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "newsledger/error.h"
#include "newsledger/model_file.h"
#include "newsledger/segmenter.h"

namespace newsledger::text {
namespace {

std::vector<std::string> Split(const std::string& text, bool model) {
  Document doc;
  doc.text = text;
  Segmenter(SegmenterOptions{.sentence_model = model}).annotate(doc);
  std::vector<std::string> out;
  for (const Sentence& s : doc.sentences) out.emplace_back(doc.view(s.span));
  return out;
}

TEST(SentenceModelTest, SplitsInformalTextTheRulesCannot) {
  // No final punctuation between a sign-off and the next line's start.
  EXPECT_EQ(Split("Thanks for the update, see you Monday Regards", true).size(), 1u);
  EXPECT_EQ(Split("Can you send the file? thanks", true),
            (std::vector<std::string>{"Can you send the file?", "thanks"}));
}

TEST(SentenceModelTest, AgreesWithTheRulesOnEditedNewsProse) {
  // Edited prose: the model must not invent boundaries the punctuation does not show.
  size_t checked = 0;
  for (const auto& entry : std::filesystem::directory_iterator("examples")) {
    if (entry.path().extension() != ".txt") continue;
    std::ifstream in(entry.path());
    std::stringstream ss;
    ss << in.rdbuf();
    std::string body = ss.str();
    body = body.substr(body.find("\n\n") == std::string::npos ? 0 : body.find("\n\n") + 2);  // past the header
    EXPECT_EQ(Split(body, true), Split(body, false)) << entry.path();
    ++checked;
  }
  EXPECT_GE(checked, 6u);
}

TEST(SentenceModelTest, RefusesCorruptAndForeignFiles) {
  std::string bytes = ReadModelBytes("models/sentence.bin");
  std::string dir = ::testing::TempDir();
  auto write = [&](const std::string& name, const std::string& b) {
    std::string p = dir + "/" + name;
    std::ofstream(p, std::ios::binary) << b;
    return p;
  };
  std::string flipped = bytes;
  flipped[flipped.size() / 2] ^= 0x5A;
  EXPECT_THROW(SentenceModel::Load(write("flipped.bin", flipped)), Error);
  EXPECT_THROW(SentenceModel::Load(write("short.bin", bytes.substr(0, bytes.size() - 10))), Error);
  std::string other = bytes;
  other[0] = 'X';
  try {
    SentenceModel::Load(write("magic.bin", other));
    FAIL() << "bad magic accepted";
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("bad magic"), std::string::npos);
  }
  std::string version = bytes;
  version[8] = 99;
  try {
    SentenceModel::Load(write("version.bin", version));
    FAIL() << "other version accepted";
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("version"), std::string::npos);
  }
  EXPECT_NO_THROW(SentenceModel::Load("models/sentence.bin"));
}

}  // namespace
}  // namespace newsledger::text
