// model_file.h: the framing every newsledger model file shares.
//
// Layout: 8-byte magic naming the model kind, format version (u32), the training
// options (length-prefixed bytes, so a reader can print them), payload size before and
// after zlib compression (u64 each), CRC-32 of the compressed payload, then the payload.
// Unpacking checks each of these and throws newsledger::Error naming the file and the
// fault (wrong kind, other version, truncated, corrupt), so a bad model never loads.
#ifndef NEWSLEDGER_MODEL_FILE_H_
#define NEWSLEDGER_MODEL_FILE_H_

#include <cstdint>
#include <string>
#include <string_view>

namespace newsledger {

struct ModelFileSpec {
  const char* magic;        // exactly 8 bytes, e.g. "NLSENTBD"
  uint32_t version;
  const char* kind;         // "sentence boundary", for messages
  const char* retrain;      // command that rebuilds it, for messages
};

struct UnpackedModel {
  std::string options;      // the options bytes as written
  std::string payload;      // decompressed payload
};

std::string PackModel(const ModelFileSpec& spec, std::string_view options, std::string_view payload);
UnpackedModel UnpackModel(const ModelFileSpec& spec, std::string_view bytes, const std::string& where);

// Reads a whole file; throws Error when it cannot.
std::string ReadModelBytes(const std::string& path);
// Writes a whole file atomically (temp file + rename); throws Error when it cannot.
void WriteModelBytes(const std::string& path, std::string_view bytes);

}  // namespace newsledger

#endif  // NEWSLEDGER_MODEL_FILE_H_
