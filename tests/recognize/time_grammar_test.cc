// Time recognizer: ranges, date-time combinations, sets, offsets from a date and the
// other grammar rules beyond plain dates (one case per rule, on sentences we wrote).
#include <gtest/gtest.h>

#include "recognize/time_recognizer.h"
#include "time_case.h"

namespace newsledger {
namespace {

using time_test::Annotate;
using time_test::TCase;
using time_test::TimeTest;

// 2026-03-11 is a Wednesday.
INSTANTIATE_TEST_SUITE_P(
    Grammar, TimeTest,
    ::testing::Values(
        // Time ranges: a bare hour takes the other end's half of the day.
        TCase{"2026-03-11", "The polls stay open 7 to 9pm.", "7 to 9pm", "T19/T21", "", TimeType::kTime},
        TCase{"2026-03-11", "The clinic will open from 10:30 to 3 on Friday.", "from 10:30 to 3 on Friday",
              "2026-03-13T10:30/2026-03-13T15", "", TimeType::kTime},
        TCase{"2026-03-11", "Voting ran Tuesday 8-11am in the north.", "Tuesday 8-11am",
              "2026-03-10T08/2026-03-10T11", "", TimeType::kTime},
        TCase{"2026-03-11", "The hearing runs from 9:30 am for 2 hours.", "from 9:30 am for 2 hours", "T09:30/T11:30",
              "", TimeType::kTime},
        TCase{"2026-03-11", "Shops open in the afternoon at 3.", "in the afternoon at 3", "T15", "", TimeType::kTime},
        // Date + time and time + date.
        TCase{"2026-03-11", "The ferry leaves tomorrow at 5pm.", "tomorrow at 5pm", "2026-03-12T17", "",
              TimeType::kTime},
        TCase{"2026-03-11", "The vote ends at 9 tonight.", "9 tonight", "2026-03-11T21", "", TimeType::kTime},
        TCase{"2026-03-11", "Crews arrived at half past seven in the morning.", "half past seven in the morning",
              "T07:30", "", TimeType::kTime},
        TCase{"2026-03-11", "The sirens sounded at 8.15 pm.", "8.15 pm", "T20:15", "", TimeType::kTime},
        // Day ranges inside a month and years shared by both ends.
        TCase{"2026-03-11", "The fair runs from 4 to 9 May 2026.", "from 4 to 9 May 2026", "2026-05-04/2026-05-09",
              "", TimeType::kDate},
        TCase{"2026-03-11", "Shipments stopped from Nov to Feb 2025.", "from Nov to Feb 2025", "2024-11/2025-02", "",
              TimeType::kDate},
        TCase{"2026-03-11", "Output fell over 2014-2018.", "2014-2018", "2014/2018", "", TimeType::kDate},
        // Offsets from a date other than the anchor.
        TCase{"2026-03-11", "The hearing is three days after tomorrow.", "three days after tomorrow", "2026-03-15",
              "", TimeType::kDate},
        TCase{"2026-03-11", "The loan was repaid 1 month and 5 days ago.", "1 month and 5 days ago", "2026-02-06",
              "", TimeType::kDate},
        TCase{"2026-03-11", "The court will rule in 2 weeks.", "in 2 weeks", "2026-03-25", "", TimeType::kDate},
        TCase{"2026-03-11", "Repairs will finish within 10 days.", "within 10 days", "2026-03-11/2026-03-21", "",
              TimeType::kDate},
        // Weekdays tied to a week, an ordinal or a day number.
        TCase{"2026-03-11", "The board meets Friday next week.", "Friday next week", "2026-03-20", "",
              TimeType::kDate},
        TCase{"2026-03-11", "The board meets the second Monday of next month.", "the second Monday of next month",
              "2026-04-13", "", TimeType::kDate},
        TCase{"2026-03-11", "The board met this past Monday.", "this past Monday", "2026-03-09", "",
              TimeType::kDate},
        TCase{"2026-03-11", "Rent is due the 20th of next month.", "the 20th of next month", "2026-04-20", "",
              TimeType::kDate},
        // Weeks, decades and centuries.
        TCase{"2026-03-11", "Sales slumped in the first week of 2025.", "the first week of 2025", "2025-W01", "",
              TimeType::kDate},
        TCase{"2026-03-11", "The mill thrived in the seventies.", "the seventies", "197", "", TimeType::kDate},
        TCase{"2026-03-11", "The abbey dates from the 12th century.", "the 12th century", "11", "",
              TimeType::kDate},
        TCase{"2026-03-11", "It was built in nineteen sixty four.", "nineteen sixty four", "1964", "",
              TimeType::kDate},
        TCase{"2026-03-11", "Rents rose in 2025 June.", "2025 June", "2025-06", "", TimeType::kDate},
        // Sets with clock times, parts of weekdays.
        TCase{"2026-03-11", "The bell rings every day at 6:30 a.m.", "every day at 6:30 a.m.", "T06:30", "",
              TimeType::kSet},
        TCase{"2026-03-11", "The market opens Saturday mornings.", "Saturday mornings", "XXXX-WXX-6TMO", "",
              TimeType::kSet},
        TCase{"2026-03-11", "Inspectors visit once a month.", "once a month", "P1M", "", TimeType::kSet},
        // Periods with later/earlier and ends of periods.
        TCase{"2026-03-11", "The report comes out later this month.", "later this month", "2026-03", "",
              TimeType::kDate},
        // The rest of a period, the weekend by tense, quarters and weeks of a month.
        TCase{"2026-03-11", "The office is shut for the rest of the week.", "the rest of the week",
              "2026-03-11/2026-03-15", "", TimeType::kDate},
        TCase{"2026-03-11", "Two ferries sank over the weekend.", "the weekend", "2026-W10-WE", "",
              TimeType::kDate},
        TCase{"2026-03-11", "Sales rose in q3 2025.", "q3 2025", "2025-Q3", "", TimeType::kDate},
        TCase{"2026-03-11", "The audit covers the last week of January 2026.", "the last week of January 2026",
              "2026-W05", "", TimeType::kDate},
        TCase{"2026-03-11", "The parade was held on the Fourth of July of 1976.", "Fourth of July of 1976",
              "1976-07-04", "", TimeType::kDate},
        TCase{"2026-03-11", "Crowds gathered on Easter Monday 2025.", "Easter Monday 2025", "2025-04-21", "",
              TimeType::kDate},
        TCase{"2026-03-11", "Staff must leave by the end of the week.", "end of the week", "2026-W11", "END",
              TimeType::kDate}));

TEST(TimeGrammar, NoLaterThanIsABound) {
  Document doc = Annotate("Bids are due no later than March 20, 2026.", "2026-03-11");
  ASSERT_EQ(doc.times.size(), 1u);
  EXPECT_EQ(doc.view(doc.times[0].span), "March 20, 2026");
  EXPECT_EQ(doc.times[0].relation, "until");
}

TEST(TimeGrammar, WeekdayThenCountIsNoDate) {
  Document doc = Annotate("On Monday 21 people were hurt.", "2026-03-11");
  ASSERT_EQ(doc.times.size(), 1u);
  EXPECT_EQ(doc.view(doc.times[0].span), "Monday");
}

TEST(TimeGrammar, ModalMayIsNoMonth) {
  Document doc = Annotate("This may take a while, and prices may rise.", "2026-03-11");
  EXPECT_TRUE(doc.times.empty());
}

TEST(TimeGrammar, BareHoursNeedADate) {
  // "3 to 5" alone is a count range; beside a date it is a time range.
  Document doc = Annotate("Scores ranged from 3 to 5 points.", "2026-03-11");
  EXPECT_TRUE(doc.times.empty());
}

}  // namespace
}  // namespace newsledger
