#include "recognize/time_recognizer.h"

#include <gtest/gtest.h>

#include "time_case.h"

namespace newsledger {
namespace {

using time_test::Annotate;
using time_test::TCase;
using time_test::TimeTest;

TEST_P(TimeTest, Normalises) {
  const TCase& c = GetParam();
  Document doc = Annotate(c.text, c.published);
  const TimeExpr* t = nullptr;
  for (const TimeExpr& x : doc.times)
    if (doc.view(x.span) == c.span) t = &x;
  std::string all;
  for (const TimeExpr& x : doc.times) all += " [" + std::string(doc.view(x.span)) + "=" + x.value + "]";
  ASSERT_NE(t, nullptr) << c.text << " -> no \"" << c.span << "\"; found" << all;
  EXPECT_EQ(t->value, c.value) << c.text;
  EXPECT_EQ(t->mod, c.mod) << c.text;
  EXPECT_EQ(t->type, c.type) << c.text;
}

// 2025-11-17 is a Monday; 2025-11-20 a Thursday; 2025-09-10 a Wednesday.
INSTANTIATE_TEST_SUITE_P(
    Anchoring, TimeTest,
    ::testing::Values(
        // Explicit dates resolve with or without an anchor.
        TCase{"2025-11-17", "The accord was signed on November 3, 2024, in Lima.", "November 3, 2024", "2024-11-03", "",
              TimeType::kDate},
        TCase{"", "The accord was signed on 3 Nov 2024 in Lima.", "3 Nov 2024", "2024-11-03", "", TimeType::kDate},
        TCase{"", "Filed 2024-11-03 in the district court.", "2024-11-03", "2024-11-03", "", TimeType::kDate},
        TCase{"2025-11-17", "The port reopened on Nov. 3.", "Nov. 3", "2025-11-03", "", TimeType::kDate},
        // Weekdays by tense.
        TCase{"2025-11-17", "The mayor said Monday the bridge is safe.", "Monday", "2025-11-17", "", TimeType::kDate},
        TCase{"2025-11-20", "The council voted on Tuesday to close the pier.", "Tuesday", "2025-11-18", "",
              TimeType::kDate},
        TCase{"2025-11-20", "The council will vote on Tuesday.", "Tuesday", "2025-11-25", "", TimeType::kDate},
        // A modal in the clause points ahead even inside a past-tense report; a
        // perfect modal or a negated "could" looks back.
        TCase{"2025-11-20", "The engineer warned the levee could fail by Tuesday.", "Tuesday", "2025-11-25", "",
              TimeType::kDate},
        TCase{"2025-11-20", "She said the ferry would sail on Monday.", "Monday", "2025-11-24", "", TimeType::kDate},
        TCase{"2025-11-20", "He said the crew would have landed on Monday.", "Monday", "2025-11-17", "",
              TimeType::kDate},
        // The present tense of a schedule takes the nearest such day, either side.
        TCase{"2025-11-24", "He faces jail when he is sentenced on Jan. 15.", "Jan. 15", "2026-01-15", "",
              TimeType::kDate},
        TCase{"2026-01-20", "The ban is in force since Jan. 5.", "Jan. 5", "2026-01-05", "", TimeType::kDate},
        TCase{"2026-03-20", "The bill funds the agencies through Sept. 30.", "Sept. 30", "2026-09-30", "",
              TimeType::kDate},
        TCase{"2026-05-08", "The storm made landfall at 3 p.m. local time on Thursday.",
              "3 p.m. local time on Thursday", "2026-05-07T15", "", TimeType::kTime},
        TCase{"2025-11-20", "The mayor could not attend on Tuesday.", "Tuesday", "2025-11-18", "", TimeType::kDate},
        TCase{"2025-11-20", "The council met last Monday.", "last Monday", "2025-11-10", "", TimeType::kDate},
        TCase{"2025-11-20", "Crews worked through Monday night.", "Monday night", "2025-11-17TNI", "",
              TimeType::kDate},
        // Months by tense.
        TCase{"2025-11-17", "In April, the minister resigned.", "April", "2025-04", "", TimeType::kDate},
        TCase{"2025-03-17", "In April, the minister resigned.", "April", "2024-04", "", TimeType::kDate},
        TCase{"2025-09-10", "The minister will travel in November.", "November", "2025-11", "", TimeType::kDate},
        TCase{"2025-09-10", "Talks will resume in March.", "March", "2026-03", "", TimeType::kDate},
        TCase{"2025-11-17", "Exports fell last October.", "last October", "2024-10", "", TimeType::kDate},
        // Relative units.
        TCase{"2025-11-17", "Prices rose this month.", "this month", "2025-11", "", TimeType::kDate},
        TCase{"2025-11-17", "The plant closed last year.", "last year", "2024", "", TimeType::kDate},
        TCase{"2025-11-17", "The ship docked yesterday.", "yesterday", "2025-11-16", "", TimeType::kDate},
        TCase{"2025-11-17", "Talks resume next week.", "next week", "2025-W48", "", TimeType::kDate},
        TCase{"2025-11-17", "The dam failed three years ago.", "three years ago", "2022-11-17", "", TimeType::kDate},
        TCase{"2025-11-17", "Profit fell in the third quarter.", "the third quarter", "2025-Q3", "", TimeType::kDate},
        TCase{"2025-11-17", "Floods hit the coast last summer.", "last summer", "2024-SU", "", TimeType::kDate},
        // Mods and relations.
        TCase{"2025-11-17", "Since early September, the navy has seized 12 boats.", "early September", "2025-09",
              "START", TimeType::kDate},
        TCase{"2025-11-17", "The works end in late 2026.", "late 2026", "2026", "END", TimeType::kDate},
        TCase{"2025-11-17", "Rates peaked in mid-2024.", "mid-2024", "2024", "MID", TimeType::kDate},
        // Durations, sets, times, holidays, ranges.
        TCase{"2025-11-17", "He served three years in prison.", "three years", "P3Y", "", TimeType::kDuration},
        TCase{"2025-11-17", "The talks lasted 36 hours.", "36 hours", "PT36H", "", TimeType::kDuration},
        TCase{"2025-11-17", "The market opens every Monday.", "every Monday", "XXXX-WXX-1", "", TimeType::kSet},
        TCase{"2025-11-17", "The ferry runs daily.", "daily", "P1D", "", TimeType::kSet},
        TCase{"2025-11-17", "The vote closed at 8 p.m. on Monday.", "8 p.m. on Monday", "2025-11-17T20", "",
              TimeType::kTime},
        TCase{"2025-11-17", "The shops close on Christmas Eve.", "Christmas Eve", "2025-12-24", "", TimeType::kDate},
        TCase{"2025-11-17", "Rain fell from March to May.", "from March to May", "2025-03/2025-05", "",
              TimeType::kDate},
        TCase{"2025-11-17", "Output grew between 2019 and 2023.", "between 2019 and 2023", "2019/2023", "",
              TimeType::kDate},
        // No anchor: relative expressions keep X's.
        TCase{"", "The mayor spoke on Monday.", "Monday", "XXXX-WXX-1", "", TimeType::kDate},
        TCase{"", "In April, the minister resigned.", "April", "XXXX-04", "", TimeType::kDate}));

TEST(TimeRecognizer, DiscourseFollowsLastDate) {
  Document doc = Annotate("The strike began on March 3, 2025. The union met the same day. Talks failed that week.",
                     "2025-11-17");
  ASSERT_EQ(doc.times.size(), 3u);
  EXPECT_EQ(doc.times[1].value, "2025-03-03");
  EXPECT_EQ(doc.times[2].value, "2025-W10");
}

TEST(TimeRecognizer, SinceIsARelationOutsideTheSpan) {
  Document doc = Annotate("Since early September, boats have been stopped.", "2025-11-17");
  ASSERT_EQ(doc.times.size(), 1u);
  EXPECT_EQ(doc.view(doc.times[0].span), "early September");
  EXPECT_EQ(doc.times[0].relation, "since");
}

TEST(TimeRecognizer, InfersPublicationDate) {
  Document doc = Annotate("The fire started on June 1, 2026. By June 3, 2026, it was out. On Monday crews left.", "");
  EXPECT_EQ(doc.published, "2026-06-03");
  EXPECT_TRUE(doc.published_inferred);
  EXPECT_EQ(LatestExplicitDate(doc), std::optional<std::string>("2026-06-03"));
  Document none;
  none.text = "No dates here at all.";
  EXPECT_FALSE(LatestExplicitDate(none).has_value());
}

TEST(TimeRecognizer, ImpossibleDatesKeepTextWithoutValue) {
  Document doc = Annotate("The law took effect on February 30, 2025.", "2025-11-17");
  ASSERT_EQ(doc.times.size(), 1u);
  EXPECT_EQ(doc.view(doc.times[0].span), "February 30, 2025");
  EXPECT_EQ(doc.times[0].value, "");
}

TEST(TimeRecognizer, BadInputDoesNotCrash) {
  std::string s = "2025-13-45 99/99/9999 31/02/2024 '' '9 mid- early late since until 0000-00-00 ";
  for (int k = 0; k < 100; ++k) s += "Monday the 99th of Smarch ";
  // Number tokens that are no integers, or too long for one, wherever a rule reads one.
  for (const char* n : {".5", "-3", "99999999999", "3.", "0", "00", "1,5"})
    for (const char* tail : {" nights", "th of May", " May 2020", "/12/2020", " weeks ago", " pm", "s",
                             " of 2020", " hundred years"}) {
      s += "week ";
      s += n;
      s += tail;
      s += ". The ";
      s += n;
      s += tail;
      s += " on Friday. ";
    }
  Document doc = Annotate(s, "2025-11-17");
  for (const TimeExpr& t : doc.times) EXPECT_LE(t.span.end, doc.text.size());
  Document bad = Annotate("Monday", "not-a-date");
  ASSERT_EQ(bad.times.size(), 1u);
  EXPECT_EQ(bad.times[0].value, "XXXX-WXX-1");
}

}  // namespace
}  // namespace newsledger
