// A template folder's manifest: which files exist, at which feature (level), how often, and who owns them.
#pragma once

#include "generator/diagnostics.hpp"
#include "generator/levels.hpp"
#include "generator/template_store.hpp"

#include <string>
#include <vector>

namespace amgen::generator {

enum class Owner { template_owned, user, model };
[[nodiscard]] std::string owner_name(Owner owner);

/// What an entry repeats over: the scope's entities, events, worker jobs or bot commands.
enum class Repeat { once, per_entity, per_event, per_job, per_command };

struct ManifestEntry
{
  std::string template_path; ///< Relative to the template root, e.g. `api/src/main.py.mustache`.
  std::string output_path;   ///< A mustache template over the file's context.
  std::string feature;       ///< Empty: always; else the levels.yaml feature that gates the file.
  std::vector<std::string> modules; ///< Modules (modules.hpp) the project must all have; empty: always.
  Repeat repeat = Repeat::once;
  Owner owner = Owner::template_owned;
  Position position;
};

struct Manifest
{
  std::string folder; ///< `project`, `shared`, or a service type such as `api`.
  std::vector<ManifestEntry> entries;
};

/// Loads `<folder>/manifest.yaml` from the store; every problem (unknown keys, unknown features,
/// missing templates, paths escaping the root) goes to `diagnostics`.
[[nodiscard]] Manifest load_manifest(const TemplateStore& store, const std::string& folder, const LevelsTable& levels,
                                     Diagnostics& diagnostics);

/// True when `path` is relative and has no `..`, `.` or empty segment.
[[nodiscard]] bool is_safe_relative_path(const std::string& path);

} // namespace amgen::generator
