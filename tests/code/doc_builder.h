// doc_builder.h: hand-built Documents for the event and claim tests: real
// segmentation, plus entities, quantities, times and quotes placed by their text
// (the stages that find them are tested on their own).
#ifndef NEWSLEDGER_TESTS_CODE_DOC_BUILDER_H_
#define NEWSLEDGER_TESTS_CODE_DOC_BUILDER_H_

#include <algorithm>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

#include "newsledger/document.h"
#include "newsledger/segmenter.h"

namespace newsledger::testing {

class DocBuilder {
 public:
  explicit DocBuilder(std::string text, std::string published = "2025-11-17") {
    doc_.text = std::move(text);
    doc_.published = std::move(published);
    Segmenter().annotate(doc_);
  }

  // Span of the nth occurrence of `s` (throws when absent, so a typo fails the test).
  Span Find(std::string_view s, size_t nth = 0) const {
    size_t at = 0;
    for (size_t k = 0;; ++k) {
      at = doc_.text.find(s, at);
      if (at == std::string::npos) throw std::runtime_error("not in text: " + std::string(s));
      if (k == nth) break;
      at += s.size();
    }
    return {static_cast<uint32_t>(at), static_cast<uint32_t>(at + s.size())};
  }

  DocBuilder& Entity(std::string_view s, EntityType type, std::string id, std::string country = "",
                     std::string canonical = "", size_t nth = 0) {
    newsledger::Entity e;
    e.span = Find(s, nth);
    e.type = type;
    e.id = std::move(id);
    e.country = std::move(country);
    e.canonical = canonical.empty() ? std::string(s) : std::move(canonical);
    doc_.entities.push_back(std::move(e));
    return *this;
  }

  DocBuilder& Quantity(std::string_view s, std::optional<double> value, std::optional<double> low,
                       std::optional<double> high, Qualifier q, std::string_view counted = "",
                       QuantityType type = QuantityType::kCount) {
    newsledger::Quantity x;
    x.span = Find(s);
    x.type = type;
    x.value = value;
    x.low = low;
    x.high = high;
    x.qualifier = q;
    if (!counted.empty()) {
      x.counted = std::string(counted);
      size_t at = doc_.text.find(counted, x.span.start);
      if (at != std::string::npos) x.counted_span = {static_cast<uint32_t>(at), static_cast<uint32_t>(at + counted.size())};
    }
    doc_.quantities.push_back(std::move(x));
    return *this;
  }

  DocBuilder& Time(std::string_view s, std::string value, std::string mod = "") {
    newsledger::TimeExpr t;
    t.span = Find(s);
    t.value = std::move(value);
    t.mod = std::move(mod);
    doc_.times.push_back(std::move(t));
    return *this;
  }

  DocBuilder& Quote(std::string_view s, std::string speaker, std::string speaker_id = "", bool direct = true) {
    newsledger::Quote q;
    q.span = Find(s);
    q.speaker = std::move(speaker);
    q.speaker_id = std::move(speaker_id);
    q.direct = direct;
    doc_.quotes.push_back(std::move(q));
    return *this;
  }

  Document Build() {
    auto by_start = [](const auto& a, const auto& b) { return a.span.start < b.span.start; };
    std::sort(doc_.entities.begin(), doc_.entities.end(), by_start);
    std::sort(doc_.quantities.begin(), doc_.quantities.end(), by_start);
    std::sort(doc_.times.begin(), doc_.times.end(), by_start);
    std::sort(doc_.quotes.begin(), doc_.quotes.end(), by_start);
    return doc_;
  }

 private:
  Document doc_;
};

}  // namespace newsledger::testing

#endif  // NEWSLEDGER_TESTS_CODE_DOC_BUILDER_H_
