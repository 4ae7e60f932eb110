// `amgen new`: spec (file or flags) → pipeline → plan → dry-run listing or atomic write.
#include "cli/commands.hpp"
#include "cli/new_prompts.hpp"
#include "cli/output.hpp"
#include "cli/terminal.hpp"
#include "generator/names.hpp"
#include "generator/pipeline.hpp"
#include "generator/plan.hpp"
#include "generator/writer.hpp"
#include "util/error.hpp"

#include <amgen_version.hpp>
#include <fmt/format.h>
#include <iostream>
#include <nlohmann/json.hpp>

namespace amgen::cli {
namespace {

void require_snake_case(const std::string& value, const char* flag)
{
  if (!value.empty() && !generator::is_snake_case(value)) {
    throw Error(fmt::format("{} '{}' must be snake_case (lowercase letters, digits, single underscores)", flag,
                            value),
                ExitStatus::usage);
  }
}

bool may_prompt(const GlobalOptions& global, const NewOptions& options)
{
  return !options.no_input && !global.json && options.spec_file.empty() && Terminal::stdio_is_interactive();
}

generator::ProjectRequest make_request(const GlobalOptions& global, const NewOptions& options,
                                       const generator::TemplateStore& store)
{
  generator::ProjectRequest request;
  require_snake_case(options.name, "NAME");
  if (!options.name.empty()) {
    request.project_name = options.name;
  }
  request.level = options.level;
  if (!options.spec_file.empty()) {
    if (!options.context.empty() || !options.domain.empty() || !options.modules.empty()) {
      throw Error("--context, --domain and --with describe a project without a spec; with --spec, edit the spec",
                  ExitStatus::usage);
    }
    request.spec_file = options.spec_file;
    request.spec_text = read_text_file(options.spec_file);
    return request;
  }
  require_snake_case(options.context, "--context");
  require_snake_case(options.domain, "--domain");
  for (const auto& module : options.modules) {
    require_snake_case(module, "--with");
  }
  if ((options.name.empty() || options.context.empty()) && may_prompt(global, options)) {
    Terminal terminal(std::cin, std::cout);
    const auto answers = ask_for_project(terminal, options, store);
    request.spec_file = "amgen.yaml (from your answers)";
    request.spec_text = generator::default_spec_text(store, answers);
    return request;
  }
  std::vector<std::string> missing;
  if (options.name.empty()) {
    missing.emplace_back("NAME");
  }
  if (options.context.empty()) {
    missing.emplace_back("--context");
  }
  if (!missing.empty()) {
    throw Error(fmt::format("missing {} (or pass --spec FILE; on a terminal, amgen new asks for them)",
                            fmt::join(missing, " and ")),
                ExitStatus::usage);
  }
  request.spec_file = "amgen.yaml (from flags)";
  request.spec_text = generator::default_spec_text(
    store, {options.name, options.context, options.domain.empty() ? options.name : options.domain,
            options.level.value_or(1), options.modules, {}});
  return request;
}

void print_plan(const GlobalOptions& global, const generator::Plan& plan, bool dry_run)
{
  if (global.json) {
    nlohmann::ordered_json out;
    out["out"] = plan.target;
    out["dry_run"] = dry_run;
    auto& files = out["files"] = nlohmann::ordered_json::array();
    for (const auto& file : plan.files) {
      files.push_back({{"path", file.path}, {"action", generator::action_name(file.action)},
                       {"owner", generator::owner_name(file.owner)}});
    }
    std::cout << out.dump(2) << "\n";
    return;
  }
  if (dry_run) {
    std::cout << plan.target << "/\n";
    for (const auto& file : plan.files) {
      std::cout << fmt::format("  {:<10} {}\n", generator::action_name(file.action), file.path);
    }
    std::cout << fmt::format("{} files (dry run: nothing written)\n", plan.files.size());
    return;
  }
  if (!global.quiet) {
    std::cout << fmt::format("created {} ({} files); its spec is {}/.amgen/spec.yaml\n\nnext steps:\n  cd {}\n"
                             "  make install\n  make check\n",
                             plan.target, plan.files.size(), plan.target, plan.target);
  }
}

} // namespace

ExitStatus run_new(const GlobalOptions& global, const NewOptions& options)
{
  const auto store = template_store(global);
  const auto request = make_request(global, options, store);
  const auto result = generator::generate_project(request, store, k_version);
  if (!global.quiet || result.diagnostics.has_errors()) {
    print_diagnostics(result.diagnostics, request.spec_file, request.spec_text);
  }
  if (result.diagnostics.has_errors()) {
    return ExitStatus::user_error;
  }
  const auto project_name = (*result.view_model)["project_name"].get<std::string>();
  const auto target = options.out_dir.empty() ? project_name : options.out_dir;
  if (!options.force && !options.dry_run && !generator::is_missing_or_empty_directory(target)) {
    throw Error(fmt::format("target directory '{}' is not empty; pass --force to write into it "
                            "(template-owned files are replaced, user-owned files are kept)",
                            target));
  }
  const auto plan = generator::plan_files(result.files, target);
  if (!options.dry_run) {
    generator::commit_plan(plan);
  }
  print_plan(global, plan, options.dry_run);
  return ExitStatus::ok;
}

} // namespace amgen::cli
