// Stage 4: renders the spec with the generator and commits it (user- and model-owned files kept), then
// asks the model for each model-owned file, concurrently, and writes what the allow-list accepts.
#include "amgen_version.hpp"
#include "generator/pipeline.hpp"
#include "generator/plan.hpp"
#include "generator/writer.hpp"
#include "util/error.hpp"
#include "workflow/allowed_paths.hpp"
#include "workflow/model_files.hpp"
#include "workflow/prompts.hpp"
#include "workflow/stages.hpp"
#include "workflow/text_files.hpp"

#include <fmt/format.h>

namespace amgen::workflow {
namespace {

using nlohmann::json;

std::vector<generator::RenderedFile> render(const StageContext& context, const std::string& spec_text)
{
  auto result = generator::generate_project({"amgen.yaml", spec_text, {}, {}}, context.store, k_version);
  if (result.diagnostics.has_errors()) {
    std::string message = "amgen.yaml does not render:";
    for (const auto& diagnostic : result.diagnostics.sorted()) {
      message += '\n';
      message += generator::format_diagnostic(diagnostic, spec_text);
    }
    throw Error(message);
  }
  return std::move(result.files);
}

llm::Request file_request(const StageContext& context, const generator::RenderedFile& file, const json& data)
{
  auto file_data = data;
  file_data["file_path"] = file.path;
  file_data["file_content"] = read_text_file(context.out / file.path).value_or(file.content);
  auto request = prompt_request(context.store, "4-generate", file_data, {model_files_schema(), "files", 4096});
  return request;
}

} // namespace

StageResult run_generate_stage(StageContext& context)
{
  const auto spec_path = context.out / "amgen.yaml";
  const auto spec_text = read_text_file(spec_path);
  if (!spec_text) {
    throw Error(fmt::format("missing '{}': stage 3 writes it", spec_path.string()));
  }
  const auto files = render(context, *spec_text);
  generator::commit_plan(generator::plan_files(files, context.out.string()));
  const auto model_owned = model_owned_paths(files);
  const json data = {{"spec_yaml", *spec_text},
                     {"requirements", earlier_record(context, 2).at("intake").at("requirements")},
                     {"model_files", std::vector<std::string>(model_owned.begin(), model_owned.end())}};
  std::vector<llm::Request> requests;
  for (const auto& file : files) {
    if (model_owned.contains(file.path)) {
      requests.push_back(file_request(context, file, data));
    }
  }
  const auto responses = call_model_all(context, 4, requests);
  json written = json::array();
  json refused = json::array();
  for (const auto& response : responses) {
    const auto result = write_model_files(context.out, response.structured.at("files"), model_owned);
    for (const auto& path : result.written) {
      written.push_back(path);
    }
    for (const auto& item : result.refused) {
      context.console.info(fmt::format("refused: {}", item.at("reason").get<std::string>()));
      refused.push_back(item);
    }
  }
  save_stage_record(context.out, 4,
                    {{"rendered_files", files.size()},
                     {"model_owned", std::vector<std::string>(model_owned.begin(), model_owned.end())},
                     {"written", written},
                     {"refused", refused}});
  return {};
}

} // namespace amgen::workflow
