// quote_attributor.h: who said what, and who reports that they said it.
//
// Adds Document::quotes, ordered by span.start. Reads paragraphs, sentences and
// tokens (segmenter), and, when present, POS tags (tagger) and entities with their
// canonical names, ids and resolved pronouns (entity recognizer); without tags or
// entities it falls back on capitalisation and its own last-name and pronoun
// heuristics, so it degrades instead of failing.
//
// What it finds:
//  - Direct quotes: words between quotation marks, straight (") or curly (“ ”), with
//    nested single quotes kept inside the outer quote, partial quotes inside a frame
//    (he would be “proud” to ...), quotes running over several sentences, and quotes
//    running over paragraphs where each new paragraph repeats the opening mark. The
//    span is the text inside the outer marks (ellipses, [editorial brackets] and any
//    repeated opening mark included). Short quotes (1-3 words) with no reporting verb
//    in their sentence are scare quotes or titles and are not reported.
//  - Indirect quotes: "X said (that) CONTENT", "X told reporters (in P) that CONTENT",
//    "CONTENT, X said", "CONTENT, said X", "according to X, CONTENT", "CONTENT,
//    according to X", "X reported that ...", stance verbs with an object ("X denied
//    carrying out ...", "X dismissed the idea"), participial and coordinated cues
//    ("..., adding that ...", "... and said ..."). The span is the content clause.
//  - Frames of direct quotes: "“...,” X said", "“...,” said X", "X said, “...”",
//    "X added: “...”", passive frames ("Asked whether ..., he replied, “...”"), and
//    continuations (a quote with no frame continues its paragraph's last speaker).
//  - Speaker: the entity's canonical name and id when the entity recognizer found it
//    (pronouns and short names through its ids); otherwise a name from capitalisation
//    (titles such as "Gov." or "Lt. Col." dropped; "Okonkwo" resolved to an earlier
//    "Paul Okonkwo"; he/she to the nearest person in subject position); a descriptive
//    phrase when unnamed ("a spokesman for the agency", "officials from both
//    countries"); empty when the text gives none.
//  - cue: the reporting word as written ("said", "told", "adding", "according to").
//  - outlet: the paragraph's outlet tag, else Document::outlet.
//  - reported_by: a source the text names as relaying the quote: "according to Radio
//    X’s account", "Reuters reported that he said ...", "X, reported by major
//    outlets, asserts", "told The Times"; empty otherwise.
//
// Cost: a few passes over the tokens of each sentence, O(tokens) with small constant
// lookups; no allocation per token beyond the output. Thread-safe: the lexicons are
// built in the constructor and only read afterwards.
//
// Scheme: follows the attribution relations of the PARC corpus (Pareti 2016: cue,
// source, content) restricted to what the ledger needs.
#ifndef NEWSLEDGER_ATTRIBUTE_QUOTE_ATTRIBUTOR_H_
#define NEWSLEDGER_ATTRIBUTE_QUOTE_ATTRIBUTOR_H_

#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "core/string_ids.h"
#include "newsledger/stage.h"

namespace newsledger {

class QuoteAttributor : public Stage {
 public:
  QuoteAttributor();
  QuoteAttributor(const QuoteAttributor&) = delete;
  QuoteAttributor& operator=(const QuoteAttributor&) = delete;

  const char* name() const override { return "quotes"; }
  void annotate(Document& doc) const override;

  // How a reporting word behaves (exposed for tests).
  enum class CueKind : uint8_t {
    kNone,
    kSpeech,    // takes a clause: said, argued, warned, reported, added, replied...
    kTell,      // takes an object, then a clause: told, assured, informed, promised
    kStance,    // takes a noun phrase or gerund: denied, disputed, dismissed, rejected
    kFrameOnly, // only frames a quotation: called X “...”, described as “...”
  };
  CueKind Cue(std::string_view lowercase_word) const;

 private:
  friend class QuoteScan;
  void BuildLexicon();
  std::unordered_map<std::string_view, CueKind> cues_;
  std::unordered_set<std::string_view> titles_;        // Gov, Dr, Minister, spokesman...
  std::unordered_set<std::string_view> org_words_;     // Ministry, Agency, Court...
  std::unordered_set<std::string_view> stop_initial_;  // The, In, According... at sentence start
  std::unordered_set<std::string_view> common_nouns_;  // officials, police... as speakers
  std::unordered_set<std::string_view> document_nouns_;// report, data, account...
  std::unordered_set<std::string_view> media_words_;   // Times, Post, Radio, News...
  std::unordered_set<std::string_view> prepositions_;
  std::unordered_set<std::string_view> boundaries_;    // that, which, and, but, while...
  std::unordered_set<std::string_view> adverbs_;       // also, later, repeatedly...
  std::unordered_set<std::string_view> time_words_;    // Monday, week, today...
  std::unordered_set<std::string_view> that_only_;     // cues that report only before "that"
  std::unordered_set<std::string_view> org_nouns_;     // "the agency" refers to an organisation
  // All of the above as bits, one lookup per token: word -> id -> flags.
  StringIds lex_words_;
  std::vector<uint32_t> lex_flags_;
};

}  // namespace newsledger

#endif  // NEWSLEDGER_ATTRIBUTE_QUOTE_ATTRIBUTOR_H_
