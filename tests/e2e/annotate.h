// annotate.h: the whole pipeline over one text, for the table tests of rules that
// need every stage (the tagger's parts of speech, the entities).
#pragma once

#include <string>

#include "newsledger/pipeline.h"

namespace newsledger::testing {

// One pipeline for the test binary: loading the models is the slow part.
inline Document AnnotateText(const std::string& text, const std::string& published = "2026-03-12") {
  static const Pipeline* pipeline = new Pipeline();
  Document doc;
  doc.text = text;
  doc.published = published;
  pipeline->annotate(doc);
  return doc;
}

}  // namespace newsledger::testing
