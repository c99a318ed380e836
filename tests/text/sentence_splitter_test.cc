#include "text/sentence_splitter.h"

#include <gtest/gtest.h>

#include "newsledger/segmenter.h"

namespace newsledger::text {
namespace {

std::vector<std::string> Sentences(const std::string& text) {
  Document doc;
  doc.text = text;
  Segmenter().annotate(doc);
  std::vector<std::string> out;
  for (const Sentence& s : doc.sentences) out.emplace_back(doc.view(s.span));
  return out;
}

struct Case {
  const char* input;
  std::vector<std::string> expected;
};

class SentenceSplitterTest : public ::testing::TestWithParam<Case> {};

TEST_P(SentenceSplitterTest, Splits) { EXPECT_EQ(Sentences(GetParam().input), GetParam().expected); }

INSTANTIATE_TEST_SUITE_P(
    Table, SentenceSplitterTest,
    ::testing::Values(
        Case{"The dam broke. Water rose fast.", {"The dam broke.", "Water rose fast."}},
        Case{"Dr. Okafor spoke. Gen. Mills left.", {"Dr. Okafor spoke.", "Gen. Mills left."}},
        Case{"It cost 3.5 million. Then it fell.", {"It cost 3.5 million.", "Then it fell."}},
        Case{"Aid reached the U.S. Army base. The convoy left.",
             {"Aid reached the U.S. Army base.", "The convoy left."}},
        Case{"The talks moved to the U.S. The envoy flew home.",
             {"The talks moved to the U.S.", "The envoy flew home."}},
        Case{"\u201cWe will rebuild.\u201d The mayor left.", {"\u201cWe will rebuild.\u201d", "The mayor left."}},
        Case{"\u201cWhy now?\u201d she asked. He shrugged.", {"\u201cWhy now?\u201d she asked.", "He shrugged."}},
        // An ellipsis inside a quotation does not end the sentence.
        Case{"She said, \u201cWe refuse any deal\u2026 We stand firm,\u201d and left.",
             {"She said, \u201cWe refuse any deal\u2026 We stand firm,\u201d and left."}},
        Case{"He said \"No way... Not now\" and walked off. Later he called.",
             {"He said \"No way... Not now\" and walked off.", "Later he called."}},
        Case{"Rain fell (about 40 mm.) Roads closed.", {"Rain fell (about 40 mm.)", "Roads closed."}},
        Case{"First line\nSecond line", {"First line", "Second line"}}));

TEST(SegmenterTest, OutletTagIsOutsideEverySentence) {
  Document doc;
  doc.text = "Title line\nThe port reopened on Friday. (example-news.com)\nNo tag here.";
  Segmenter().annotate(doc);
  ASSERT_EQ(doc.paragraphs.size(), 3u);
  EXPECT_EQ(doc.paragraphs[1].source, "example-news.com");
  EXPECT_EQ(doc.view(doc.paragraphs[1].body), "The port reopened on Friday.");
  EXPECT_EQ(doc.paragraphs[2].source, "");
  for (const Sentence& s : doc.sentences) EXPECT_EQ(doc.view(s.span).find("example-news"), std::string::npos);
  ASSERT_EQ(doc.sentences.size(), 3u);
  EXPECT_EQ(doc.sentences[1].paragraph, 1u);
}

TEST(SegmenterTest, ParenthesesThatAreNotOutletsStayInText) {
  Document doc;
  doc.text = "The index fell (again).\nThe agency (WHO) spoke.";
  Segmenter().annotate(doc);
  ASSERT_EQ(doc.paragraphs.size(), 2u);
  EXPECT_EQ(doc.paragraphs[0].source, "");
  EXPECT_EQ(doc.paragraphs[1].source, "");
  EXPECT_EQ(doc.view(doc.sentences[0].span), "The index fell (again).");
}

TEST(SegmenterTest, SentencesIndexTheirTokens) {
  Document doc;
  doc.text = "One two. Three four five.";
  Segmenter().annotate(doc);
  ASSERT_EQ(doc.sentences.size(), 2u);
  EXPECT_EQ(doc.sentences[0].token_end - doc.sentences[0].token_begin, 3u);
  EXPECT_EQ(doc.sentences[1].token_begin, 3u);
  EXPECT_EQ(doc.sentences[1].token_end, 7u);
}

}  // namespace
}  // namespace newsledger::text
