#include "newsledger/pipeline.h"

#include <time.h>

#include <algorithm>
#include <array>
#include <atomic>
#include <cstdio>
#include <cstdlib>

#include "attribute/quote_attributor.h"
#include "code/claim_extractor.h"
#include "code/event_coder.h"
#include "newsledger/error.h"
#include "newsledger/segmenter.h"
#include "newsledger/tagger.h"
#include "recognize/entity_recognizer.h"
#include "recognize/quantity_recognizer.h"
#include "recognize/time_recognizer.h"

namespace newsledger {

namespace {

// NEWSLEDGER_STAGE_CPU=1: the CPU time of each stage, summed over all threads and
// printed to stderr when the pipeline is destroyed; for finding which stage to speed
// up (the whole run's figure is `extract --stats`). Off by default: reading the
// thread clock twice per stage and document costs ~1 us.
constexpr size_t kMaxTimedStages = 32;
std::array<std::atomic<int64_t>, kMaxTimedStages> g_stage_ns{};
const bool g_time_stages = [] {
  const char* v = std::getenv("NEWSLEDGER_STAGE_CPU");
  return v && *v && *v != '0';
}();

int64_t ThreadCpuNs() {
  timespec ts;
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<int64_t>(ts.tv_sec) * 1000000000 + ts.tv_nsec;
}

}  // namespace

const std::vector<std::string>& Pipeline::StageNames() {
  static const std::vector<std::string> names = {"segment",  "tag",    "times",  "quantities",
                                                 "entities", "quotes", "events", "claims"};
  return names;
}

Pipeline::Pipeline(const PipelineOptions& options) {
  const std::string last = options.segment_only ? "segment" : options.last_stage;
  if (!last.empty() && std::find(StageNames().begin(), StageNames().end(), last) == StageNames().end())
    throw Error("pipeline", "no stage named '" + last + "'");
  // Each stage is built only when it runs (loading its models costs time and memory).
  auto done = [&] { return !last.empty() && stages_.back()->name() == last; };
  stages_.push_back(std::make_unique<Segmenter>());
  if (done()) return;
  stages_.push_back(std::make_unique<Tagger>());
  if (done()) return;
  // Later stages are appended here in data-flow order (tag, recognize, attribute, code).
  // Times before quantities: numbers inside dates, years and durations are not counts.
  stages_.push_back(std::make_unique<TimeRecognizer>());
  if (done()) return;
  stages_.push_back(std::make_unique<QuantityRecognizer>());
  if (done()) return;
  stages_.push_back(std::make_unique<EntityRecognizer>());  // after the tagger: uses upos when set
  if (done()) return;
  stages_.push_back(std::make_unique<QuoteAttributor>());  // after entities
  if (done()) return;
  stages_.push_back(std::make_unique<EventCoder>());       // after quotes
  if (done()) return;
  stages_.push_back(std::make_unique<ClaimExtractor>(options.reference_file));
}

Pipeline::~Pipeline() {
  if (!g_time_stages) return;
  for (size_t i = 0; i < stages_.size() && i < kMaxTimedStages; ++i) {
    int64_t ns = g_stage_ns[i].exchange(0);
    std::fprintf(stderr, "stage %-12s cpu %.4f s\n", stages_[i]->name(), static_cast<double>(ns) / 1e9);
  }
}

void Pipeline::annotate(Document& doc) const {
  if (!g_time_stages) {
    for (const auto& stage : stages_) stage->annotate(doc);
    return;
  }
  for (size_t i = 0; i < stages_.size(); ++i) {
    int64_t t0 = ThreadCpuNs();
    stages_[i]->annotate(doc);
    if (i < kMaxTimedStages) g_stage_ns[i] += ThreadCpuNs() - t0;
  }
}

void Pipeline::annotate(Document* docs, size_t n) const {
  for (size_t i = 0; i < stages_.size(); ++i) {
    int64_t t0 = g_time_stages ? ThreadCpuNs() : 0;
    for (size_t d = 0; d < n; ++d) stages_[i]->annotate(docs[d]);
    if (g_time_stages && i < kMaxTimedStages) g_stage_ns[i] += ThreadCpuNs() - t0;
  }
}

}  // namespace newsledger
