// State and stage records: JSON files under `<out>/.amgen/workflow/`, each replaced in one rename.
#include "workflow/state.hpp"

#include "util/error.hpp"
#include "workflow/text_files.hpp"

#include <fmt/format.h>

namespace amgen::workflow {

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

StageStatus parse_status(const std::string& text)
{
  if (text == "done") {
    return StageStatus::done;
  }
  if (text == "failed") {
    return StageStatus::failed;
  }
  return StageStatus::pending;
}

fs::path stage_record_path(const fs::path& out, int stage)
{
  return workflow_dir(out) / fmt::format("stage-{}-{}.json", stage, stage_name(stage));
}

State state_from_json(const json& value)
{
  State state = new_state(value.at("idea_hash").get<std::string>());
  for (const auto& item : value.at("stages")) {
    const int number = item.at("stage").get<int>();
    if (number < 0 || number >= k_stage_count) {
      continue;
    }
    auto& record = state.stages[static_cast<std::size_t>(number)];
    record.status = parse_status(item.value("status", "pending"));
    record.started = item.value("started", "");
    record.finished = item.value("finished", "");
    record.tokens = {item.at("tokens").value("input", 0L), item.at("tokens").value("output", 0L)};
    record.cost = item.value("cost", 0.0);
    record.attempts = item.value("attempts", 0);
  }
  state.clarification_rounds = value.value("clarification_rounds", 0);
  state.repair_attempts = value.value("repair_attempts", 0);
  state.is_plan_approved = value.value("plan_approved", false);
  return state;
}

} // namespace

TokenCount State::tokens_spent() const
{
  TokenCount total;
  for (const auto& record : stages) {
    total += record.tokens;
  }
  return total;
}

double State::cost_spent() const
{
  double total = 0;
  for (const auto& record : stages) {
    total += record.cost;
  }
  return total;
}

std::string stage_name(int stage)
{
  return k_stage_names.at(static_cast<std::size_t>(stage));
}

std::string status_name(StageStatus status)
{
  switch (status) {
  case StageStatus::done: return "done";
  case StageStatus::failed: return "failed";
  case StageStatus::pending: break;
  }
  return "pending";
}

fs::path workflow_dir(const fs::path& out)
{
  return out / ".amgen" / "workflow";
}

State new_state(std::string idea_hash)
{
  State state;
  state.idea_hash = std::move(idea_hash);
  for (int stage = 0; stage < k_stage_count; ++stage) {
    StageRecord record;
    record.stage = stage;
    state.stages.push_back(record);
  }
  return state;
}

json state_to_json(const State& state)
{
  json stages = json::array();
  for (const auto& record : state.stages) {
    stages.push_back({{"stage", record.stage},
                      {"name", stage_name(record.stage)},
                      {"status", status_name(record.status)},
                      {"started", record.started},
                      {"finished", record.finished},
                      {"tokens", {{"input", record.tokens.input}, {"output", record.tokens.output}}},
                      {"cost", record.cost},
                      {"attempts", record.attempts}});
  }
  return {{"idea_hash", state.idea_hash},
          {"stages", stages},
          {"clarification_rounds", state.clarification_rounds},
          {"repair_attempts", state.repair_attempts},
          {"plan_approved", state.is_plan_approved}};
}

std::optional<State> load_state(const fs::path& out)
{
  const auto path = workflow_dir(out) / "state.json";
  const auto text = read_text_file(path);
  if (!text) {
    return std::nullopt;
  }
  try {
    return state_from_json(json::parse(*text));
  } catch (const json::exception& e) {
    throw Error(fmt::format("'{}' is not a workflow state: {}", path.string(), e.what()));
  }
}

void save_state(const fs::path& out, const State& state)
{
  write_text_file_atomically(workflow_dir(out) / "state.json", state_to_json(state).dump(2) + "\n");
}

json load_stage_record(const fs::path& out, int stage)
{
  const auto path = stage_record_path(out, stage);
  const auto text = read_text_file(path);
  if (!text) {
    throw Error(fmt::format("missing '{}': the run cannot resume stage {} without it", path.string(), stage + 1));
  }
  try {
    return json::parse(*text);
  } catch (const json::exception& e) {
    throw Error(fmt::format("'{}' is not valid JSON: {}", path.string(), e.what()));
  }
}

bool has_stage_record(const fs::path& out, int stage)
{
  std::error_code ec;
  return fs::exists(stage_record_path(out, stage), ec);
}

void save_stage_record(const fs::path& out, int stage, const json& record)
{
  write_text_file_atomically(stage_record_path(out, stage), record.dump(2) + "\n");
}

} // namespace amgen::workflow
