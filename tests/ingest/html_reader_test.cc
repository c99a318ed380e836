#include <gtest/gtest.h>

#include "ingest/ingest.h"
#include "ingest_test_util.h"
#include "newsledger/reader.h"

namespace newsledger {
namespace {

using ingest::ExtractHtmlArticle;
using ingest::HtmlArticle;

// Text extraction: what is kept and what is dropped.
struct TextCase {
  const char* name;
  const char* html;
  const char* text;
};

const TextCase kTextCases[] = {
    {"paragraphs joined by newlines", "<body><p>One.</p>\n<p>Two\n  lines.</p></body>", "One.\nTwo lines."},
    {"inline markup kept, entities decoded",
     "<p>The <b>mayor</b> said &#8220;no&#8221; &amp; left <a href=/x>early</a>.</p>",
     "The mayor said \xE2\x80\x9Cno\xE2\x80\x9D & left early."},
    {"nav header footer aside dropped",
     "<header><p>Site</p></header><nav><p>Menu</p></nav><p>Story.</p><aside><p>Side</p></aside><footer><p>Foot</p></footer>",
     "Story."},
    {"scripts styles forms dropped",
     "<p>Kept.</p><script>var x = '<p>no</p>';</script><style>p{}</style><form><p>Sign in</p></form><noscript><p>JS</p></noscript>",
     "Kept."},
    {"ads by class and id dropped",
     "<p>Kept.</p><div class=\"ad-slot\"><p>Buy now.</p></div><div id=\"div-gpt-ad-1\"><p>Buy.</p></div>"
     "<div class=\"sponsored\"><p>Promo.</p></div><div class=\"newsletter-signup\"><p>Sign up.</p></div>",
     "Kept."},
    {"hidden elements dropped",
     "<p>Kept.</p><div hidden><p>A</p></div><p aria-hidden=\"true\">B</p><p style=\"display: none\">C</p>"
     "<div role=\"navigation\"><p>D</p></div>",
     "Kept."},
    {"headings and list items are paragraphs", "<h2>Subhead</h2><p>Text.</p><ul><li>First item;</li><li>second.</li></ul>",
     "Subhead\nText.\nFirst item;\nsecond."},
    {"lists of links dropped", "<p>Story.</p><ul><li><a href=/a>Other story</a></li><li><a href=/b>More</a></li></ul>",
     "Story."},
    {"br ends a paragraph", "<p>Line one<br>line two</p>", "Line one\nline two"},
    {"label paragraphs dropped", "<p>Advertisement</p><p>Story.</p><p>Read more</p>", "Story."},
    {"loose text only without paragraphs", "<body><div>Loose words.</div><div>More words.</div></body>",
     "Loose words.\nMore words."},
    {"loose text dropped when paragraphs exist", "<body><div>By a reporter | 3 min read</div><p>Story.</p></body>",
     "Story."},
    {"article preferred over the rest of the page",
     "<body><div><p>Teaser one.</p></div><article><p>The article text, which is the longest here.</p></article></body>",
     "The article text, which is the longest here."},
    {"largest article wins",
     "<article><p>Short teaser.</p></article><article><p>The real story with many more words in it.</p></article>",
     "The real story with many more words in it."},
    {"articleBody wins over article",
     "<article><p>Kicker that is quite long but outside the body element.</p>"
     "<div itemprop=\"articleBody\"><p>Body.</p></div></article>",
     "Body."},
    {"boilerplate-named wrapper holding the story is kept",
     "<div class=\"content-with-sidebar\"><p>The story is inside a wrapper whose class names a sidebar.</p></div>",
     "The story is inside a wrapper whose class names a sidebar."},
    {"figure and table dropped", "<figure><figcaption>Photo</figcaption></figure><p>Story.</p><table><tr><td>1</td></tr></table>",
     "Story."},
    {"social embeds dropped",
     "<p>The story itself has more words than the post.</p><blockquote class=\"twitter-tweet\"><p>A post.</p>"
     "&mdash; Someone (@someone)</blockquote>",
     "The story itself has more words than the post."},
    {"custom ad elements dropped", "<p>Story.</p><amp-ad width=300><p>Ad.</p></amp-ad><picture><p>x</p></picture>",
     "Story."},
};

TEST(HtmlReaderTest, TextExtraction) {
  for (const TextCase& c : kTextCases) EXPECT_EQ(ExtractHtmlArticle(c.html).text, c.text) << c.name;
}

TEST(HtmlReaderTest, HeadingEqualToTitleIsNotText) {
  HtmlArticle a = ExtractHtmlArticle(
      "<head><meta property=\"og:title\" content=\"Dam Holds\"></head><body><h1>Dam holds</h1><p>Story.</p></body>");
  EXPECT_EQ(a.title, "Dam Holds");
  EXPECT_EQ(a.text, "Story.");
}

TEST(HtmlReaderTest, OpenGraphMetadata) {
  HtmlArticle a = ExtractHtmlArticle(R"(<html><head>
    <title>Page title | Site</title>
    <meta property="og:title" content="OG title">
    <meta property="og:site_name" content="The Example Post">
    <meta property="og:url" content="https://example.com/a">
    <meta property="article:published_time" content="2025-11-17T06:00:00Z">
    <link rel="canonical" href="https://example.com/canonical">
    </head><body><p>Text.</p></body></html>)");
  EXPECT_EQ(a.title, "OG title");
  EXPECT_EQ(a.outlet, "The Example Post");
  EXPECT_EQ(a.url, "https://example.com/a");
  EXPECT_EQ(a.published, "2025-11-17");
}

TEST(HtmlReaderTest, JsonLdNewsArticle) {
  HtmlArticle a = ExtractHtmlArticle(R"(<html><head>
    <script type="application/ld+json">[{"@type": "Organization", "name": "Not this"},
      {"@context": "https://schema.org", "@graph": [
        {"@type": "WebPage", "headline": "Not this either"},
        {"@type": ["NewsArticle"], "headline": "Harvest falls short",
         "datePublished": "2025-09-02", "publisher": {"@type": "Organization", "name": "Farm Daily"},
         "mainEntityOfPage": {"@id": "https://farm.example/harvest"}}]}]</script>
    <script type="application/ld+json">{ broken json</script>
    </head><body><p>Text.</p></body></html>)");
  EXPECT_EQ(a.title, "Harvest falls short");
  EXPECT_EQ(a.outlet, "Farm Daily");
  EXPECT_EQ(a.published, "2025-09-02");
  EXPECT_EQ(a.url, "https://farm.example/harvest");
}

TEST(HtmlReaderTest, OutletSuffixIsDroppedFromTheTitle) {
  HtmlArticle a = ExtractHtmlArticle(
      "<head><title>Bridge reopens | Valley Post</title><meta property=\"og:site_name\" content=\"Valley Post\">"
      "</head><body><p>Text.</p></body>");
  EXPECT_EQ(a.title, "Bridge reopens");
}

TEST(HtmlReaderTest, FallbacksForMetadata) {
  HtmlArticle a = ExtractHtmlArticle(R"(<html><head><title>  Quiet   day </title>
    <link rel="canonical" href="https://www.quiet.example/day"></head>
    <body><article><time datetime="2025-05-06T10:00">6 May</time><p>Nothing happened.</p></article></body></html>)");
  EXPECT_EQ(a.title, "Quiet day");
  EXPECT_EQ(a.url, "https://www.quiet.example/day");
  EXPECT_EQ(a.outlet, "quiet.example");
  EXPECT_EQ(a.published, "2025-05-06");
  HtmlArticle b = ExtractHtmlArticle("<body><h1>Only a heading title</h1><p>Text.</p></body>");
  EXPECT_EQ(b.title, "Only a heading title");
}

TEST(HtmlReaderTest, JsonLdArticleBodyWhenThePageHasNoText) {
  HtmlArticle a = ExtractHtmlArticle(
      R"(<head><script type="application/ld+json">{"@type": "NewsArticle", "articleBody": "Body from JSON-LD."}</script></head><body></body>)");
  EXPECT_EQ(a.text, "Body from JSON-LD.");
}

TEST(HtmlReaderTest, DeepNestingDoesNotCrash) {
  std::string html;
  for (int i = 0; i < 3000; ++i) html += "<div>";
  html += "<p>Deep.</p>";
  HtmlArticle a = ExtractHtmlArticle(html);
  EXPECT_EQ(a.text, "");  // below the depth limit: ignored, not a crash
}

TEST(HtmlReaderTest, Latin1PageIsConverted) {
  ingest_test::TempDir dir;
  auto r = ingest_test::Read(dir.Write(
      "latin.html", "<html><head><meta charset=\"iso-8859-1\"></head><body><p>Caf\xE9 prices rose 5\x80.</p></body></html>"));
  ASSERT_EQ(r.docs.size(), 1u) << r.IssueText();
  EXPECT_EQ(r.docs[0].text, "Caf\xC3\xA9 prices rose 5\xE2\x82\xAC.");
}

TEST(HtmlReaderTest, ExamplePage) {
  auto r = ingest_test::Read(NEWSLEDGER_SOURCE_DIR "/examples/html/river-flood.html");
  ASSERT_EQ(r.docs.size(), 1u) << r.IssueText();
  const Document& d = r.docs[0];
  EXPECT_EQ(d.id, "river-flood");
  EXPECT_EQ(d.outlet, "The Valley Courier");
  EXPECT_EQ(d.published, "2025-10-09");
  EXPECT_EQ(d.url, "https://valleycourier.example/news/2025/10/09/aldermoor-flood");
  EXPECT_EQ(d.title, "River Aldermoor bursts its banks, forcing thousands from their homes");
  EXPECT_EQ(d.text.rfind("About 4,500 people were evacuated", 0), 0u);
  for (const char* boilerplate : {"Advertisement", "Sign up", "Share on", "Most read", "Related stories", "cookies",
                                  "Photo:", "Comments", "All rights reserved", "Priya Castellano", "dataLayer"})
    EXPECT_EQ(d.text.find(boilerplate), std::string::npos) << boilerplate;
  EXPECT_NE(d.text.find("\nSchools and rail lines closed\n"), std::string::npos);
  EXPECT_NE(d.text.find("\nSt Anne\xE2\x80\x99s community hall, open until 10 p.m.\n"), std::string::npos);
}

}  // namespace
}  // namespace newsledger
