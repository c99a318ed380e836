// binary_io.h: little-endian byte writer and bounds-checked reader for model files.
//
// Model files are written and read field by field (fixed-width integers, length-
// prefixed strings and arrays), never by dumping structs, so their layout does not
// depend on padding. The reader throws newsledger::Error naming the file, the byte
// offset and the section it was reading when the data runs out or is out of range.
#ifndef NEWSLEDGER_TAG_BINARY_IO_H_
#define NEWSLEDGER_TAG_BINARY_IO_H_

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "newsledger/error.h"

namespace newsledger::tag {

class ByteWriter {
 public:
  template <typename T>
  void Put(T v) {
    static_assert(std::is_arithmetic_v<T>);
    char b[sizeof(T)];
    std::memcpy(b, &v, sizeof(T));  // the format is little-endian, as is every target we build for
    out_.append(b, sizeof(T));
  }
  void PutString(std::string_view s) {
    Put<uint32_t>(static_cast<uint32_t>(s.size()));
    out_.append(s.data(), s.size());
  }
  template <typename T>
  void PutArray(const std::vector<T>& v) {
    static_assert(std::is_arithmetic_v<T>);
    Put<uint64_t>(v.size());
    if (!v.empty()) out_.append(reinterpret_cast<const char*>(v.data()), v.size() * sizeof(T));
  }
  std::string& bytes() { return out_; }

 private:
  std::string out_;
};

class ByteReader {
 public:
  ByteReader(std::string_view data, std::string where) : data_(data), where_(std::move(where)) {}

  // What is being read, for error messages ("labels", "features"...).
  void Section(const char* name) { section_ = name; }

  template <typename T>
  T Get() {
    static_assert(std::is_arithmetic_v<T>);
    Need(sizeof(T));
    T v;
    std::memcpy(&v, data_.data() + pos_, sizeof(T));
    pos_ += sizeof(T);
    return v;
  }
  std::string GetString(uint32_t max_size = 1u << 20) {
    uint32_t n = Get<uint32_t>();
    if (n > max_size) Fail("string length " + std::to_string(n) + " out of range");
    Need(n);
    std::string s(data_.substr(pos_, n));
    pos_ += n;
    return s;
  }
  template <typename T>
  std::vector<T> GetArray(uint64_t max_count) {
    uint64_t n = Get<uint64_t>();
    if (n > max_count) Fail("array length " + std::to_string(n) + " out of range");
    Need(n * sizeof(T));
    std::vector<T> v(n);
    if (n) std::memcpy(v.data(), data_.data() + pos_, n * sizeof(T));
    pos_ += n * sizeof(T);
    return v;
  }
  bool AtEnd() const { return pos_ == data_.size(); }
  [[noreturn]] void Fail(const std::string& reason) const {
    throw Error(where_, reason + " in section '" + section_ + "' at payload byte " + std::to_string(pos_));
  }

 private:
  void Need(uint64_t n) const {
    if (n > data_.size() - pos_) Fail("truncated");
  }
  std::string_view data_;
  std::string where_;
  const char* section_ = "header";
  size_t pos_ = 0;
};

}  // namespace newsledger::tag

#endif  // NEWSLEDGER_TAG_BINARY_IO_H_
