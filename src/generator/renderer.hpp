// Renders every manifest entry against the view model, in memory: no disk, no clock, no environment.
#pragma once

#include "generator/diagnostics.hpp"
#include "generator/manifest.hpp"
#include "generator/template_store.hpp"

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace amgen::generator {

struct RenderedFile
{
  std::string path; ///< Relative to the project root.
  std::string content;
  Owner owner = Owner::template_owned;
};

/// Renders `manifests` (folders `project` and `shared` once; any other folder once per service whose
/// `service_kind` names it) and returns the files sorted by path. Template errors, unsafe or duplicate
/// output paths go to `diagnostics`, each with the template's file, line and column.
[[nodiscard]] std::vector<RenderedFile> render_project(const TemplateStore& store,
                                                       const std::vector<Manifest>& manifests,
                                                       const nlohmann::ordered_json& view_model,
                                                       Diagnostics& diagnostics);

/// Turns kainjow's byte-offset error (`Unclosed section "a" at 12`) into a 1-based position in `text`;
/// `source_offset` maps offsets of the parsed (standalone-stripped) text back to `text` when not empty.
[[nodiscard]] Position position_from_mustache_error(const std::string& message, const std::string& text,
                                                    const std::vector<std::size_t>& source_offset = {});

} // namespace amgen::generator
