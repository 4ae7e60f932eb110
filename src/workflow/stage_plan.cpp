// Stage 3: the model plans the spec (validated by the generator, diagnostics fed back as
// `amgen.yaml:line:col`) and the work; amgen.yaml and implementation-plan.md are written.
#include "generator/pipeline.hpp"
#include "workflow/artifacts.hpp"
#include "workflow/prompts.hpp"
#include "workflow/requirement_ids.hpp"
#include "workflow/spec_yaml.hpp"
#include "workflow/stages.hpp"
#include "workflow/text_files.hpp"

#include <fmt/format.h>
#include <set>

namespace amgen::workflow {
namespace {

using nlohmann::json;

json response_schema(json spec_schema)
{
  spec_schema.erase("$schema");
  spec_schema.erase("$id");
  spec_schema.erase("title");
  const json task = {{"type", "object"},
                     {"additionalProperties", false},
                     {"required", {"id", "title", "requirements"}},
                     {"properties",
                      {{"id", {{"type", "string"}}},
                       {"title", {{"type", "string"}}},
                       {"requirements", {{"type", "array"}, {"items", {{"type", "string"}}}}}}}};
  const json phase = {{"type", "object"},
                      {"additionalProperties", false},
                      {"required", {"name", "tasks"}},
                      {"properties",
                       {{"name", {{"type", "string"}}},
                        {"tasks", {{"type", "array"}, {"minItems", 1}, {"items", task}}}}}};
  return {{"type", "object"},
          {"additionalProperties", false},
          {"required", {"spec", "phases", "assumptions"}},
          {"properties",
           {{"spec", spec_schema},
            {"phases", {{"type", "array"}, {"minItems", 1}, {"items", phase}}},
            {"assumptions", {{"type", "array"}, {"items", {{"type", "string"}}}}}}}};
}

std::string yaml_of(const json& spec)
{
  return spec_yaml(nlohmann::ordered_json::parse(spec.dump()));
}

/// The spec as the model ordered its keys (the raw reply text), for the file a person reads.
std::string spec_in_reply_order(const llm::Response& response)
{
  const auto reply = nlohmann::ordered_json::parse(response.text, nullptr, false);
  if (reply.is_object() && reply.contains("spec") && reply["spec"].is_object()) {
    return spec_yaml(reply["spec"]);
  }
  return yaml_of(response.structured.at("spec"));
}

/// The generator's errors on the spec, then the traceability gaps.
std::vector<std::string> plan_errors(const generator::TemplateStore& store, const json& requirements,
                                     const json& result)
{
  std::vector<std::string> errors;
  const auto yaml = yaml_of(result.at("spec"));
  const auto diagnostics = generator::validate_project({"amgen.yaml", yaml, {}, {}}, store);
  for (const auto& diagnostic : diagnostics.sorted()) {
    if (diagnostic.severity == generator::Severity::error) {
      errors.push_back(generator::format_diagnostic(diagnostic, yaml));
    }
  }
  std::set<std::string> implemented;
  for (const auto& item : result.at("spec").value("requirements", json::array())) {
    if (!item.value("implemented_by", json::array()).empty()) {
      implemented.insert(item.value("id", ""));
    }
  }
  std::set<std::string> planned;
  for (const auto& phase : result.at("phases")) {
    for (const auto& task : phase.at("tasks")) {
      for (const auto& id : task.at("requirements")) {
        planned.insert(id.get<std::string>());
      }
    }
  }
  for (const auto& requirement : requirements) {
    const auto id = requirement.at("id").get<std::string>();
    if (id.starts_with("FR-") && !implemented.contains(id)) {
      errors.push_back(fmt::format("requirement '{}' is missing from spec.requirements or has no implemented_by", id));
    }
    if (!planned.contains(id)) {
      errors.push_back(fmt::format("requirement '{}' is in no task of the plan", id));
    }
  }
  return errors;
}

} // namespace

StageResult run_plan_stage(StageContext& context)
{
  const auto stage0 = earlier_record(context, 0);
  const auto intake = earlier_record(context, 2).at("intake");
  const json data = {{"idea", clarified_idea(earlier_record(context, 1))},
                     {"target_level", intake.at("level")},
                     {"requirements", intake.at("requirements")},
                     {"levels", stage0.at("levels")},
                     {"naming_rules", stage0.at("naming_rules")}};
  auto request =
    prompt_request(context.store, "3-plan", data, {response_schema(stage0.at("spec_schema")), "plan", 8192});
  const auto& store = context.store;
  const auto& requirements = intake.at("requirements");
  const auto response = call_model(context, 3, std::move(request), [&](const json& result) {
    return plan_errors(store, requirements, result);
  });
  const auto& plan = response.structured;
  const auto yaml = spec_in_reply_order(response);
  write_text_file_atomically(context.out / "amgen.yaml", yaml);
  const auto plan_path = context.out / "artifacts" / "plans" / "implementation-plan.md";
  write_text_file_atomically(plan_path, plan_markdown(intake, plan));
  save_stage_record(context.out, 3,
                    {{"inputs", {{"requirements", requirements}}}, {"plan", plan}, {"spec_yaml", yaml}});
  return {};
}

} // namespace amgen::workflow
