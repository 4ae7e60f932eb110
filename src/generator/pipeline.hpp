// The generation pipeline as one pure function: spec text → validate → model → view model → manifests →
// rendered files (with the `.amgen/` record). No disk writes, no printing, no clock, no environment.
#pragma once

#include "generator/diagnostics.hpp"
#include "generator/levels.hpp"
#include "generator/renderer.hpp"
#include "generator/template_store.hpp"

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

namespace amgen::generator {

struct ProjectRequest
{
  std::string spec_file; ///< The name diagnostics use.
  std::string spec_text;
  std::optional<std::string> project_name; ///< `amgen new NAME` wins over the spec's name.
  std::optional<long> level;               ///< `--level` wins over the spec's level.
};

struct ProjectResult
{
  Diagnostics diagnostics;
  std::optional<nlohmann::ordered_json> view_model; ///< Set when the spec is valid.
  std::vector<RenderedFile> files;                  ///< Set when nothing failed; sorted by path.
};

/// Parses and validates only (what `amgen validate` needs).
[[nodiscard]] Diagnostics validate_project(const ProjectRequest& request, const TemplateStore& store);

/// Runs the whole pipeline up to the rendered files.
[[nodiscard]] ProjectResult generate_project(const ProjectRequest& request, const TemplateStore& store,
                                             std::string_view amgen_version);

/// Loads `levels.yaml` from the store.
[[nodiscard]] LevelsTable load_levels(const TemplateStore& store, Diagnostics& diagnostics);

/// A field typed at the interactive prompt: `name:type`, `name:type?` (optional), `name:enum=a|b`.
struct DefaultSpecField
{
  std::string name;
  std::string type;
  bool optional = false;
  std::vector<std::string> values; ///< For `enum`.
};

struct DefaultSpecEntity
{
  std::string name; ///< PascalCase
  std::vector<DefaultSpecField> fields;
};

/// Flags or prompt answers for a spec made without a file.
struct DefaultSpecRequest
{
  std::string project_name;
  std::string context;
  std::string domain;
  long level = 1;
  std::vector<std::string> modules;
  std::vector<DefaultSpecEntity> entities; ///< Empty: the template's example entity `Item`.
};

/// Renders `default_spec.yaml` from the store: a business API + PostgreSQL data API spec, with the
/// services the modules ask for. The first entity is the one workers, bots and events refer to.
[[nodiscard]] std::string default_spec_text(const TemplateStore& store, const DefaultSpecRequest& request);

} // namespace amgen::generator
