// SHA-256 of a byte string, as lowercase hex: used for the per-file content hashes in .amgen/.
#pragma once

#include <string>
#include <string_view>

namespace amgen::util {

[[nodiscard]] std::string sha256_hex(std::string_view data);

} // namespace amgen::util
