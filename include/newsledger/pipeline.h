// pipeline.h: the ordered list of stages that turns a read Document into annotations.
//
// Built once (loading every model and lexicon), then const and safe to share across
// threads: annotate() may be called concurrently on different Documents.
// Order: segment -> tag -> recognize (quantities, times, entities) -> attribute
// (quotes) -> code (events, claims).
#ifndef NEWSLEDGER_PIPELINE_H_
#define NEWSLEDGER_PIPELINE_H_

#include <memory>
#include <string>
#include <vector>

#include "newsledger/document.h"
#include "newsledger/stage.h"

namespace newsledger {

struct PipelineOptions {
  // Stop after segmentation (paragraphs, sentences, tokens): the fast path used by
  // `evaluate segmentation` and the segmentation throughput benchmark.
  bool segment_only = false;
  // Stop after the stage of this name (Stage::name(): segment, tag, times, quantities,
  // entities, quotes, events, claims); empty = run them all. For users who need only the
  // early annotations, and for timing a prefix of the pipeline.
  std::string last_stage;
  // Reference statistics table for claim checks; empty = the table shipped in data/.
  std::string reference_file;
};

class Pipeline {
 public:
  explicit Pipeline(const PipelineOptions& options = {});
  ~Pipeline();
  Pipeline(const Pipeline&) = delete;
  Pipeline& operator=(const Pipeline&) = delete;

  // Runs every stage on `doc`, then infers the publication date when none was given.
  void annotate(Document& doc) const;
  // The same on each document of [docs, docs + n), stage by stage: every stage runs on
  // all n documents before the next stage starts, so that its tables (tagger and NER
  // weights, lexicons) stay in cache across documents instead of being evicted by the
  // other stages' at every document. Same results as annotate() on each.
  void annotate(Document* docs, size_t n) const;

  const std::vector<std::unique_ptr<Stage>>& stages() const { return stages_; }
  // Every stage's name, in the order they run (what PipelineOptions::last_stage takes).
  static const std::vector<std::string>& StageNames();

 private:
  std::vector<std::unique_ptr<Stage>> stages_;
};

}  // namespace newsledger

#endif  // NEWSLEDGER_PIPELINE_H_
