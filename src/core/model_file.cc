#include "newsledger/model_file.h"

#include <zlib.h>

#include <cstring>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "newsledger/error.h"

namespace newsledger {
namespace {

void PutU32(std::string& out, uint32_t v) { out.append(reinterpret_cast<const char*>(&v), 4); }
void PutU64(std::string& out, uint64_t v) { out.append(reinterpret_cast<const char*>(&v), 8); }

template <typename T>
T GetAt(std::string_view b, size_t& pos, const std::string& where) {
  if (b.size() - pos < sizeof(T)) throw Error(where, "truncated model header");
  T v;
  std::memcpy(&v, b.data() + pos, sizeof(T));
  pos += sizeof(T);
  return v;
}

}  // namespace

std::string PackModel(const ModelFileSpec& spec, std::string_view options, std::string_view payload) {
  uLongf packed_size = compressBound(payload.size());
  std::string packed(packed_size, '\0');
  if (compress2(reinterpret_cast<Bytef*>(packed.data()), &packed_size, reinterpret_cast<const Bytef*>(payload.data()),
                payload.size(), 9) != Z_OK)
    throw Error(spec.kind, "zlib compression failed");
  packed.resize(packed_size);
  std::string out(spec.magic, 8);
  PutU32(out, spec.version);
  PutU32(out, static_cast<uint32_t>(options.size()));
  out.append(options);
  PutU64(out, payload.size());
  PutU64(out, packed.size());
  PutU32(out, static_cast<uint32_t>(crc32(0, reinterpret_cast<const Bytef*>(packed.data()), packed.size())));
  return out + packed;
}

UnpackedModel UnpackModel(const ModelFileSpec& spec, std::string_view b, const std::string& where) {
  if (b.size() < 8 || std::memcmp(b.data(), spec.magic, 8) != 0)
    throw Error(where, std::string("not a ") + spec.kind + " model (bad magic; expected " +
                           std::string(spec.magic, 8) + ")");
  size_t pos = 8;
  uint32_t version = GetAt<uint32_t>(b, pos, where);
  if (version != spec.version)
    throw Error(where, "model format version " + std::to_string(version) + ", this program reads version " +
                           std::to_string(spec.version) + " (rebuild it with `" + spec.retrain + "`)");
  uint32_t options_size = GetAt<uint32_t>(b, pos, where);
  if (options_size > b.size() - pos) throw Error(where, "truncated model header (options)");
  UnpackedModel m;
  m.options = std::string(b.substr(pos, options_size));
  pos += options_size;
  uint64_t raw_size = GetAt<uint64_t>(b, pos, where);
  uint64_t packed_size = GetAt<uint64_t>(b, pos, where);
  uint32_t crc = GetAt<uint32_t>(b, pos, where);
  if (b.size() - pos != packed_size)
    throw Error(where, "truncated or padded: payload is " + std::to_string(b.size() - pos) + " bytes, header says " +
                           std::to_string(packed_size));
  std::string_view packed = b.substr(pos);
  if (crc32(0, reinterpret_cast<const Bytef*>(packed.data()), packed.size()) != crc)
    throw Error(where, "checksum mismatch (corrupt file)");
  if (raw_size > (1ull << 31)) throw Error(where, "payload size out of range");
  m.payload.resize(raw_size);
  uLongf out_size = raw_size;
  if (uncompress(reinterpret_cast<Bytef*>(m.payload.data()), &out_size, reinterpret_cast<const Bytef*>(packed.data()),
                 packed.size()) != Z_OK ||
      out_size != raw_size)
    throw Error(where, "payload does not decompress (corrupt file)");
  return m;
}

std::string ReadModelBytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw Error(path, "cannot open model file");
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

void WriteModelBytes(const std::string& path, std::string_view bytes) {
  std::string tmp = path + ".tmp";
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    if (!out) throw Error(path, "cannot write model file");
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    if (!out) throw Error(path, "write failed");
  }
  std::error_code ec;
  std::filesystem::rename(tmp, path, ec);
  if (ec) throw Error(path, "cannot replace model file: " + ec.message());
}

}  // namespace newsledger
