// One options struct per command, filled by the argument parser, and the command handlers.
#pragma once

#include "util/exit_status.hpp"

#include <optional>
#include <string>
#include <vector>

namespace amgen::cli {

struct GlobalOptions
{
  bool json = false;
  bool quiet = false;
  std::string templates_dir; ///< Empty: the embedded templates.
};

struct NewOptions
{
  std::string name;
  std::string spec_file;
  std::optional<long> level;
  std::vector<std::string> modules;
  std::string context;
  std::string domain;
  std::string out_dir;
  bool dry_run = false;
  bool force = false;
  bool no_input = false; ///< Never prompt, even on a terminal.
};

struct SpecOptions
{
  std::string spec_file;
  std::optional<long> level;
};

struct CheckOptions
{
  std::string project_dir = ".";
};

/// `amgen generate`: the workflow's own options and the LLM client's overrides, both optional.
struct GenerateOptions
{
  std::string idea;
  std::string idea_file;
  std::string answers_file;
  std::string out_dir = ".";
  bool resume = false;
  int until_stage = 6;
  bool yes = false;
  long max_tokens = 0;
  double max_cost = 0;
  std::string install_command = "make install";
  std::string verify_command = "make check";
  int verify_timeout_s = 1800;
  std::optional<std::string> provider;
  std::optional<std::string> base_url;
  std::optional<std::string> model;
  std::optional<double> timeout_s;
  std::optional<int> retries;
  std::optional<int> concurrency;
  std::optional<std::string> cache_dir;
  std::optional<std::string> record_file;
  std::optional<std::string> replay_file;
  bool no_cache = false;
};

[[nodiscard]] ExitStatus run_new(const GlobalOptions& global, const NewOptions& options);
[[nodiscard]] ExitStatus run_validate(const GlobalOptions& global, const SpecOptions& options);
[[nodiscard]] ExitStatus run_view_model(const GlobalOptions& global, const SpecOptions& options);
[[nodiscard]] ExitStatus run_plan(const GlobalOptions& global, const SpecOptions& options);
[[nodiscard]] ExitStatus run_levels(const GlobalOptions& global);
[[nodiscard]] ExitStatus run_schema(const GlobalOptions& global);
[[nodiscard]] ExitStatus run_templates(const GlobalOptions& global);
[[nodiscard]] ExitStatus run_check(const GlobalOptions& global, const CheckOptions& options);
[[nodiscard]] ExitStatus run_generate(const GlobalOptions& global, const GenerateOptions& options);

} // namespace amgen::cli
