// event_lexicon_trainer.h: builds the compact event lexicons in data/ from the
// PETRARCH2 CAMEO/Phoenix dictionaries (`newsledger train events --data DIR`).
//
// Reads DIR/petrarch2/data/dictionaries/{CAMEO.verbpatterns.150430.txt,
// Phoenix.Countries.actors.txt, Phoenix.MilNonState.actors.txt, Phoenix.agents.txt}
// and DIR/iso_codes/iso_3166-1.json (CAMEO country codes are ISO alpha-3; we store
// alpha-2), and writes OUT/event_verbs.tsv, OUT/event_actors.tsv and
// OUT/event_agents.tsv, each headed "generated ... do not edit". Deterministic:
// entries are written sorted. Actors keep country-level names (country code only)
// from the country file and the armed non-state groups, and drop person entries
// (dated ministers of 2014) and names longer than four words.
#ifndef NEWSLEDGER_CODE_EVENT_LEXICON_TRAINER_H_
#define NEWSLEDGER_CODE_EVENT_LEXICON_TRAINER_H_

#include <filesystem>
#include <string>

namespace newsledger {

struct EventLexiconStats {
  size_t verbs = 0, actors = 0, agents = 0;
};

EventLexiconStats BuildEventLexicons(const std::filesystem::path& data_dir,
                                     const std::filesystem::path& out_dir);

}  // namespace newsledger

#endif  // NEWSLEDGER_CODE_EVENT_LEXICON_TRAINER_H_
