// The workflow's resumable state: `<out>/.amgen/workflow/state.json` plus one JSON record per stage
// (`stage-<n>-<name>.json`, the stage's inputs and outputs), written atomically after every stage.
#pragma once

#include "workflow/budget.hpp"

#include <array>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace amgen::workflow {

inline constexpr int k_stage_count = 7;
/// The stages' names, indexed by number.
inline constexpr std::array<const char*, k_stage_count> k_stage_names = {
  "context", "validate", "intake", "plan", "generate", "verify", "report"};

enum class StageStatus { pending, done, failed };

struct StageRecord
{
  int stage = 0;
  StageStatus status = StageStatus::pending;
  std::string started;
  std::string finished;
  TokenCount tokens;
  double cost = 0;
  int attempts = 0; ///< Model calls made (structured repairs included).
};

struct State
{
  std::string idea_hash;
  std::vector<StageRecord> stages; ///< One per stage, indexed by number.
  int clarification_rounds = 0;    ///< Rounds of questions asked so far (at most two).
  int repair_attempts = 0;         ///< Stage-5 repairs so far in this project (at most ten).
  bool is_plan_approved = false;

  [[nodiscard]] TokenCount tokens_spent() const;
  [[nodiscard]] double cost_spent() const;
};

[[nodiscard]] std::string stage_name(int stage);
[[nodiscard]] std::string status_name(StageStatus status);

/// `<out>/.amgen/workflow`.
[[nodiscard]] std::filesystem::path workflow_dir(const std::filesystem::path& out);

/// A fresh state: every stage pending.
[[nodiscard]] State new_state(std::string idea_hash);
/// The saved state of `out`, or nothing when there is none. Throws amgen::Error when it is unreadable.
[[nodiscard]] std::optional<State> load_state(const std::filesystem::path& out);
void save_state(const std::filesystem::path& out, const State& state);

[[nodiscard]] nlohmann::json state_to_json(const State& state);

/// `stage-<n>-<name>.json` under the workflow directory: reading a missing record throws amgen::Error.
[[nodiscard]] nlohmann::json load_stage_record(const std::filesystem::path& out, int stage);
[[nodiscard]] bool has_stage_record(const std::filesystem::path& out, int stage);
void save_stage_record(const std::filesystem::path& out, int stage, const nlohmann::json& record);

} // namespace amgen::workflow
