// sentence_splitter.h: sentence boundaries over the tokens of one paragraph.
//
// A sentence ends at . ! ? … (and runs of them), together with the closing quotation
// marks and brackets that follow, when the next token can start a sentence (a capital,
// a digit, an opening quote or bracket). It never ends:
//  - after a title or month abbreviation ("Dr.", "Gen.", "Jan."); other abbreviations
//    ("U.S.", "Inc.", "a.m.") end one only before a word that usually starts sentences;
//  - inside an open double-quotation frame: a quotation that runs over an ellipsis or
//    several sentences stays in one sentence, so quote attribution sees the whole frame.
// A paragraph always ends a sentence. Cost: O(tokens).
#ifndef NEWSLEDGER_TEXT_SENTENCE_SPLITTER_H_
#define NEWSLEDGER_TEXT_SENTENCE_SPLITTER_H_

#include <string_view>
#include <vector>

#include "newsledger/document.h"

namespace newsledger::text {

// Appends the sentences of tokens [begin, end) (one paragraph) to *out.
void SplitSentences(std::string_view text, const std::vector<Token>& tokens, uint32_t begin,
                    uint32_t end, uint32_t paragraph, std::vector<Sentence>* out);

}  // namespace newsledger::text

#endif  // NEWSLEDGER_TEXT_SENTENCE_SPLITTER_H_
