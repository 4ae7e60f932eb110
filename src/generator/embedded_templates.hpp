// The template files compiled into the binary (generated at build time by cmake/embed_templates.cmake).
#pragma once

#include <string_view>
#include <vector>

namespace amgen::generator {

struct EmbeddedFile
{
  std::string_view path; ///< Relative to templates/, with '/' separators.
  std::string_view content;
};

[[nodiscard]] const std::vector<EmbeddedFile>& embedded_templates();

} // namespace amgen::generator
