// `amgen generate`: resolves the LLM client's settings, then runs the seven-stage workflow with a console
// over the terminal (progress on stderr with --json, whose stdout is the run's summary).
#include "cli/commands.hpp"
#include "cli/output.hpp"
#include "cli/terminal.hpp"
#include "llm/client.hpp"
#include "llm/config.hpp"
#include "workflow/workflow.hpp"

#include <chrono>
#include <ctime>
#include <filesystem>
#include <fmt/format.h>
#include <iostream>
#include <nlohmann/json.hpp>

namespace amgen::cli {
namespace {

class TerminalConsole : public workflow::Console
{
public:
  TerminalConsole(bool json, bool quiet)
    : m_terminal(std::cin, json ? std::cerr : std::cout),
      m_progress(json ? std::cerr : std::cout),
      m_interactive(!json && Terminal::stdio_is_interactive()),
      m_quiet(quiet)
  {
  }

  void info(const std::string& line) override
  {
    if (!m_quiet) {
      m_progress << line << "\n" << std::flush;
    }
  }
  bool is_tty() override { return m_interactive; }
  std::string ask(const std::string& question, const std::string& default_answer) override
  {
    return m_terminal.ask(question, default_answer);
  }
  bool confirm(const std::string& question) override { return m_terminal.confirm(question, false); }

private:
  Terminal m_terminal;
  std::ostream& m_progress;
  bool m_interactive;
  bool m_quiet;
};

llm::ConfigOverrides overrides_from(const GenerateOptions& options)
{
  llm::ConfigOverrides flags;
  flags.provider = options.provider;
  flags.base_url = options.base_url;
  flags.model = options.model;
  flags.total_timeout_s = options.timeout_s;
  flags.max_retries = options.retries;
  flags.concurrency = options.concurrency;
  flags.cache_dir = options.cache_dir;
  flags.record_file = options.record_file;
  flags.replay_file = options.replay_file;
  if (options.no_cache) {
    flags.no_cache = true;
  }
  return flags;
}

std::string utc_now()
{
  const auto now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm utc{};
  gmtime_r(&now, &utc);
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%dT%H:%M:%SZ", &utc);
  return text;
}

workflow::Options workflow_options(const GlobalOptions& global, const GenerateOptions& options, int concurrency)
{
  workflow::Options out;
  out.concurrency = concurrency;
  out.idea = options.idea;
  out.idea_file = options.idea_file;
  out.answers_file = options.answers_file;
  out.out_dir = options.out_dir;
  out.resume = options.resume;
  out.until_stage = options.until_stage;
  out.yes = options.yes;
  out.max_tokens = options.max_tokens;
  out.max_cost = options.max_cost;
  out.install_command = options.install_command;
  out.verify_command = options.verify_command;
  out.verify_timeout_s = options.verify_timeout_s;
  out.interactive = !global.json;
  out.now = utc_now;
  return out;
}

} // namespace

ExitStatus run_generate(const GlobalOptions& global, const GenerateOptions& options)
{
  const auto config_path = llm::config_file_path(llm::process_env);
  std::string config_text;
  if (!config_path.empty() && std::filesystem::is_regular_file(config_path)) {
    config_text = read_text_file(config_path);
  }
  const auto config = llm::resolve_config(overrides_from(options), llm::process_env, config_text);
  llm::ClientHooks hooks;
  if (!global.quiet) {
    hooks.log = [](std::string_view line) { std::cerr << "llm: " << line << "\n"; };
  }
  llm::Client client(config, std::move(hooks));
  TerminalConsole console(global.json, global.quiet);
  const auto store = template_store(global);
  const auto outcome = workflow::run(workflow_options(global, options, config.concurrency), client, store,
                                     llm::pricing_of(config), console);
  if (global.json) {
    std::cout << outcome.summary.dump(2) << "\n";
  }
  return outcome.status;
}

} // namespace amgen::cli
