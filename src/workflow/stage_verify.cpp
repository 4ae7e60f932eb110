// Stage 5: runs the verify command (sandboxed child), requirement coverage and the marker scan; failing
// checks go back to the model with their output, at most 3 tries a check and 10 a run, then exit 4.
#include "workflow/child_process.hpp"
#include "workflow/model_files.hpp"
#include "workflow/prompts.hpp"
#include "workflow/requirement_ids.hpp"
#include "workflow/source_scan.hpp"
#include "workflow/stages.hpp"
#include "workflow/text_files.hpp"

#include <filesystem>
#include <fmt/format.h>
#include <fmt/ranges.h>
#include <regex>
#include <set>

namespace amgen::workflow {
namespace {

using nlohmann::json;
constexpr int k_max_tries_per_check = 3;
constexpr int k_max_repairs_per_run = 10;
constexpr std::size_t k_output_in_prompt = 6000;

/// The last `TOTAL ... NN%` line of a pytest-cov report, or -1.
int coverage_percent(const std::string& output)
{
  static const std::regex k_total(R"(TOTAL\s.*\s(\d+)%)");
  int percent = -1;
  for (auto it = std::sregex_iterator(output.begin(), output.end(), k_total); it != std::sregex_iterator(); ++it) {
    percent = std::stoi((*it)[1].str());
  }
  return percent;
}

/// The output with what changes from run to run masked (the project's absolute path, timestamps, durations,
/// object addresses), so a repair prompt for the same failure is the same prompt and a re-run is served
/// from the cache.
std::string stable_output(std::string output, const std::filesystem::path& out)
{
  const auto root = out.lexically_normal().string();
  const auto trimmed_root = root.ends_with('/') ? root.substr(0, root.size() - 1) : root;
  for (auto at = output.find(trimmed_root); at != std::string::npos; at = output.find(trimmed_root, at)) {
    output.replace(at, trimmed_root.size(), "<project>");
  }
  static const std::regex k_timestamp(R"(\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2}([.,]\d+)?)");
  static const std::regex k_duration(R"(\b\d+(\.\d+)?(s|ms| seconds?)\b)");
  static const std::regex k_address(R"(\b0x[0-9a-f]{6,}\b)");
  // pytest's numbered temporary folders (/tmp/pytest-of-<user>/pytest-<n>/...) and process ids ("process [123]").
  static const std::regex k_pytest_tmp(R"(/[^\s'"]*/pytest-of-[^/\s]+/pytest-\d+)");
  static const std::regex k_process(R"(process \[\d+\])");
  output = std::regex_replace(output, k_timestamp, "<timestamp>");
  output = std::regex_replace(output, k_duration, "<time>$2");
  output = std::regex_replace(output, k_pytest_tmp, "<pytest-tmp>");
  output = std::regex_replace(output, k_process, "process [<pid>]");
  return std::regex_replace(output, k_address, "0x<address>");
}

json run_check_command(const StageContext& context, const char* check, const std::string& command)
{
  const auto result = run_child(command, context.out, {.timeout_s = context.options.verify_timeout_s});
  std::string details;
  if (result.timed_out) {
    details = fmt::format("'{}' timed out after {} s and was killed", command, context.options.verify_timeout_s);
  } else if (result.signal != 0) {
    details = fmt::format("'{}' was killed by signal {}", command, result.signal);
  } else {
    details = fmt::format("'{}' exited with {}", command, result.exit_code);
  }
  return {{"check", check}, {"passed", result.succeeded()}, {"details", details},
          {"output", stable_output(result.output_tail, context.out)}};
}

json command_check(const StageContext& context, json& record)
{
  auto check = run_check_command(context, "verify_command", context.options.verify_command);
  record["coverage_percent"] = coverage_percent(check.at("output").get<std::string>());
  return check;
}

json coverage_check(const StageContext& context, json& record)
{
  const auto requirements = earlier_record(context, 2).at("intake").at("requirements");
  const auto places = requirement_places(context.out, requirement_ids_of_kind(requirements, "FR"));
  std::vector<std::string> untraced;
  for (const auto& [id, found] : places) {
    if (!has_code_and_test(found)) {
      untraced.push_back(id);
    }
  }
  record["requirement_places"] = places;
  const auto details =
    untraced.empty()
      ? std::string("every FR id is named by code under services/*/src and by a test under services/*/tests")
      : fmt::format("{} not named by both code under services/*/src and a test under services/*/tests; mark the "
                    "code that implements each, and the test that proves it, with '# Implements: <id>'",
                    fmt::join(untraced, ", "));
  return {{"check", "requirement_coverage"}, {"passed", untraced.empty()}, {"details", details}, {"output", ""}};
}

json marker_check(const StageContext& context)
{
  const auto found = unfinished_markers(context.out);
  const auto details = found.empty() ? std::string("no TODO, FIXME, XXX or PLACEHOLDER under services/")
                                     : fmt::format("{} unfinished-work markers under services/", found.size());
  return {{"check", "no_markers"}, {"passed", found.empty()}, {"details", details},
          {"output", fmt::format("{}", fmt::join(found, "\n"))}};
}

std::string tail(const std::string& text, std::size_t limit)
{
  return text.size() <= limit ? text : "..." + text.substr(text.size() - limit);
}

llm::Request repair_request(const StageContext& context, const json& failures)
{
  json failing = json::array();
  for (const auto& check : failures) {
    failing.push_back({{"check_name", check.at("check")},
                       {"check_details", check.at("details")},
                       {"check_output", tail(check.at("output").get<std::string>(), k_output_in_prompt)}});
  }
  json files = json::array();
  const auto generated = earlier_record(context, 4);
  for (const auto& path : generated.at("model_owned")) {
    const auto content = read_text_file(context.out / path.get<std::string>()).value_or("");
    files.push_back({{"file_path", path}, {"file_content", content}});
  }
  const json data = {{"failures", failing},
                     {"files", files},
                     {"requirements", earlier_record(context, 2).at("intake").at("requirements")}};
  auto request = prompt_request(context.store, "5-repair", data, {model_files_schema(), "files", 8192});
  return request;
}

/// The failing check that may not be tried again, or empty.
std::string exhausted_check(const StageContext& context, const json& record, const json& failures)
{
  if (context.state.repair_attempts >= k_max_repairs_per_run) {
    return fmt::format("{} repairs in this run", k_max_repairs_per_run);
  }
  for (const auto& check : failures) {
    const auto name = check.at("check").get<std::string>();
    if (record["tries"].value(name, 0) >= k_max_tries_per_check) {
      return fmt::format("{} tries of '{}'", k_max_tries_per_check, name);
    }
  }
  return {};
}

} // namespace

