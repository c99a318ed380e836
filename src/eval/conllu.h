// conllu.h: reads CoNLL-U treebanks (Universal Dependencies) for training and evaluation.
//
// Keeps what newsledger uses: document and paragraph breaks (# newdoc, # newpar),
// the sentence text (# text), the surface tokens (multiword-token ranges such as
// "we've" = "we" + "'ve") and each syntactic word's FORM, LEMMA, UPOS, XPOS and MISC.
// Empty nodes (IDs like 8.1) are skipped. Reference: https://universaldependencies.org/format.html
#ifndef NEWSLEDGER_EVAL_CONLLU_H_
#define NEWSLEDGER_EVAL_CONLLU_H_

#include <string>
#include <vector>

namespace newsledger::eval {

struct ConlluWord {
  std::string form, lemma, upos, xpos, misc;
  int surface = 0;  // index of the surface token this word belongs to
};

struct ConlluSentence {
  std::string id;
  std::string text;
  bool new_doc = false;
  bool new_par = false;
  std::vector<std::string> surface;  // surface tokens in order
  std::vector<ConlluWord> words;
};

// Reads every sentence of `path`; throws Error naming the file and line on a
// malformed line (wrong column count, bad ID).
std::vector<ConlluSentence> ReadConllu(const std::string& path);

}  // namespace newsledger::eval

#endif  // NEWSLEDGER_EVAL_CONLLU_H_
