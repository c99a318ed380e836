// ingest.cc: the reader -> workers -> writer ingest of ingest.h.
#include "newsledger/ingest.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <cstring>
#include <deque>
#include <exception>
#include <filesystem>
#include <mutex>
#include <thread>
#include <unordered_set>

#include "newsledger/reader.h"

namespace newsledger {
namespace {

// A bounded multi-producer multi-consumer queue; Close() wakes everyone and makes
// Pop() return false once drained, Abort() drops what is queued.
template <typename T>
class BoundedQueue {
 public:
  explicit BoundedQueue(size_t capacity) : capacity_(std::max<size_t>(1, capacity)) {}

  // False when the queue was aborted.
  bool Push(T&& item) {
    std::unique_lock lock(mu_);
    not_full_.wait(lock, [&] { return items_.size() < capacity_ || aborted_; });
    if (aborted_) return false;
    items_.push_back(std::move(item));
    not_empty_.notify_one();
    return true;
  }

  bool Pop(T& item) {
    std::unique_lock lock(mu_);
    not_empty_.wait(lock, [&] { return !items_.empty() || closed_ || aborted_; });
    if (aborted_ || items_.empty()) return false;
    item = std::move(items_.front());
    items_.pop_front();
    not_full_.notify_one();
    return true;
  }

  // Like Pop, but gives up after `timeout`: kTimeout when nothing came.
  enum class PopResult { kItem, kDone, kTimeout };
  PopResult PopFor(T& item, std::chrono::milliseconds timeout) {
    std::unique_lock lock(mu_);
    if (!not_empty_.wait_for(lock, timeout, [&] { return !items_.empty() || closed_ || aborted_; }))
      return PopResult::kTimeout;
    if (aborted_ || items_.empty()) return PopResult::kDone;
    item = std::move(items_.front());
    items_.pop_front();
    not_full_.notify_one();
    return PopResult::kItem;
  }

  void Close() {
    std::lock_guard lock(mu_);
    closed_ = true;
    not_empty_.notify_all();
  }

  void Abort() {
    std::lock_guard lock(mu_);
    aborted_ = true;
    items_.clear();
    not_empty_.notify_all();
    not_full_.notify_all();
  }

