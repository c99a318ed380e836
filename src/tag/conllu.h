// conllu.h: a reader for the CoNLL-U files of Universal Dependencies (the words of
// each sentence with their UPOS, XPOS and lemma), for training and evaluation.
//
// Reads syntactic words (integer ids); multiword-token lines ("2-3") and empty nodes
// ("8.1") are skipped, as are comments. A malformed line throws Error("file:line", ...).
#ifndef NEWSLEDGER_TAG_CONLLU_H_
#define NEWSLEDGER_TAG_CONLLU_H_

#include <string>
#include <string_view>
#include <vector>

namespace newsledger::tag {

struct ConlluWord {
  std::string form, lemma, upos, xpos;
};

using ConlluSentence = std::vector<ConlluWord>;

// Parses CoNLL-U text; `where` names it in errors.
std::vector<ConlluSentence> ParseConllu(std::string_view text, const std::string& where);
// Reads and parses a file.
std::vector<ConlluSentence> ReadConllu(const std::string& path);

}  // namespace newsledger::tag

#endif  // NEWSLEDGER_TAG_CONLLU_H_
