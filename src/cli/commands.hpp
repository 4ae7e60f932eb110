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

[[nodiscard]] ExitStatus run_new(const GlobalOptions& global, const NewOptions& options);
[[nodiscard]] ExitStatus run_validate(const GlobalOptions& global, const SpecOptions& options);
[[nodiscard]] ExitStatus run_view_model(const GlobalOptions& global, const SpecOptions& options);
[[nodiscard]] ExitStatus run_levels(const GlobalOptions& global);
[[nodiscard]] ExitStatus run_schema(const GlobalOptions& global);
[[nodiscard]] ExitStatus run_templates(const GlobalOptions& global);
[[nodiscard]] ExitStatus run_check(const GlobalOptions& global, const CheckOptions& options);

} // namespace amgen::cli
