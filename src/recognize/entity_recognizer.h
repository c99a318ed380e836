// entity_recognizer.h: the EntityRecognizer stage: people, organisations, places and
// nationalities, with document-level ids and canonical names.
//
// Adds to Document::entities (ordered by span.start):
//  - PERSON, ORG, LOC mentions found by a linear sequence model (NerModel, BIO labels,
//    Viterbi decoding; models/ner.bin, trained on Universal NER English-EWT and GUM)
//    with gazetteer features (gazetteer.h). Spans follow the Universal NER convention:
//    no determiner ("the Coast Guard" -> "Coast Guard"), no title ("President Jane
//    Doe" -> "Jane Doe"), no possessive "'s".
//  - Rules over the model's spans: a capitalised run ending in an organisation head
//    ("Justice Department", "U.S. Attorney's Office") is ORG; a name after a title
//    inside a span is PERSON; "X of Y" splits into PERSON X and the place Y; a
//    person's name runs on over capitalised words the model dropped, and back over one
//    right after a title word ("Chief executive Priya Raman"); a name after a place
//    noun and "of" is LOC ("the town of Kaya").
//  - ORG for a name the text introduces as an organisation: after a lowercase
//    organisation noun ("the operator, Hidro Srbija", "the chipmaker Valtrex
//    Semiconductor", even where the model found nothing) or with one in apposition
//    ("Lumora, a streaming platform,").
//  - LOC for a capitalised country or region name the model missed, ORG for a listed
//    organisation ("Reuters"); MISC for a capitalised demonym outside any other
//    mention ("Mexican" -> MISC, country MX).
//  - A name tagged once is tagged wherever it recurs in the document; so are a person's
//    surname alone and an organisation's first word alone ("Mozilla" after "Mozilla
//    Foundation"), unless that word is common, a title, a head or a listed name.
//  - Mentions of one entity share `id` ("e1", "e2"... in order of first mention) and
//    `canonical`, the fullest name the document uses: a person's later surname or first
//    name ("Doe" after "Jane Doe"), an organisation's acronym or short form ("FAA"
//    after "Federal Aviation Administration"), a country's other names ("U.S." and
//    "United States") and any exact repetition.
//  - he/him/his/himself and she/her/hers/herself outside quotation marks, resolved to
//    the first compatible PERSON of the same sentence before the pronoun, or of the
//    nearest of the three sentences before it; such entries have pronoun = true.
//  - Countries carry their ISO 3166-1 alpha-2 code; cities their GeoNames id,
//    coordinates and country (a city named in several countries: the one in a country
//    the document names, else the most populous); subdivisions, demonyms and
//    organisations named after a country carry that country's code.
// Uses Token::upos when the tagger has run; works without it.
//
// Built once (loads the model and the gazetteer), const afterwards, thread-safe.
// Cost: about 45 weight rows read per token plus a few hash probes; linear in tokens
// apart from the linking, which is linear in mentions times entities.
#ifndef NEWSLEDGER_RECOGNIZE_ENTITY_RECOGNIZER_H_
#define NEWSLEDGER_RECOGNIZE_ENTITY_RECOGNIZER_H_

#include <filesystem>
#include <memory>
#include <vector>

#include "newsledger/stage.h"
#include "recognize/gazetteer.h"
#include "recognize/ner_model.h"

namespace newsledger {

class EntityRecognizer : public Stage {
 public:
  // models/ner.bin and the default gazetteer. Throws Error when either cannot load.
  EntityRecognizer();
  EntityRecognizer(const std::filesystem::path& model, const Gazetteer& gazetteer);
  ~EntityRecognizer() override;

  const char* name() const override { return "entities"; }
  void annotate(Document& doc) const override;

  // One mention in a sentence: token indexes [begin, end).
  struct Mention {
    uint32_t begin = 0, end = 0;
    EntityType type = EntityType::kMisc;
  };
  // The mentions of one sentence, before any document-level step (what `evaluate ner`
  // scores). `scratch` is the caller's, reused between calls.
  void RecognizeSentence(const ner::NerToken* tokens, size_t n, ner::NerScratch& scratch,
                         std::vector<Mention>& out) const;

  const Gazetteer& gazetteer() const { return gaz_; }
  const NerModel& model() const { return *model_; }

 private:
  const Gazetteer& gaz_;
  std::unique_ptr<NerModel> model_;
};

}  // namespace newsledger

#endif  // NEWSLEDGER_RECOGNIZE_ENTITY_RECOGNIZER_H_
