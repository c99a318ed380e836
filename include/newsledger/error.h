// error.h: the one error type newsledger throws, and the issues readers report.
//
// Loading (models, lexicons, files) throws newsledger::Error naming the input at
// fault ("models/pos.bin: bad magic"). Readers do not throw for bad documents: they
// report a ReadIssue and carry on with the next document.
#ifndef NEWSLEDGER_ERROR_H_
#define NEWSLEDGER_ERROR_H_

#include <stdexcept>
#include <string>

namespace newsledger {

class Error : public std::runtime_error {
 public:
  // where: file, "file:line" or "file@byte"; reason: what is wrong there.
  Error(std::string where, std::string reason)
      : std::runtime_error(where + ": " + reason),
        where_(std::move(where)), reason_(std::move(reason)) {}
  const std::string& where() const { return where_; }
  const std::string& reason() const { return reason_; }

 private:
  std::string where_;
  std::string reason_;
};

// A document a reader could not deliver (or delivered with repairs).
struct ReadIssue {
  std::string where;   // "path", "path:line", "path@byte"
  std::string reason;
  bool skipped = true; // false: delivered anyway (e.g. after replacing invalid UTF-8)
};

}  // namespace newsledger

#endif  // NEWSLEDGER_ERROR_H_
