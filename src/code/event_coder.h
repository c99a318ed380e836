// event_coder.h: the stage that codes reported actions as PLOVER events.
//
// Adds Document::events, ordered by trigger start: one event per reported action,
// with its PLOVER type and mode, status, actor and target (entity id, ISO 3166-1
// alpha-2 country, sector), location, TIMEX3 time, the quantities counted by it
// and the quote it sits in. Scheme: PLOVER (Halterman et al., the successor of
// CAMEO); CAMEO codes from the verb dictionary map to PLOVER through
// data/cameo_to_plover.tsv.
//
// How, per sentence (tokens, lemmas and POS from the tagger when present):
//  1. participants: entities (ner), actor names from the lexicon ("Mexican",
//     "U.S."), agent words ("troops", "ministry", "cartel"); a country followed by
//     an agent ("the U.S. military", "Mexican officials") or an agent followed by
//     "in/of/from <country>" is one participant; "A, B and C" is a coordination;
//  2. triggers: verbs of the lexicon (longest form match, CAMEO phrase patterns
//     refine the code), event nouns when a light verb governs them ("carried out
//     21 strikes", "authorizing strikes"), a quantity counts them or an actor
//     modifies them ("U.S. strikes");
//  3. status from the words before the trigger in its clause, nearest cue wins:
//     threatened ("threatened to"), proposed ("open to", "willing to", "okay
//     with", "considering"), planned ("plans to", "will", "about to"), hypothetical
//     ("would", "could", "if", "whether"), denied ("denied"); a negated action is
//     no event. A proposed, planned, threatened or hypothetical use of force is a
//     THREATEN event (mode force/repression), never an ASSAULT that happened;
//  4. actor: the nearest participant before the trigger that is not the object of
//     a preposition (the "by" agent in a passive); target: the first participant
//     after it; a coordinated actor or target gives one event per member;
//  5. location: a place after a locative preposition; time: the nearest time
//     expression in the sentence, else the nearest earlier one in the paragraph;
//     quantities: those counting the trigger noun or its casualties.
// Cost: per token one vocabulary probe (LexiconIndex) and a few integer trie steps for
// verb forms, actor names and agent words; per CAMEO verb one pass over a window of
// <= 16 words marking the pattern slots they match, then mask tests for only the
// patterns all of whose slots were marked (most of a verb's patterns are never read).
// Thread-safe: const after construction.
#ifndef NEWSLEDGER_CODE_EVENT_CODER_H_
#define NEWSLEDGER_CODE_EVENT_CODER_H_

#include "code/event_lexicon.h"
#include "code/lexicon_index.h"
#include "newsledger/stage.h"

#include <cstdint>
#include <vector>

namespace newsledger {

class EventCoder : public Stage {
 public:
  // The lexicon shipped in data/ (EventLexicon::Load()).
  EventCoder();
  explicit EventCoder(EventLexicon lexicon);
  EventCoder(const EventCoder&) = delete;
  EventCoder& operator=(const EventCoder&) = delete;

  const char* name() const override { return "events"; }
  void annotate(Document& doc) const override;

  const EventLexicon& lexicon() const { return lexicon_; }

 private:
  void CodeSentence(Document& doc, size_t sentence, const std::vector<uint32_t>& sentence_entities,
                    std::vector<Event>& out) const;
  EventLexicon lexicon_;
  LexiconIndex index_;  // over lexicon_, built after it
  std::vector<uint16_t> word_class_;  // vocabulary id -> word-class bits (event_coder.cc)
};

}  // namespace newsledger

#endif  // NEWSLEDGER_CODE_EVENT_CODER_H_
