// table.cc: renders query results as an aligned table, JSON, JSON Lines, CSV
// (RFC 4180) or a Markdown table.
#include <fmt/format.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>
#include <utf8proc.h>

#include <cmath>

#include "newsledger/error.h"
#include "newsledger/query.h"

namespace newsledger {

TableFormat ParseTableFormat(const std::string& name) {
  if (name == "table") return TableFormat::kTable;
  if (name == "json") return TableFormat::kJson;
  if (name == "jsonl") return TableFormat::kJsonl;
  if (name == "csv") return TableFormat::kCsv;
  if (name == "markdown" || name == "md") return TableFormat::kMarkdown;
  throw Error("--format " + name, "unknown format (expected table, json, jsonl, csv or markdown)");
}

namespace {

std::string CellText(const Cell& c) {
  if (std::holds_alternative<int64_t>(c)) return std::to_string(std::get<int64_t>(c));
  if (std::holds_alternative<double>(c)) {
    double v = std::get<double>(c);
    if (std::isfinite(v) && v == std::floor(v) && std::fabs(v) < 9e15) return std::to_string(static_cast<int64_t>(v));
    return fmt::format("{}", v);
  }
  if (std::holds_alternative<std::string>(c)) return std::get<std::string>(c);
  return {};
}

// One line: newlines and tabs become spaces.
std::string OneLine(std::string s) {
  for (char& c : s)
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
  return s;
}

// Display columns of a UTF-8 string, and its cut to `width` columns with an ellipsis.
size_t Width(std::string_view s) {
  size_t w = 0;
  const auto* p = reinterpret_cast<const utf8proc_uint8_t*>(s.data());
  utf8proc_ssize_t n = static_cast<utf8proc_ssize_t>(s.size()), i = 0;
  while (i < n) {
    utf8proc_int32_t cp;
    utf8proc_ssize_t len = utf8proc_iterate(p + i, n - i, &cp);
    if (len <= 0) { ++i; ++w; continue; }
    int cw = utf8proc_charwidth(cp);
    w += cw > 0 ? static_cast<size_t>(cw) : 0;
    i += len;
  }
  return w;
}

std::string Cut(const std::string& s, size_t width) {
  if (width == 0 || Width(s) <= width) return s;
  size_t w = 0;
  const auto* p = reinterpret_cast<const utf8proc_uint8_t*>(s.data());
  utf8proc_ssize_t n = static_cast<utf8proc_ssize_t>(s.size()), i = 0;
  while (i < n) {
    utf8proc_int32_t cp;
    utf8proc_ssize_t len = utf8proc_iterate(p + i, n - i, &cp);
    if (len <= 0) len = 1;
    int cw = len > 0 ? std::max(0, utf8proc_charwidth(cp)) : 1;
    if (w + static_cast<size_t>(cw) > width - 1) break;
    w += static_cast<size_t>(cw);
    i += len;
  }
  return s.substr(0, static_cast<size_t>(i)) + "…";
}

std::string Pad(const std::string& s, size_t width) {
  size_t w = Width(s);
  return w >= width ? s : s + std::string(width - w, ' ');
}

std::string Csv(const std::string& s) {
  if (s.find_first_of(",\"\n\r") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

std::string Markdown(const std::string& s) {
  std::string out;
  for (char c : OneLine(s)) {
    if (c == '|') out += '\\';
    out += c;
  }
  return out;
}

void WriteObject(rapidjson::Writer<rapidjson::StringBuffer>& w, const Table& t, const std::vector<Cell>& row) {
  w.StartObject();
  for (size_t i = 0; i < t.columns.size() && i < row.size(); ++i) {
    w.Key(t.columns[i].c_str(), static_cast<rapidjson::SizeType>(t.columns[i].size()));
    const Cell& c = row[i];
    if (std::holds_alternative<int64_t>(c)) {
      w.Int64(std::get<int64_t>(c));
    } else if (std::holds_alternative<double>(c)) {
      double v = std::get<double>(c);
      if (!std::isfinite(v)) w.Null();
      else if (v == std::floor(v) && std::fabs(v) < 9e15) w.Int64(static_cast<int64_t>(v));
      else w.Double(v);
    } else if (std::holds_alternative<std::string>(c)) {
      const std::string& s = std::get<std::string>(c);
      w.String(s.data(), static_cast<rapidjson::SizeType>(s.size()));
    } else {
      w.Null();
    }
  }
  w.EndObject();
}

}  // namespace

std::string FormatTable(const Table& t, TableFormat format, size_t max_width) {
  std::string out;
  switch (format) {
    case TableFormat::kTable: {
      std::vector<std::vector<std::string>> cells;
      std::vector<size_t> widths(t.columns.size(), 0);
      for (size_t i = 0; i < t.columns.size(); ++i) widths[i] = Width(t.columns[i]);
      for (const auto& row : t.rows) {
        std::vector<std::string> line;
        for (size_t i = 0; i < t.columns.size(); ++i) {
          std::string s = Cut(OneLine(i < row.size() ? CellText(row[i]) : ""), max_width);
          widths[i] = std::max(widths[i], Width(s));
          line.push_back(std::move(s));
        }
        cells.push_back(std::move(line));
      }
      auto emit = [&](const std::vector<std::string>& line) {
        std::string l;
        for (size_t i = 0; i < line.size(); ++i) {
          if (i) l += "  ";
          l += i + 1 == line.size() ? line[i] : Pad(line[i], widths[i]);
        }
        while (!l.empty() && l.back() == ' ') l.pop_back();
        out += l + "\n";
      };
      emit(t.columns);
      std::vector<std::string> rule;
      for (size_t w : widths) rule.push_back(std::string(w, '-'));
      emit(rule);
      for (const auto& line : cells) emit(line);
      out += fmt::format("({} row{})\n", t.rows.size(), t.rows.size() == 1 ? "" : "s");
      break;
    }
    case TableFormat::kJson:
    case TableFormat::kJsonl: {
      bool array = format == TableFormat::kJson;
      if (array) out += "[";
      for (size_t r = 0; r < t.rows.size(); ++r) {
        rapidjson::StringBuffer buf;
        rapidjson::Writer<rapidjson::StringBuffer> w(buf);
        WriteObject(w, t, t.rows[r]);
        if (array) out += r ? ",\n " : "\n ";
        out.append(buf.GetString(), buf.GetSize());
        if (!array) out += "\n";
      }
      if (array) out += t.rows.empty() ? "]\n" : "\n]\n";
      break;
    }
    case TableFormat::kCsv: {
      for (size_t i = 0; i < t.columns.size(); ++i) out += (i ? "," : "") + Csv(t.columns[i]);
      out += "\r\n";
      for (const auto& row : t.rows) {
        for (size_t i = 0; i < t.columns.size(); ++i) out += (i ? "," : "") + Csv(i < row.size() ? CellText(row[i]) : "");
        out += "\r\n";
      }
      break;
    }
    case TableFormat::kMarkdown: {
      out += "|";
      for (const std::string& c : t.columns) out += " " + Markdown(c) + " |";
      out += "\n|";
      for (size_t i = 0; i < t.columns.size(); ++i) out += "---|";
      out += "\n";
      for (const auto& row : t.rows) {
        out += "|";
        for (size_t i = 0; i < t.columns.size(); ++i) out += " " + Markdown(i < row.size() ? CellText(row[i]) : "") + " |";
        out += "\n";
      }
      break;
    }
  }
  return out;
}

}  // namespace newsledger
