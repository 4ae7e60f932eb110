// Runs a verification command as a sandboxed child: `/bin/sh -c` in its own process group, with CPU,
// address-space and open-file limits, a wall-clock timeout (SIGTERM, then SIGKILL) and the output's tail.
#pragma once

#include <filesystem>
#include <string>

namespace amgen::workflow {

struct ChildLimits
{
  int timeout_s = 1800;
  long address_space_mib = 8192;
  long open_files = 1024;
  std::size_t output_tail_bytes = 16384; ///< Combined stdout and stderr, the last bytes kept.
};

struct ChildResult
{
  int exit_code = -1;       ///< The exit status, or -1 when a signal ended the command.
  int signal = 0;           ///< The signal that ended it, if any.
  bool timed_out = false;   ///< The timeout hit and the process group was killed.
  std::string output_tail;  ///< The last `output_tail_bytes` of stdout and stderr, interleaved.

  [[nodiscard]] bool succeeded() const { return exit_code == 0 && !timed_out; }
};

/// Runs `command` in `directory` and waits for it (and at most the timeout). Throws amgen::Error when the
/// process cannot be started.
[[nodiscard]] ChildResult run_child(const std::string& command, const std::filesystem::path& directory,
                                    const ChildLimits& limits);

} // namespace amgen::workflow
