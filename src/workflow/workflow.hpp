// `amgen generate`: the seven-stage AI workflow (0 context, 1 validate the idea, 2 intake, 3 plan,
// 4 generate, 5 verify, 6 QA report) as one function over a model, a console and an output directory.
#pragma once

#include "generator/template_store.hpp"
#include "llm/chat.hpp"
#include "util/exit_status.hpp"
#include "workflow/budget.hpp"

#include <functional>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

namespace amgen::workflow {

/// What `amgen generate` was asked to do; filled by src/cli.
struct Options
{
  std::string idea;          ///< The idea as text (or empty when `idea_file` or a resumed run supplies it).
  std::string idea_file;     ///< A file holding the idea.
  std::string answers_file;  ///< Answers to the last clarification round (JSON or YAML).
  std::string out_dir;       ///< The project directory; the workflow keeps its state in `<out>/.amgen/workflow/`.
  bool resume = false;       ///< Continue the run recorded in `out_dir`; stages marked done are skipped.
  int until_stage = 6;       ///< Stop after this stage (0-6).
  bool yes = false;          ///< Approve the plan without asking.
  long max_tokens = 0;       ///< Stop before a call would cross this many tokens in total; 0: no limit.
  double max_cost = 0;       ///< Stop before a call would cross this cost in USD; 0: no limit.
  /// Prepares the project's environment once before the checks (empty: nothing). Its failure is an
  /// environment failure: reported (exit 4), never sent to the model.
  std::string install_command = "make install";
  std::string verify_command = "make check";
  int verify_timeout_s = 1800;
  int concurrency = 4;       ///< Stage-4 model calls in flight at once.
  bool interactive = true;   ///< Ask on the console when it is a TTY (false: never ask, as with --json).
  /// The current UTC time as ISO 8601, for the state's timestamps; empty function: no timestamps.
  std::function<std::string()> now;
};

/// Where the workflow talks to the person running it. The CLI implements it over stdin/stdout.
class Console
{
public:
  virtual ~Console() = default;
  /// A progress line (stderr in --json mode).
  virtual void info(const std::string& line) = 0;
  [[nodiscard]] virtual bool is_tty() = 0;
  /// Asks one question; an empty reply means `default_answer`.
  [[nodiscard]] virtual std::string ask(const std::string& question, const std::string& default_answer) = 0;
  [[nodiscard]] virtual bool confirm(const std::string& question) = 0;
};

/// How a run ended: the exit status and what `--json` prints.
struct Outcome
{
  ExitStatus status = ExitStatus::ok;
  nlohmann::json summary;
};

/// Runs (or resumes) the workflow. Returns ok, clarification_needed (3), verification_failed (4),
/// budget_exceeded (6) or approval_needed (7) with the state saved; throws amgen::Error for input
/// errors (1) and llm::LlmError for model failures (5), also after saving the state.
[[nodiscard]] Outcome run(const Options& options, llm::Chat& chat, const generator::TemplateStore& store,
                          const Pricing& pricing, Console& console);

} // namespace amgen::workflow
