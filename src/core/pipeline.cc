#include "newsledger/pipeline.h"

#include "attribute/quote_attributor.h"
#include "code/claim_extractor.h"
#include "code/event_coder.h"
#include "newsledger/segmenter.h"
#include "newsledger/tagger.h"
#include "recognize/entity_recognizer.h"
#include "recognize/quantity_recognizer.h"
#include "recognize/time_recognizer.h"

namespace newsledger {

Pipeline::Pipeline(const PipelineOptions& options) {
  stages_.push_back(std::make_unique<Segmenter>());
  if (options.segment_only) return;
  stages_.push_back(std::make_unique<Tagger>());
  // Later stages are appended here in data-flow order (tag, recognize, attribute, code).
  // Times before quantities: numbers inside dates, years and durations are not counts.
  stages_.push_back(std::make_unique<TimeRecognizer>());
  stages_.push_back(std::make_unique<QuantityRecognizer>());
  stages_.push_back(std::make_unique<EntityRecognizer>());  // after the tagger: uses upos when set
  stages_.push_back(std::make_unique<QuoteAttributor>());  // after entities
  stages_.push_back(std::make_unique<EventCoder>());       // after quotes
  stages_.push_back(std::make_unique<ClaimExtractor>(options.reference_file));
}

Pipeline::~Pipeline() = default;

void Pipeline::annotate(Document& doc) const {
  for (const auto& stage : stages_) stage->annotate(doc);
}

}  // namespace newsledger
