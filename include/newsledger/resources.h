// resources.h: where the run-time files (models/, data/) are found.
//
// Looked up in order: $NEWSLEDGER_HOME, the source tree the binary was built from,
// and <prefix>/share/newsledger next to an installed binary. The program never reads
// ../shared at run time.
#ifndef NEWSLEDGER_RESOURCES_H_
#define NEWSLEDGER_RESOURCES_H_

#include <filesystem>
#include <string_view>

namespace newsledger {

// Returns the path of `relative` (e.g. "models/pos.bin") in the first root that has it;
// throws Error when none has it.
std::filesystem::path ResourcePath(std::string_view relative);

// Debian's iso-codes JSON folder (/usr/share/iso-codes/json), or $NEWSLEDGER_ISO_CODES.
std::filesystem::path IsoCodesDir();

}  // namespace newsledger

#endif  // NEWSLEDGER_RESOURCES_H_
