// Micro-benchmarks of the readers: UTF-8 validation, JSON Lines, plain-text files,
// HTML extraction and WARC.gz, each on news-like text written for the project.
#include <benchmark/benchmark.h>
#include <stdlib.h>
#include <unistd.h>
#include <zlib.h>

#include <cstdio>
#include <string>

#include "ingest/ingest.h"
#include "newsledger/reader.h"

namespace newsledger {
namespace {

const char* kParagraph =
    "Rescue teams reached the last cut-off villages on Thursday, the civil protection agency said, "
    "after a week in which more than 2,400 people were moved to shelters. \u201cThe water is falling, "
    "but slowly,\u201d said Dr. Ana Ruiz, who runs the field hospital in the valley.";

std::string Article(size_t paragraphs) {
  std::string s;
  for (size_t i = 0; i < paragraphs; ++i) (s += kParagraph) += "\n";
  return s;
}

std::string JsonlCorpus(size_t lines) {
  std::string body;
  for (int i = 0; i < 6; ++i) (body += kParagraph) += "\\n";
  std::string out;
  for (size_t i = 0; i < lines; ++i)
    out += "{\"id\": \"a" + std::to_string(i) +
           "\", \"outlet\": \"Example Wire\", \"published\": \"2025-11-17T08:00:00Z\", \"title\": \"Floods\", "
           "\"text\": \"" + body + "\"}\n";
  return out;
}

std::string Page(size_t paragraphs) {
  std::string s =
      "<!DOCTYPE html><html><head><title>Floods | Example</title>"
      "<meta property=\"og:title\" content=\"Floods\"><meta property=\"og:site_name\" content=\"Example\">"
      "<script type=\"application/ld+json\">{\"@type\": \"NewsArticle\", \"headline\": \"Floods\", "
      "\"datePublished\": \"2025-11-17\"}</script></head><body><nav><ul><li><a href=/>Home</a></li></ul></nav>"
      "<article>";
  for (size_t i = 0; i < paragraphs; ++i) {
    (s += "<p>") += kParagraph;
    s += "</p>\n";
    if (i % 4 == 3) s += "<div class=\"ad-slot\"><p>Advertisement</p></div>";
  }
  return s + "</article><footer><p>Footer</p></footer></body></html>";
}

std::string GzipMember(const std::string& data) {
  z_stream z{};
  deflateInit2(&z, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY);
  std::string out(deflateBound(&z, static_cast<uLong>(data.size())) + 32, '\0');
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(data.data()));
  z.avail_in = static_cast<uInt>(data.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  deflate(&z, Z_FINISH);
  out.resize(z.total_out);
  deflateEnd(&z);
  return out;
}

struct Counter {
  size_t docs = 0;
  size_t bytes = 0;
};

void BM_FindInvalidUtf8(benchmark::State& state) {
  std::string text = Article(2000);
  for (auto _ : state) benchmark::DoNotOptimize(FindInvalidUtf8(text));
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
}
BENCHMARK(BM_FindInvalidUtf8);

void BM_ReadJsonl(benchmark::State& state) {
  std::string corpus = JsonlCorpus(2000);
  for (auto _ : state) {
    ReadStats stats;
    Counter c;
    DocumentSink sink = [&](Document&& d) { c.bytes += d.text.size(); };
    IssueSink issues = [](const ReadIssue&) {};
    ingest::ReadContext ctx(sink, issues, stats);
    ingest::ReadJsonl(corpus, "bench.jsonl", ctx);
    benchmark::DoNotOptimize(c.bytes);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * corpus.size()));
}
BENCHMARK(BM_ReadJsonl);

// A whole file through ReadPath: open, one read, validation, header, delivery.
void BM_ReadPlainTextFile(benchmark::State& state) {
  char path[] = "/tmp/newsledger-bench-XXXXXX";
  int fd = mkstemp(path);
  std::string text = "Title: Floods\nDate: 2025-11-17\n\n" + Article(static_cast<size_t>(state.range(0)));
  if (write(fd, text.data(), text.size()) != static_cast<ssize_t>(text.size())) state.SkipWithError("write");
  close(fd);
  for (auto _ : state) {
    size_t bytes = 0;
    ReadPath(path, [&](Document&& d) { bytes += d.text.size(); }, [](const ReadIssue&) {});
    benchmark::DoNotOptimize(bytes);
  }
  unlink(path);
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
}
BENCHMARK(BM_ReadPlainTextFile)->Arg(20)->Arg(20000);

void BM_ExtractHtml(benchmark::State& state) {
  std::string html = Page(40);
  for (auto _ : state) benchmark::DoNotOptimize(ingest::ExtractHtmlArticle(html).text.size());
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * html.size()));
}
BENCHMARK(BM_ExtractHtml);

void BM_ReadWarcGz(benchmark::State& state) {
  std::string gz;
  std::string page = Page(20);
  std::string http = "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" + page;
  for (int i = 0; i < 200; ++i) {
    std::string rec = "WARC/1.1\r\nWARC-Type: response\r\nWARC-Target-URI: https://example.com/" + std::to_string(i) +
                      "\r\nContent-Length: " + std::to_string(http.size()) + "\r\n\r\n" + http + "\r\n\r\n";
    gz += GzipMember(rec);
  }
  size_t inflated = 200 * (http.size() + 120);
  for (auto _ : state) {
    ReadStats stats;
    size_t bytes = 0;
    DocumentSink sink = [&](Document&& d) { bytes += d.text.size(); };
    IssueSink issues = [](const ReadIssue&) {};
    ingest::ReadContext ctx(sink, issues, stats);
    ingest::ReadWarc(gz, "bench.warc.gz", ctx);
    benchmark::DoNotOptimize(bytes);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * inflated));
}
BENCHMARK(BM_ReadWarcGz);

}  // namespace
}  // namespace newsledger
