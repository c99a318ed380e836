// Tests of the tagger's model file: every kind of damaged or mismatched file is
// refused with an Error naming the file and the reason.
#include <gtest/gtest.h>

#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "newsledger/error.h"
#include "newsledger/resources.h"
#include "newsledger/tagger.h"

namespace newsledger {
namespace {

std::string ModelBytes() {
  static const std::string bytes = [] {
    std::ifstream in(ResourcePath("models/pos.bin"), std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
  }();
  return bytes;
}

std::filesystem::path WriteTemp(const std::string& name, const std::string& bytes) {
  auto path = std::filesystem::temp_directory_path() / ("newsledger_tagger_test_" + name);
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  return path;
}

// Loading `bytes` must throw an Error whose where() is the file and whose reason
// contains `reason`.
void ExpectRefused(const std::string& name, const std::string& bytes, const std::string& reason) {
  auto path = WriteTemp(name, bytes);
  try {
    Tagger t(path);
    ADD_FAILURE() << name << ": loaded";
  } catch (const Error& e) {
    EXPECT_EQ(e.where(), path.string()) << name;
    EXPECT_NE(e.reason().find(reason), std::string::npos) << name << ": " << e.what();
  }
  std::filesystem::remove(path);
}

TEST(TaggerModelTest, CommittedModelLoads) {
  auto path = WriteTemp("good", ModelBytes());
  Tagger t(path);
  EXPECT_GT(t.num_labels(), 40u);
  EXPECT_FALSE(t.model().samples.empty());
  std::filesystem::remove(path);
}

TEST(TaggerModelTest, RefusesDamagedFiles) {
  const std::string good = ModelBytes();
  ASSERT_GT(good.size(), 1000u);
  struct Case {
    const char* name;
    std::string bytes;
    const char* reason;
  };
  std::string magic = good;
  magic[0] = 'X';
  std::string version = good;
  uint32_t v = TaggerModel::kVersion + 1;
  std::memcpy(version.data() + 8, &v, 4);
  std::string flipped = good;
  flipped[good.size() / 2] ^= 0x20;
  std::string truncated = good.substr(0, good.size() - 100);
  std::string padded = good + "extra";
  const Case cases[] = {
      {"empty", "", "bad magic"},
      {"magic", magic, "bad magic"},
      {"version", version, "version"},
      {"flipped", flipped, "checksum"},
      {"truncated", truncated, "truncated"},
      {"padded", padded, "truncated or padded"},
      {"short", good.substr(0, 20), "truncated"},
  };
  for (const Case& c : cases) ExpectRefused(c.name, c.bytes, c.reason);
}

TEST(TaggerModelTest, RefusesAModelThatFailsItsSelfTest) {
  TaggerModel m = TaggerModel::Parse(ModelBytes(), "pos.bin");
  ASSERT_FALSE(m.samples.empty());
  uint16_t& label = m.samples[0].labels[0];
  label = static_cast<uint16_t>((label + 1) % m.upos.size());
  ExpectRefused("selftest", m.Serialize(), "self-test failed");
}

TEST(TaggerModelTest, RoundTripsThroughSerialize) {
  TaggerModel m = TaggerModel::Parse(ModelBytes(), "pos.bin");
  EXPECT_EQ(m.Serialize(), ModelBytes());
}

TEST(TaggerModelTest, MissingFileIsAnError) {
  EXPECT_THROW(Tagger(std::filesystem::path("/nonexistent/pos.bin")), Error);
}

}  // namespace
}  // namespace newsledger
