#include "tag/conllu.h"

#include <fstream>
#include <sstream>

#include "newsledger/error.h"

namespace newsledger::tag {

std::vector<ConlluSentence> ParseConllu(std::string_view text, const std::string& where) {
  std::vector<ConlluSentence> out;
  ConlluSentence cur;
  size_t line_no = 0;
  size_t pos = 0;
  while (pos <= text.size()) {
    size_t eol = text.find('\n', pos);
    if (eol == std::string_view::npos) eol = text.size();
    std::string_view line = text.substr(pos, eol - pos);
    pos = eol + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty()) {
      if (!cur.empty()) out.push_back(std::move(cur));
      cur.clear();
      continue;
    }
    if (line[0] == '#') continue;
    std::string_view f[10];
    size_t nf = 0, start = 0;
    for (size_t i = 0; i <= line.size() && nf < 10; ++i) {
      if (i == line.size() || line[i] == '\t') {
        f[nf++] = line.substr(start, i - start);
        start = i + 1;
      }
    }
    if (nf != 10) throw Error(where + ":" + std::to_string(line_no), "expected 10 tab-separated fields");
    if (f[0].find_first_of("-.") != std::string_view::npos) continue;  // multiword token or empty node
    if (f[0].empty() || f[0].find_first_not_of("0123456789") != std::string_view::npos)
      throw Error(where + ":" + std::to_string(line_no), "bad word id '" + std::string(f[0]) + "'");
    cur.push_back({std::string(f[1]), std::string(f[2]), std::string(f[3]), std::string(f[4])});
  }
  if (!cur.empty()) out.push_back(std::move(cur));
  return out;
}

std::vector<ConlluSentence> ReadConllu(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error(path, "cannot open CoNLL-U file");
  std::ostringstream s;
  s << in.rdbuf();
  return ParseConllu(s.str(), path);
}

}  // namespace newsledger::tag
