// The table test both time-recognizer test files instantiate: a sentence, its
// publication date, and the expression expected in it (span, TIMEX3 value, mod, type).
// Not in an anonymous namespace: the one TEST_P (time_recognizer_test.cc) serves the
// instantiations of both files, and GoogleTest matches a suite across files by its type.
#pragma once

#include <gtest/gtest.h>

#include <string>

#include "recognize/time_recognizer.h"

namespace newsledger::time_test {

inline Document Annotate(const std::string& text, const std::string& published) {
  static const TimeRecognizer times;
  Document doc;
  doc.text = text;
  doc.published = published;
  times.annotate(doc);
  return doc;
}

struct TCase {
  const char* published;
  const char* text;
  const char* span;
  const char* value;
  const char* mod;
  TimeType type;
};

class TimeTest : public ::testing::TestWithParam<TCase> {};

}  // namespace newsledger::time_test
