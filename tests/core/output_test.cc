#include "newsledger/output.h"

#include <gtest/gtest.h>

#include "newsledger/error.h"

namespace newsledger {
namespace {

TEST(OutputFormatTest, ParsesKnownNamesAndRejectsOthers) {
  EXPECT_EQ(ParseOutputFormat("jsonl"), OutputFormat::kJsonl);
  EXPECT_EQ(ParseOutputFormat("conllu"), OutputFormat::kConllu);
  EXPECT_THROW(ParseOutputFormat("xml"), Error);
}

}  // namespace
}  // namespace newsledger