 private:
  std::mutex mu_;
  std::condition_variable not_full_, not_empty_;
  std::deque<T> items_;
  size_t capacity_;
  bool closed_ = false, aborted_ = false;
};

// Thrown from the reader's sink to stop reading once the writer has failed.
struct StopReading {};

bool EndsWith(const std::string& s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// Documents in one file, or nullopt when not cheap to know.
std::optional<size_t> CountFile(const std::filesystem::path& p) {
  std::string name = p.filename().string();
  for (char& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (EndsWith(name, ".warc") || EndsWith(name, ".warc.gz") || EndsWith(name, ".gz")) return std::nullopt;
  if (!(EndsWith(name, ".jsonl") || EndsWith(name, ".ndjson"))) return 1;
  std::FILE* f = std::fopen(p.c_str(), "rb");
  if (!f) return 0;
  size_t lines = 0;
  bool content = false;
  char buf[1 << 16];
  size_t n;
  while ((n = std::fread(buf, 1, sizeof buf, f)) > 0) {
    for (size_t i = 0; i < n; ++i) {
      if (buf[i] == '\n') {
        if (content) ++lines;
        content = false;
      } else if (buf[i] != ' ' && buf[i] != '\r' && buf[i] != '\t') {
        content = true;
      }
    }
  }
  if (content) ++lines;
  std::fclose(f);
  return lines;
}

}  // namespace

std::optional<size_t> CountDocuments(const std::vector<std::string>& paths) {
  size_t total = 0;
  std::error_code ec;
  for (const std::string& path : paths) {
    if (path == "-") return std::nullopt;
    if (std::filesystem::is_directory(path, ec)) {
      for (auto it = std::filesystem::recursive_directory_iterator(path, ec);
           !ec && it != std::filesystem::recursive_directory_iterator(); it.increment(ec)) {
        if (!it->is_regular_file(ec)) continue;
        if (it->path().filename().string().starts_with(".")) continue;
        std::optional<size_t> n = CountFile(it->path());
        if (!n) return std::nullopt;
        total += *n;
      }
    } else {
      std::optional<size_t> n = CountFile(path);
      if (!n) return std::nullopt;
      total += *n;
    }
  }
  return total;
}

IngestStats Ingest(const std::vector<std::string>& paths, const Pipeline& pipeline, Ledger& ledger,
                   const IngestOptions& options) {
  using Clock = std::chrono::steady_clock;
  const auto start = Clock::now();
  unsigned workers = options.threads ? options.threads : std::max(1u, std::thread::hardware_concurrency());
  size_t bound = options.queue ? options.queue : 8 * static_cast<size_t>(workers);
  BoundedQueue<Document> to_annotate(bound), to_store(bound);

  IngestStats stats;
  std::mutex stats_mu;  // guards stats.failed and issue reporting from workers
  std::atomic<size_t> done{0};
  std::optional<size_t> total = CountDocuments(paths);
  std::atomic<bool> failed{false};
  std::exception_ptr writer_error;
  auto report = [&](const ReadIssue& issue) {
    if (options.on_issue) options.on_issue(issue);
  };

  // Texts already stored, and texts seen earlier in this run.
  std::unordered_set<std::string> seen;
  for (std::string& h : ledger.ContentHashes()) seen.insert(std::move(h));

  std::vector<std::thread> pool;
  std::atomic<unsigned> running{workers};
  for (unsigned w = 0; w < workers; ++w) {
    pool.emplace_back([&] {
      Document doc;
      while (to_annotate.Pop(doc)) {
        try {
          pipeline.annotate(doc);
          CheckSpans(doc);
        } catch (const std::exception& e) {
          std::lock_guard lock(stats_mu);
          ++stats.failed;
          ++done;
          report({doc.origin, std::string("annotation failed: ") + e.what(), true});
          continue;
        }
        if (!to_store.Push(std::move(doc))) break;
      }
      if (--running == 0) to_store.Close();
    });
  }

  std::thread writer([&] {
    Document doc;
    auto last = Clock::now();
    auto progress = [&](bool force) {
      if (!options.on_progress) return;
      auto now = Clock::now();
      if (!force && std::chrono::duration<double>(now - last).count() < options.progress_every) return;
      last = now;
      options.on_progress({done.load(), total, std::chrono::duration<double>(now - start).count()});
    };
    // Documents are committed in batches (Ledger::BeginBatch: each document still
    // whole or absent): the commit's fixed cost, on SQLite the WAL writes of every
    // touched page and the FTS5 segment flush, is paid once per batch instead of once
    // per document. A batch ends after kBatchDocuments documents, kBatchTime, or as
    // soon as no document is waiting, so readers never wait long for what was read.
    constexpr size_t kBatchDocuments = 512;
    constexpr auto kBatchTime = std::chrono::milliseconds(500);
    constexpr auto kIdle = std::chrono::milliseconds(50);
    try {
      size_t in_batch = 0;
      auto batch_start = Clock::now();
      auto commit = [&] {
        if (in_batch) ledger.CommitBatch();
        in_batch = 0;
      };
      while (true) {
        auto got = to_store.PopFor(doc, kIdle);
        if (got == BoundedQueue<Document>::PopResult::kDone) break;
        if (got == BoundedQueue<Document>::PopResult::kTimeout) {
          commit();
          continue;
        }
        if (in_batch == 0) {
          ledger.BeginBatch();
          batch_start = Clock::now();
        }
        ++in_batch;
        StoreResult r = ledger.Store(doc);
        switch (r.status) {
          case StoreStatus::kStored: ++stats.stored; break;
          case StoreStatus::kRevision: ++stats.revisions; break;
          case StoreStatus::kDuplicate: ++stats.duplicates; break;
        }
        ++done;
        if (in_batch >= kBatchDocuments || Clock::now() - batch_start >= kBatchTime) commit();
        progress(false);
      }
      commit();
      progress(true);
    } catch (...) {
      writer_error = std::current_exception();
      // The documents stored before the failure are whole: keep them if the ledger
      // still takes a commit.
      try {
        ledger.CommitBatch();
      } catch (...) {
        ledger.RollbackBatch();
      }
      failed = true;
      to_store.Abort();
      to_annotate.Abort();
    }
  });

  size_t early_duplicates = 0;
  auto sink = [&](Document&& doc) {
    if (failed) throw StopReading{};
    ++stats.read;
    stats.bytes += doc.text.size();
    if (!seen.insert(ContentHash(doc.text)).second) {
      ++early_duplicates;
      ++done;
      return;
    }
    if (!to_annotate.Push(std::move(doc))) throw StopReading{};
  };
  auto issues = [&](const ReadIssue& issue) {
    if (issue.skipped) ++stats.skipped;
    report(issue);
  };
  try {
    for (const std::string& path : paths) ReadPath(path, sink, issues);
  } catch (const StopReading&) {
  }
  to_annotate.Close();
  for (std::thread& t : pool) t.join();
  writer.join();
  stats.duplicates += early_duplicates;
  stats.seconds = std::chrono::duration<double>(Clock::now() - start).count();
  if (writer_error) std::rethrow_exception(writer_error);
  return stats;
}

}  // namespace newsledger
