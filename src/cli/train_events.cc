// train_events.cc: `newsledger train events --data DIR [--out DIR]`: regenerate the
// compact event lexicons in data/ from the PETRARCH2 dictionaries.
#include <fmt/format.h>

#include "cli/train.h"
#include "code/event_lexicon_trainer.h"

namespace newsledger::cli {
namespace {

struct TrainEventsArgs {
  std::string data = "../shared/data";
  std::string out = "data";
};

NEWSLEDGER_TRAINING(events, "events", "Build the event verb/actor/agent lexicons from the CAMEO dictionaries",
                    [](CLI::App& sub) -> std::function<int()> {
                      auto args = std::make_shared<TrainEventsArgs>();
                      sub.add_option("--data", args->data, "shared data folder (holds petrarch2/ and iso_codes/)");
                      sub.add_option("--out", args->out, "output folder");
                      return [args] {
                        EventLexiconStats s = BuildEventLexicons(args->data, args->out);
                        fmt::print("wrote {}/event_verbs.tsv ({} verbs), event_actors.tsv ({} names), "
                                   "event_agents.tsv ({} agents)\n",
                                   args->out, s.verbs, s.actors, s.agents);
                        return 0;
                      };
                    });

}  // namespace
}  // namespace newsledger::cli