StageResult run_verify_stage(StageContext& context)
{
  json record = has_stage_record(context.out, 5) ? earlier_record(context, 5) : json::object();
  if (!record.contains("tries")) {
    record["tries"] = json::object();
    record["repairs"] = json::array();
  }
  std::set<std::string> model_owned;
  const auto generated = earlier_record(context, 4);
  for (const auto& path : generated.at("model_owned")) {
    model_owned.insert(path.get<std::string>());
  }
  if (!context.options.install_command.empty()) {
    const auto install = run_check_command(context, "install_command", context.options.install_command);
    if (!install.at("passed").get<bool>()) {
      // An environment failure (no index, a broken interpreter): the model cannot fix it, so it is not asked.
      record["checks"] = json::array({install});
      record["gave_up_after"] = "the environment could not be prepared";
      save_stage_record(context.out, 5, record);
      const auto report = write_qa_report(context, record);
      context.console.info(fmt::format("install failed: {}", install.at("details").get<std::string>()));
      return {ExitStatus::verification_failed,
              {{"status", "verification_failed"}, {"gave_up_after", record["gave_up_after"]},
               {"failures", json::array({{{"check", "install_command"}, {"details", install.at("details")}}})},
               {"report", report.string()}}};
    }
  }
  while (true) {
    const json checks = {command_check(context, record), coverage_check(context, record), marker_check(context)};
    record["checks"] = checks;
    json failures = json::array();
    for (const auto& check : checks) {
      if (!check.at("passed").get<bool>()) {
        failures.push_back(check);
        context.console.info(fmt::format("check '{}' failed: {}", check.at("check").get<std::string>(),
                                         check.at("details").get<std::string>()));
      }
    }
    save_stage_record(context.out, 5, record);
    if (failures.empty()) {
      return {};
    }
    if (const auto limit = exhausted_check(context, record, failures); !limit.empty()) {
      record["gave_up_after"] = limit;
      save_stage_record(context.out, 5, record);
      const auto report = write_qa_report(context, record);
      json failed = json::array();
      for (const auto& check : failures) {
        failed.push_back({{"check", check.at("check")}, {"details", check.at("details")}});
      }
      return {ExitStatus::verification_failed,
              {{"status", "verification_failed"}, {"gave_up_after", limit}, {"failures", failed},
               {"report", report.string()}}};
    }
    const auto response = call_model(context, 5, repair_request(context, failures), {});
    const auto written = write_model_files(context.out, response.structured.at("files"), model_owned);
    for (const auto& item : written.refused) {
      context.console.info(fmt::format("refused: {}", item.at("reason").get<std::string>()));
    }
    for (const auto& check : failures) {
      auto& tries = record["tries"][check.at("check").get<std::string>()];
      tries = tries.is_number() ? tries.get<int>() + 1 : 1;
    }
    record["repairs"].push_back(
      {{"failing", failures.size()}, {"written", written.written}, {"refused", written.refused}});
    ++context.state.repair_attempts;
    save_state(context.out, context.state);
    save_stage_record(context.out, 5, record);
  }
}

} // namespace amgen::workflow
