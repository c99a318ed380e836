#include "eval/conllu.h"

#include <fstream>

#include "newsledger/error.h"

namespace newsledger::eval {
namespace {

std::vector<std::string> SplitTabs(const std::string& line) {
  std::vector<std::string> cols;
  size_t a = 0;
  while (true) {
    size_t b = line.find('\t', a);
    cols.push_back(line.substr(a, b == std::string::npos ? std::string::npos : b - a));
    if (b == std::string::npos) break;
    a = b + 1;
  }
  return cols;
}

}  // namespace

std::vector<ConlluSentence> ReadConllu(const std::string& path) {
  std::ifstream in(path);
  if (!in) throw Error(path, "cannot open CoNLL-U file");
  std::vector<ConlluSentence> out;
  ConlluSentence cur;
  bool pending_doc = false, pending_par = false;
  int mwt_end = 0;
  std::string line;
  size_t lineno = 0;
  auto flush = [&] {
    if (!cur.words.empty()) {
      out.push_back(std::move(cur));
    }
    cur = ConlluSentence();
    mwt_end = 0;
  };
  while (std::getline(in, line)) {
    ++lineno;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty()) { flush(); continue; }
    if (line[0] == '#') {
      if (line.rfind("# newdoc", 0) == 0) pending_doc = pending_par = true;
      else if (line.rfind("# newpar", 0) == 0) pending_par = true;
      else if (line.rfind("# sent_id = ", 0) == 0) cur.id = line.substr(12);
      else if (line.rfind("# text = ", 0) == 0) cur.text = line.substr(9);
      continue;
    }
    std::vector<std::string> cols = SplitTabs(line);
    if (cols.size() != 10) throw Error(path + ":" + std::to_string(lineno), "expected 10 tab-separated columns");
    if (cur.words.empty() && cur.surface.empty()) {
      cur.new_doc = pending_doc;
      cur.new_par = pending_par;
      pending_doc = pending_par = false;
    }
    const std::string& id = cols[0];
    if (id.find('.') != std::string::npos) continue;  // empty node
    size_t dash = id.find('-');
    if (dash != std::string::npos) {
      try {
        mwt_end = std::stoi(id.substr(dash + 1));
      } catch (const std::exception&) {
        throw Error(path + ":" + std::to_string(lineno), "bad multiword token ID '" + id + "'");
      }
      cur.surface.push_back(cols[1]);
      continue;
    }
    int n;
    try {
      n = std::stoi(id);
    } catch (const std::exception&) {
      throw Error(path + ":" + std::to_string(lineno), "bad word ID '" + id + "'");
    }
    if (n > mwt_end) cur.surface.push_back(cols[1]);
    cur.words.push_back({cols[1], cols[2], cols[3], cols[4], cols[9], static_cast<int>(cur.surface.size()) - 1});
  }
  flush();
  return out;
}

}  // namespace newsledger::eval
