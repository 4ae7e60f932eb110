// The process exit codes of amgen: one enum, one place.
#pragma once

namespace amgen {

enum class ExitStatus : int {
  ok = 0,
  user_error = 1,          // bad spec, bad template override, non-empty target
  usage = 2,               // bad command line
  clarification_needed = 3,
  verification_failed = 4,
  llm_or_network = 5,
  budget_exceeded = 6,     // --max-tokens / --max-cost would be crossed; work so far is kept
  approval_needed = 7,     // the plan waits for approval: re-run with --yes (or --resume --yes)
};

} // namespace amgen
