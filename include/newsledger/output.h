// output.h: the `extract` output contract of DESIGN.md, as JSON, CoNLL-U and text.
//
// Offsets are UTF-8 byte offsets into Document::text, `end` exclusive; every "text"
// field printed equals those bytes. Field names are stable: add, never rename.
#ifndef NEWSLEDGER_OUTPUT_H_
#define NEWSLEDGER_OUTPUT_H_

#include <string>

#include "newsledger/document.h"

namespace newsledger {

enum class OutputFormat { kJsonl, kJson, kConllu, kText };

// Parses "jsonl", "json", "conllu", "text"; throws Error for anything else.
OutputFormat ParseOutputFormat(const std::string& name);

// One JSON object, no trailing newline. `pretty` indents it.
std::string ToJson(const Document& doc, bool pretty = false);
// ToJson(doc) appended to *out, with no string made per document (extract's path).
void AppendJson(const Document& doc, std::string* out);

// Sentences and tokens in CoNLL-U (ID FORM LEMMA UPOS XPOS _ _ _ _ MISC).
std::string ToConllu(const Document& doc);

// A readable summary: sentences, then each annotation with its text.
std::string ToText(const Document& doc);

}  // namespace newsledger

#endif  // NEWSLEDGER_OUTPUT_H_
