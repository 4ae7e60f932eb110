// Argument parsing (the only translation unit that includes CLI11) and the command table.
#include "cli/cli.hpp"

#include "cli/commands.hpp"
#include "generator/diagnostics.hpp"
#include "util/error.hpp"

#include <CLI/CLI.hpp>
#include <amgen_version.hpp>
#include <fmt/format.h>
#include <functional>
#include <iostream>

namespace amgen::cli {
namespace {

struct Options
{
  GlobalOptions global;
  NewOptions new_project;
  SpecOptions spec;
  CheckOptions check;
  GenerateOptions generate;
};

struct Command
{
  const char* name;
  const char* summary;
  std::function<void(CLI::App&, Options&)> add_options;
  std::function<ExitStatus(const Options&)> handler;
};

void add_spec_options(CLI::App& app, Options& options)
{
  app.add_option("spec", options.spec.spec_file, "The spec file (amgen.yaml)")->required();
  app.add_option("--level", options.spec.level, "Override the spec's level (see 'amgen levels')")
    ->check(CLI::PositiveNumber);
}

const std::vector<Command>& commands()
{
  static const std::vector<Command> k_commands = {
    {"new", "Scaffold a project from a spec or from flags",
     [](CLI::App& app, Options& o) {
       auto& n = o.new_project;
       app.add_option("name", n.name, "The project name (snake_case); wins over the spec's name");
       app.add_option("--spec", n.spec_file, "Render this spec file");
       app.add_option("--level", n.level, "Maturity level (see 'amgen levels')")->check(CLI::PositiveNumber);
       app.add_option("--with", n.modules, "Optional modules, comma-separated")->delimiter(',');
       app.add_option("--context", n.context, "Business context, without --spec");
       app.add_option("--domain", n.domain, "Business domain, without --spec (default: the name)");
       app.add_option("--out", n.out_dir, "Target directory (default: ./NAME)");
       app.add_flag("--dry-run", n.dry_run, "Print the file tree; write nothing");
       app.add_flag("--force", n.force, "Write into a non-empty directory (user-owned files are kept)");
       app.add_flag("--no-input", n.no_input, "Never prompt; fail listing what is missing");
     },
     [](const Options& o) { return run_new(o.global, o.new_project); }},
    {"generate", "Take an idea to a verified project through the seven-stage AI workflow",
     [](CLI::App& app, Options& o) {
       auto& g = o.generate;
       app.add_option("idea", g.idea, "The idea, in your words");
       app.add_option("--idea-file", g.idea_file, "Read the idea from this file");
       app.add_option("--answers", g.answers_file, "Answers to the questions of the last run (JSON or YAML)");
       app.add_option("--out", g.out_dir, "The project directory, which also holds the run's state (default: .)");
       app.add_flag("--resume", g.resume, "Continue the run recorded in --out; finished stages are not repeated");
       app.add_option("--until-stage", g.until_stage, "Stop after this stage (0-6)")->check(CLI::Range(0, 6));
       app.add_flag("--yes", g.yes, "Approve the plan without asking");
       app.add_option("--max-tokens", g.max_tokens, "Stop before the run would spend more tokens")
         ->check(CLI::NonNegativeNumber);
       app.add_option("--max-cost", g.max_cost, "Stop before the run would cost more (USD)")
         ->check(CLI::NonNegativeNumber);
       app.add_option("--install-command", g.install_command,
                      "Stage 5's preparation of the project's environment, run once (default: make install)");
       app.add_option("--verify-command", g.verify_command, "Stage 5's check of the project (default: make check)");
       app.add_option("--verify-timeout", g.verify_timeout_s, "Seconds before the check is killed")
         ->check(CLI::PositiveNumber);
       app.add_option("--provider", g.provider, "openai or anthropic (AMGEN_LLM_PROVIDER)");
       app.add_option("--base-url", g.base_url, "The provider's API base URL (AMGEN_LLM_BASE_URL)");
       app.add_option("--model", g.model, "The model (AMGEN_LLM_MODEL)");
       app.add_option("--llm-timeout", g.timeout_s, "Seconds a model call may take in total")->check(CLI::PositiveNumber);
       app.add_option("--llm-retries", g.retries, "Retries of a failed model call")->check(CLI::Range(0, 10));
       app.add_option("--concurrency", g.concurrency, "Model calls in flight at once")->check(CLI::Range(1, 32));
       app.add_option("--cache-dir", g.cache_dir, "The response cache (AMGEN_LLM_CACHE_DIR)");
       app.add_flag("--no-cache", g.no_cache, "Neither read nor write the response cache");
       app.add_option("--record", g.record_file, "Append every model exchange to this cassette");
       app.add_option("--replay", g.replay_file, "Answer model calls from this cassette only (no network)");
     },
     [](const Options& o) { return run_generate(o.global, o.generate); }},
    {"validate", "Check a spec and print every error as file:line:col",
     add_spec_options, [](const Options& o) { return run_validate(o.global, o.spec); }},
    {"plan", "Show what 'new' would produce: features included and excluded at the level, modules, files",
     add_spec_options, [](const Options& o) { return run_plan(o.global, o.spec); }},
    {"view-model", "Print the view model the templates see, as JSON",
     add_spec_options, [](const Options& o) { return run_view_model(o.global, o.spec); }},
    {"check", "Re-render a project from its recorded spec and report drift (exit 1 with a diff)",
     [](CLI::App& app, Options& o) {
       app.add_option("dir", o.check.project_dir, "The generated project (default: the current directory)");
     },
     [](const Options& o) { return run_check(o.global, o.check); }},
    {"levels", "Print the maturity levels and the features each adds",
     [](CLI::App&, Options&) {}, [](const Options& o) { return run_levels(o.global); }},
    {"schema", "Print the JSON Schema of amgen.yaml",
     [](CLI::App&, Options&) {}, [](const Options& o) { return run_schema(o.global); }},
    {"templates", "List the template folders and the files each can produce",
     [](CLI::App&, Options&) {}, [](const Options& o) { return run_templates(o.global); }},
  };
  return k_commands;
}

/// ninja's `unknown tool 'x', did you mean 'y'?`: checked before CLI11 so the hint comes from the table.
bool report_unknown_command(int argc, char** argv)
{
  if (argc < 2 || argv[1][0] == '-') {
    return false;
  }
  const std::string word = argv[1];
  std::vector<std::string> names;
  for (const auto& command : commands()) {
    names.emplace_back(command.name);
  }
  if (std::find(names.begin(), names.end(), word) != names.end()) {
    return false;
  }
  const auto suggestion = generator::closest_match(word, names);
  std::cerr << fmt::format("amgen: unknown command '{}'{}\n", word,
                           suggestion.empty() ? fmt::format(" (commands: {})", fmt::join(names, ", "))
                                              : fmt::format(", did you mean '{}'?", suggestion));
  return true;
}

} // namespace

int run(int argc, char** argv)
{
  if (report_unknown_command(argc, argv)) {
    return static_cast<int>(ExitStatus::usage);
  }
  CLI::App app{"amgen: generates async Python microservice systems from a spec", "amgen"};
  app.set_version_flag("--version", std::string(k_version));
  app.require_subcommand(1);
  Options options;
  app.add_flag("--json", options.global.json, "Machine-readable output on stdout");
  app.add_flag("-q,--quiet", options.global.quiet, "Print only errors");
  app.add_option("--templates", options.global.templates_dir, "Template directory laid over the embedded one");
  const Command* chosen = nullptr;
  for (const auto& command : commands()) {
    auto* sub = app.add_subcommand(command.name, command.summary);
    sub->fallthrough();
    command.add_options(*sub, options);
    sub->callback([&chosen, &command] { chosen = &command; });
  }
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? 0 : static_cast<int>(ExitStatus::usage);
  }
  try {
    return static_cast<int>(chosen->handler(options));
  } catch (const Error& e) {
    std::cerr << "amgen: error: " << e.what() << "\n";
    return static_cast<int>(e.status());
  }
}

} // namespace amgen::cli
