// Time recognizer: calendar periods (src/recognize/time_period_rules.inc and the period
// rules of time_recognizer.cc), one case per rule, on sentences we wrote.
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
    Periods, TimeTest,
    ::testing::Values(
        // A week or month around a date: the ISO week that holds it, the month.
        TCase{"2026-03-11", "Talks resume the week of April 14.", "the week of April 14", "2026-W16", "",
              TimeType::kDate},
        TCase{"2026-03-11", "Shipments restart the week beginning May 4.", "the week beginning May 4", "2026-W19", "",
              TimeType::kDate},
        TCase{"2026-03-11", "Inspections run the month of June 9th.", "the month of June 9th", "2026-06", "",
              TimeType::kDate},
        // Days inside a named month or week.
        TCase{"2026-03-11", "Voting takes place March between 23 and 27.", "March between 23 and 27",
              "2026-03-23/2026-03-27", "", TimeType::kDate},
        TCase{"2026-03-11", "Inspectors will visit next week between Tuesday and Thursday.",
              "next week between Tuesday and Thursday", "2026-03-17/2026-03-19", "", TimeType::kDate},
        TCase{"2026-03-11", "The office is shut this week from Mon to Wed.", "this week from Mon to Wed",
              "2026-03-09/2026-03-11", "", TimeType::kDate},
        // Lengths counted from a day or from the anchor.
        TCase{"2026-03-11", "The fund will be spent within the next 2 years.", "within the next 2 years",
              "2026-03-11/2028-03-11", "", TimeType::kDate},
        TCase{"2026-03-11", "Prices stay frozen for 10 days from tomorrow.", "for 10 days from tomorrow",
              "2026-03-12/2026-03-22", "", TimeType::kDate},
        TCase{"2026-03-11", "Ballots must arrive less than 5 days after today.", "less than 5 days after today",
              "2026-03-11/2026-03-16", "", TimeType::kDate},
        TCase{"2026-03-11", "Repayment starts more than 3 weeks after today.", "more than 3 weeks after today",
              "2026-04-01", "", TimeType::kDate},
        TCase{"2026-03-11", "Delivery is expected 3 days hence.", "3 days hence", "2026-03-12/2026-03-15", "",
              TimeType::kDate},
        TCase{"2026-03-11", "A verdict may come 2 weeks in the future.", "2 weeks in the future",
              "2026-03-12/2026-03-26", "", TimeType::kDate},
        // Whole decades.
        TCase{"2026-03-11", "Output doubled over the past two decades.", "the past two decades",
              "2000-01-01/2020-01-01", "", TimeType::kDate},
        TCase{"2026-03-11", "Costs will rise in the next 3 decades.", "the next 3 decades", "2030-01-01/2060-01-01",
              "", TimeType::kDate},
        // Weeks of a month: the weeks that hold their Thursday in it.
        TCase{"2026-03-11", "Talks will resume in the first week of August.", "the first week of August", "2026-W32",
              "", TimeType::kDate},
        TCase{"2026-03-11", "Exports peaked in the last week of May.", "the last week of May", "2025-W22", "",
              TimeType::kDate},
        // Year and month in digits with spaced separators.
        TCase{"2026-03-11", "Figures for 2025 / 11 were revised.", "2025 / 11", "2025-11", "", TimeType::kDate},
        TCase{"2026-03-11", "The batch dated 7 - 2024 was recalled.", "7 - 2024", "2024-07", "", TimeType::kDate},
        // Weekends, weekdays counted ahead, ordinal weekdays of this month.
        TCase{"2026-03-11", "Markets stay shut on weekend.", "weekend", "2026-W11-WE", "", TimeType::kDate},
        TCase{"2026-03-11", "The panel meets two Fridays from now.", "two Fridays from now", "2026-03-20", "",
              TimeType::kDate},
        TCase{"2026-03-11", "The fair returns second Saturday.", "second Saturday", "2026-03-14", "",
              TimeType::kDate},
        // Dates: a day with a dot, a day in words with its year, a two-digit year.
        TCase{"2026-03-11", "The filing is dated 3. Feb. 2021 in the register.", "3. Feb. 2021", "2021-02-03", "",
              TimeType::kDate},
        TCase{"2026-03-11", "The law passed on twenty second of June 2017.", "twenty second of June 2017",
              "2017-06-22", "", TimeType::kDate},
        TCase{"2026-03-11", "The treaty dates from May the first nineteen ninety two.",
              "May the first nineteen ninety two", "1992-05-01", "", TimeType::kDate},
        TCase{"2026-03-11", "Records from August 99 were lost.", "August 99", "1999-08", "", TimeType::kDate},
        // Quarters, weeks of a month by number, counts before "next", days counted in a
        // month, "year to date", the anchor's year after a preposition.
        TCase{"2026-03-11", "Sales will recover in the following quarter.", "following quarter", "2026-Q2", "",
              TimeType::kDate},
        TCase{"2026-03-11", "Output dipped in the 3rd week of January.", "the 3rd week of January", "2026-W03", "",
              TimeType::kDate},
        TCase{"2026-03-11", "Prices will climb over the 3 upcoming months.", "3 upcoming months",
              "2026-03-12/2026-06-12", "", TimeType::kDate},
        TCase{"2026-03-11", "Talks resume over the next couple weeks.", "next couple weeks", "2026-03-12/2026-03-26",
              "", TimeType::kDate},
        TCase{"2026-03-11", "Payment is due on the 15th day of next month.", "the 15th day of next month",
              "2026-04-15", "", TimeType::kDate},
        TCase{"2026-03-11", "The index is up 4% year to date.", "year to date", "2026-01-01/2026-03-11", "",
              TimeType::kDate},
        TCase{"2026-03-11", "Profits fell for the year.", "the year", "2026", "", TimeType::kDate},
        // Parts of a named year, numbered weeks and months, weekday and day number,
        // holiday weekends, holidays before or after the anchor.
        TCase{"2026-03-11", "Revenue rose in the first six months of 2025.", "the first six months of 2025",
              "2025-01-01/2025-07-01", "", TimeType::kDate},
        TCase{"2026-03-11", "Work stops for the last 2 weeks of this year.", "the last 2 weeks of this year",
              "2026-12-21/2027-01-04", "", TimeType::kDate},
        TCase{"2026-03-11", "Tickets sold out in week 12 of last year.", "week 12 of last year", "2025-W12", "",
              TimeType::kDate},
        TCase{"2026-03-11", "Rates rise in the 9th month of next year.", "the 9th month of next year", "2027-09", "",
              TimeType::kDate},
        TCase{"2026-03-11", "The vote is on Fri 13th.", "Fri 13th", "2026-03-13", "", TimeType::kDate},
        TCase{"2026-03-11", "Traffic will peak on Memorial Day weekend.", "Memorial Day weekend", "2026-W21-WE", "",
              TimeType::kDate},
        TCase{"2026-03-11", "Sales slumped after last Christmas.", "last Christmas", "2025-12-25", "",
              TimeType::kDate},
        TCase{"2026-03-11", "Output fell in the first quarter of the year.", "the first quarter of the year",
              "2026-Q1", "", TimeType::kDate},
        // Years in words with "hundred", two-digit years after "of", day ranges whose
        // second end is an ordinal alone (the next month when it is smaller).
        TCase{"2026-03-11", "The plant opened on fifteen August nineteen hundred ninety three.",
              "fifteen August nineteen hundred ninety three", "1993-08-15", "", TimeType::kDate},
        TCase{"2026-03-11", "She was born in April of 87.", "April of 87", "1987-04", "", TimeType::kDate},
        TCase{"2026-03-11", "The office is shut April 9th through seventeenth.", "April 9th through seventeenth",
              "2026-04-09/2026-04-17", "", TimeType::kDate},
        TCase{"2026-03-11", "The fair runs from May 27 to the third.", "from May 27 to the third",
              "2026-05-27/2026-06-03", "", TimeType::kDate},
        // Fortnights by calendar weeks, numeric day ranges.
        TCase{"2026-03-11", "Cases rose over the past fortnight.", "past fortnight", "2026-02-23/2026-03-09", "",
              TimeType::kDate},
        TCase{"2026-03-11", "The office is closed from 4/6-4/10, 2026.", "from 4/6-4/10, 2026",
              "2026-04-06/2026-04-10", "", TimeType::kDate},
        TCase{"2026-03-11", "Voting ran 3/2/2026-3/6/2026 in the north.", "3/2/2026-3/6/2026",
              "2026-03-02/2026-03-06", "", TimeType::kDate},
        // "the same week" follows the last date; the article stays out of the span.
        TCase{"2026-03-11", "The plant closed on May 6, 2024, and the mayor quit the same week.", "same week",
              "2024-W19", "", TimeType::kDate}));

// No period without its cue: an ordinal weekday after a determiner is no date of this
// month (the weekday alone still is), "the week of" needs a date.
TEST(TimePeriods, NoPeriodWithoutItsCue) {
  for (const char* text : {"It was his second Sunday in charge.", "A first Monday vote failed.",
                           "The week of talks ended.", "The year he was born, the war ended.",
                           "In May of 12 people, three left.", "Sales fell in week .5 of 2020.",
                           "It was the .5th month of 2020."}) {
    Document doc = Annotate(text, "2026-03-11");
    for (const TimeExpr& t : doc.times) {
      std::string_view s = doc.view(t.span);
      EXPECT_TRUE(s.find("second") == std::string_view::npos && s.find("first") == std::string_view::npos &&
                  s.find("week of") == std::string_view::npos && s.find("year") == std::string_view::npos &&
                  s.find("12") == std::string_view::npos)
          << text << " -> " << s << " = " << t.value;
    }
  }
}

}  // namespace
}  // namespace newsledger
