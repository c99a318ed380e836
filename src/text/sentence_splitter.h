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

#include <cstdint>
#include <string_view>
#include <vector>

#include "newsledger/document.h"

namespace newsledger::text {

class SentenceModel;

// The rules' view of each gap after token t of a paragraph (index t - begin).
struct GapRules {
  std::vector<uint8_t> split;     // the rules end a sentence here
  std::vector<uint8_t> blocked;   // no sentence may end here (before a closer, inside a
                                  // quotation after an ellipsis, after "Dr.")
  std::vector<uint8_t> in_quote;  // inside a double-quotation frame after token t
};

void RuleGaps(std::string_view text, const std::vector<Token>& tokens, uint32_t begin, uint32_t end,
              GapRules* gaps);

// Appends the sentences of tokens [begin, end) (one paragraph) to *out. With a model,
// every gap the rules do not block is decided by the model (which sees the rules'
// decision as a feature); without one, by the rules alone.
void SplitSentences(std::string_view text, const std::vector<Token>& tokens, uint32_t begin,
                    uint32_t end, uint32_t paragraph, const SentenceModel* model,
                    std::vector<Sentence>* out);

}  // namespace newsledger::text

#endif  // NEWSLEDGER_TEXT_SENTENCE_SPLITTER_H_
