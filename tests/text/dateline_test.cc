// dateline_test.cc: which paragraph openings are wire datelines, on our own sentences.
#include "text/dateline.h"

#include <gtest/gtest.h>

#include <string>

#include "newsledger/segmenter.h"

namespace newsledger {
namespace {

// The text after the dateline that opens `text` (one paragraph).
std::string AfterDateline(const std::string& text) {
  static const Segmenter segmenter;
  Document doc;
  doc.text = text;
  segmenter.annotate(doc);
  if (doc.tokens.empty()) return "";
  uint32_t n = static_cast<uint32_t>(doc.tokens.size());
  uint32_t b = DatelineEnd(doc, 0, n);
  return doc.text.substr(doc.tokens[b].span.start, doc.tokens[n - 1].span.end - doc.tokens[b].span.start);
}

struct Case {
  const char* text;
  const char* after;  // what remains
};

class DatelineTest : public ::testing::TestWithParam<Case> {};

TEST_P(DatelineTest, StartsAfterTheDateline) {
  const Case& c = GetParam();
  EXPECT_EQ(AfterDateline(c.text), c.after) << c.text;
}

INSTANTIATE_TEST_SUITE_P(
    Wire, DatelineTest,
    ::testing::Values(Case{"OSLO (Nordwire) - Ferry crews walked out.", "Ferry crews walked out."},
                      Case{"PORT LOUIS, March 3 (Nordwire) \u2014 The harbour closed.", "The harbour closed."},
                      Case{"TALLINN \u2014 Trams stopped at noon.", "Trams stopped at noon."},
                      Case{"LA PAZ, Bolivia, Dec. 2 (NW) -- Snow fell.", "Snow fell."}));

INSTANTIATE_TEST_SUITE_P(
    Prose, DatelineTest,
    ::testing::Values(Case{"NATO - the alliance - met today.", "NATO - the alliance - met today."},
                      Case{"US forces - who arrived late - left.", "US forces - who arrived late - left."},
                      Case{"The FBI - and only the FBI - knew.", "The FBI - and only the FBI - knew."},
                      Case{"OSLO - ", "OSLO -"},
                      Case{"UNICEF said rations ran out.", "UNICEF said rations ran out."}));

}  // namespace
}  // namespace newsledger
