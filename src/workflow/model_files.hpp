// The files the model writes (stage 4 and stage-5 repairs): the reply's JSON shape, the allow-list
// check of every path, and per-file atomic writes of the accepted ones.
#pragma once

#include "generator/renderer.hpp"

#include <filesystem>
#include <nlohmann/json.hpp>
#include <set>
#include <string>
#include <vector>

namespace amgen::workflow {

/// `{files: [{path, content}]}`.
[[nodiscard]] nlohmann::json model_files_schema();

/// The rendered files whose manifest owner is `model`.
[[nodiscard]] std::set<std::string> model_owned_paths(const std::vector<generator::RenderedFile>& files);

struct ModelFilesWritten
{
  std::vector<std::string> written;
  nlohmann::json refused = nlohmann::json::array(); ///< [{path, reason}]
};

/// Writes each `{path, content}` of `files` whose path passes the allow-list into `out` (one temporary
/// file and rename per file); refuses and reports every other one, writing nothing for it.
[[nodiscard]] ModelFilesWritten write_model_files(const std::filesystem::path& out, const nlohmann::json& files,
                                                  const std::set<std::string>& model_owned);

} // namespace amgen::workflow
