// Model-written files: allow-list first, then one atomic write per accepted file.
#include "workflow/model_files.hpp"

#include "workflow/allowed_paths.hpp"
#include "workflow/text_files.hpp"

namespace amgen::workflow {

nlohmann::json model_files_schema()
{
  const nlohmann::json file = {{"type", "object"},
                               {"additionalProperties", false},
                               {"required", {"path", "content"}},
                               {"properties", {{"path", {{"type", "string"}}}, {"content", {{"type", "string"}}}}}};
  return {{"type", "object"},
          {"additionalProperties", false},
          {"required", {"files"}},
          {"properties", {{"files", {{"type", "array"}, {"items", file}}}}}};
}

std::set<std::string> model_owned_paths(const std::vector<generator::RenderedFile>& files)
{
  std::set<std::string> paths;
  for (const auto& file : files) {
    if (file.owner == generator::Owner::model) {
      paths.insert(file.path);
    }
  }
  return paths;
}

ModelFilesWritten write_model_files(const std::filesystem::path& out, const nlohmann::json& files,
                                    const std::set<std::string>& model_owned)
{
  ModelFilesWritten result;
  for (const auto& file : files) {
    const auto path = file.at("path").get<std::string>();
    const auto refusal = path_refusal(path, model_owned);
    if (!refusal.empty()) {
      result.refused.push_back({{"path", path}, {"reason", refusal}});
      continue;
    }
    write_text_file_atomically(out / path, file.at("content").get<std::string>());
    result.written.push_back(path);
  }
  return result;
}

} // namespace amgen::workflow
