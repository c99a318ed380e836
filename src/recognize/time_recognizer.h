// time_recognizer.h: time expressions normalised to TIMEX3 ("when").
//
// Adds Document::times, ordered by span.start, and fills doc.published (with
// published_inferred = true) when it was empty and the text has an explicit full
// date: the latest such date (LatestExplicitDate) becomes the anchor.
//
// Scheme: TIMEX3 (TimeML 1.2.1) values and mods.
//  - DATE: "2025-11-17", "2025-11", "2025", "2025-Q3", "2025-H1", "2025-W47",
//    "2025-W47-WE" (weekend), "2025-SU" (season), "199" (the 1990s), "2025-11-17TNI"
//    (part of day: TMO TAF TEV TNI), "PRESENT_REF" ("now"), "PAST_REF" ("weeks ago").
//    A range of dates ("from March to May", "next three days") has the ISO 8601
//    interval value "2025-03/2025-05".
//  - TIME: "T15", "T10:30", "2025-11-17T15:00" (with a date in the same expression).
//  - DURATION: "P3Y", "P6M", "P2W", "P10D", "PT24H", "PT1.5H"; decades and centuries
//    in years ("P20Y"); vague plurals with X ("weeks" -> "PXW").
//  - SET: "XXXX-WXX-1" (every Monday), "P1D" (daily), "P1W", "P1M", "P1Y", "T15" (3pm
//    each day).
//  - mod: START ("early September", "the beginning of"), MID ("mid-2024"), END ("late
//    last year", "the end of"), APPROX ("around", "about"), MORE_THAN / LESS_THAN for
//    durations ("more than two years"). "since", "until", "before", "after", "by" do not
//    change the value: they go to `relation` (a field added to TimeExpr), and the span
//    covers the time expression without them ("Since early September": span "early
//    September", value 2025-09, mod START, relation "since").
//
// Anchoring (doc.published = A, a YYYY-MM-DD date):
//  - tense of the clause: the nearest tense marker to the expression in its sentence
//    (tagger XPOS when present: VBD/VBN past, MD will/shall future; else word lists:
//    will, 'll, shall, going to -> future; was, were, had, did, said, told, -ed verbs,
//    irregular pasts -> past; is, are -> present).
//  - weekday: past or no marker -> the latest such day on or before A ("Monday" in a
//    past sentence of a Monday article is A itself); present/future -> the next one
//    after A; "this/next/last Monday" -> that day of A's ISO week / the week after /
//    the week before.
//  - month (and month-day, season, holiday) without a year: past -> the latest one on
//    or before A; future -> the first one on or after A; no marker -> A's year;
//    "this/last/next October" -> A's year / the year before / the year after.
//  - today, yesterday, tomorrow, tonight, this/last/next week, month, year, quarter,
//    N days/weeks/months/years ago, in N days (future only).
//  - discourse: "the same day", "that day", "that week", "the next day", "the day
//    before", "N days later" follow the last resolved date of the document (A first).
//  - no A: explicit dates resolve; relative ones keep X's ("XXXX-WXX-1", "XXXX-04").
// Bad input: impossible dates ("February 30") and values out of range are reported
// with an empty value and their text kept. Two-digit years only in numeric dates and
// after an apostrophe or a month ("'98", "August 99"): 00-49 -> 20xx, 50-99 -> 19xx.
// Cost: linear in the text; one hash lookup per word plus a few per candidate.
// Thread-safe: const, no state.
#ifndef NEWSLEDGER_RECOGNIZE_TIME_RECOGNIZER_H_
#define NEWSLEDGER_RECOGNIZE_TIME_RECOGNIZER_H_

#include <optional>
#include <string>

#include "newsledger/stage.h"

namespace newsledger {

class TimeRecognizer : public Stage {
 public:
  const char* name() const override { return "times"; }
  void annotate(Document& doc) const override;
  // The same with the scan's trigger prefilter off: every lexeme is tried as the start
  // of an expression. Several times slower; tests compare it with annotate() to show
  // that the prefilter skips no lexeme where an expression starts.
  void AnnotateExhaustive(Document& doc) const;

 private:
  void Annotate(Document& doc, bool exhaustive) const;
};

// The latest explicit full date in doc.text ("November 17, 2025", "17 Nov 2025",
// "2025-11-17", "Monday, Nov. 17, 2025") as YYYY-MM-DD, or nullopt. Publication date
// inference for documents that come without one.
std::optional<std::string> LatestExplicitDate(const Document& doc);

}  // namespace newsledger

#endif  // NEWSLEDGER_RECOGNIZE_TIME_RECOGNIZER_H_
