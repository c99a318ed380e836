// Time recognizer: the rules of time_model_rules.inc (clock offsets against a
// publication date-time, counted quarters and periods, the present) on sentences we
// wrote; one case per rule.
#include <gtest/gtest.h>

#include "recognize/time_recognizer.h"
#include "time_case.h"

namespace newsledger {
namespace {

using time_test::TCase;
using time_test::TimeTest;

// 2026-03-11 is a Wednesday (first quarter).
INSTANTIATE_TEST_SUITE_P(
    ModelRules, TimeTest,
    ::testing::Values(
        // A publication clock time places sub-day offsets.
        TCase{"2026-03-11T14:20:00", "The convoy will reach the border in 40 minutes.", "in 40 minutes",
              "2026-03-11T15:00", "", TimeType::kTime},
        TCase{"2026-03-11T23:30:00", "Officials expect a decision within 2 hours.", "within 2 hours",
              "2026-03-11T23:30/2026-03-12T01:30", "", TimeType::kTime},
        TCase{"2026-03-11T09:00:00", "Polls close 90 minutes from now.", "90 minutes from now", "2026-03-11T10:30", "",
              TimeType::kTime},
        TCase{"2026-03-11T09:00:00", "More rain is due over the next hour.", "next hour",
              "2026-03-11T09:00/2026-03-11T10:00", "", TimeType::kTime},
        // Without a clock time the same words stay a duration.
        TCase{"2026-03-11", "The convoy will reach the border in 40 minutes.", "40 minutes", "PT40M", "",
              TimeType::kDuration},
        // Counted quarters and periods counted before their direction word.
        TCase{"2026-03-11", "Sales rose in the last 2 quarters.", "last 2 quarters", "2025-07-01/2026-01-01", "",
              TimeType::kDate},
        TCase{"2026-03-11", "Prices should ease in the following quarter.", "following quarter", "2026-Q2", "",
              TimeType::kDate},
        TCase{"2026-03-11", "The fund expects losses for the next quarter.", "next quarter", "2026-Q2", "",
              TimeType::kDate},
        TCase{"2026-03-11", "Little will change in the 3 coming weeks.", "3 coming weeks", "2026-03-12/2026-04-02", "",
              TimeType::kDate},
        // The present.
        TCase{"2026-03-11", "The talks are stalled at the moment.", "at the moment", "PRESENT_REF", "",
              TimeType::kDate},
        TCase{"2026-03-11", "No one is negotiating at present.", "at present", "PRESENT_REF", "", TimeType::kDate},
        TCase{"2026-03-11", "The markets are falling right now.", "right now", "PRESENT_REF", "", TimeType::kDate},
        // A clock time after a day: a bound word, a bare hour after "at" or "around".
        TCase{"2026-03-11", "The ballots must arrive Thursday before 5pm.", "Thursday before 5pm", "2026-03-12T17", "",
              TimeType::kTime},
        TCase{"2026-03-11", "The strike ends tomorrow no later than 6:00.", "tomorrow no later than 6:00",
              "2026-03-12T06:00", "", TimeType::kTime},
        TCase{"2026-03-11", "The shelling started last night at 11.", "last night at 11", "2026-03-10T23", "",
              TimeType::kTime},
        TCase{"2026-03-11", "The rally starts tonight around 7.", "tonight around 7", "2026-03-11T19", "",
              TimeType::kTime},
        // A capitalised weekday abbreviation with an ordinal day or a clock time.
        TCase{"2026-03-11", "The court will sit on Mon 13th.", "Mon 13th", "2026-04-13", "", TimeType::kDate},
        TCase{"2026-03-11", "The market will open Sat at 8.", "Sat at 8", "2026-03-14T08", "", TimeType::kTime},
        // Holidays: more names, the one before or after the anchor, a holiday's weekend.
        TCase{"2026-03-11", "Stores cut prices on Black Friday 2024.", "Black Friday 2024", "2024-11-29", "",
              TimeType::kDate},
        TCase{"2026-03-11", "Crowds gathered on the last Easter.", "last Easter", "2025-04-20", "", TimeType::kDate},
        TCase{"2026-03-11", "The bridge reopens before the next Halloween.", "next Halloween", "2026-10-31", "",
              TimeType::kDate},
        TCase{"2026-03-11", "Traffic peaked over Labor Day weekend 2025.", "Labor Day weekend 2025", "2025-W35-WE", "",
              TimeType::kDate},
        // Parts of day without a day; nights counted as days.
        TCase{"2026-03-11", "The clinic opens in the evenings.", "in the evenings", "TEV", "", TimeType::kTime},
        TCase{"2026-03-11", "Volunteers came back one morning with food.", "morning", "TMO", "", TimeType::kTime},
        TCase{"2026-03-11", "The suspect spent three nights in custody.", "three nights", "P3D", "",
              TimeType::kDuration},
        // A bound written after the time.
        TCase{"2026-03-11", "Only loans from 2019 or later qualify.", "2019 or later", "2019", "", TimeType::kDate},
        // A clock time and a length; a weekday in the week an offset lands in.
        TCase{"2026-03-11", "The hearing will run for 3 hours from 10 am.", "for 3 hours from 10 am", "T10/T13:00", "",
              TimeType::kTime},
        TCase{"2026-03-11", "The court meets Monday two weeks from now.", "Monday two weeks from now", "2026-03-23", "",
              TimeType::kDate},
        TCase{"2026-03-11", "The result comes in 3 days on Friday.", "in 3 days on Friday", "2026-03-13", "",
              TimeType::kDate},
        // Clock times in words.
        TCase{"2026-03-11", "The launch is set for tomorrow at seven twenty-five.", "tomorrow at seven twenty-five",
              "2026-03-12T07:25", "", TimeType::kTime},
        TCase{"2026-03-11", "The shop is open from nine thirty to four thirty.", "from nine thirty to four thirty",
              "T09:30/T16:30", "", TimeType::kTime}));

}  // namespace
}  // namespace newsledger
