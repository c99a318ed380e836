#include "newsledger/resources.h"

#include <cstdlib>
#include <vector>

#include "newsledger/error.h"

namespace newsledger {

namespace fs = std::filesystem;

fs::path ResourcePath(std::string_view relative) {
  std::vector<fs::path> roots;
  if (const char* home = std::getenv("NEWSLEDGER_HOME"); home && *home) roots.emplace_back(home);
  roots.emplace_back(NEWSLEDGER_SOURCE_DIR);
  roots.emplace_back(NEWSLEDGER_INSTALL_DATADIR);
  for (const fs::path& root : roots) {
    fs::path p = root / relative;
    std::error_code ec;
    if (fs::exists(p, ec)) return p;
  }
  throw Error(std::string(relative), "resource not found (set NEWSLEDGER_HOME to the newsledger source tree)");
}

fs::path IsoCodesDir() {
  if (const char* dir = std::getenv("NEWSLEDGER_ISO_CODES"); dir && *dir) return dir;
  return "/usr/share/iso-codes/json";
}

}  // namespace newsledger
