// The sandboxed verify command: exit codes, output tail, the timeout and the kill of its process group.
#include "support/temp_dir.hpp"
#include "workflow/child_process.hpp"

#include <csignal>
#include <doctest/doctest.h>

namespace amgen::workflow {

TEST_SUITE("workflow::child_process")
{
  TEST_CASE("workflow: the command runs in the directory and its exit code and output are kept")
  {
    test::TempDir dir;
    dir.write_tree({{"marker.txt", "here\n"}});
    const auto result = run_child("cat marker.txt; echo oops >&2; exit 3", dir.path(), {.timeout_s = 10});
    CHECK(result.exit_code == 3);
    CHECK_FALSE(result.timed_out);
    CHECK_FALSE(result.succeeded());
    CHECK(result.output_tail == "here\noops\n");
  }

  TEST_CASE("workflow: only the tail of long output is kept")
  {
    test::TempDir dir;
    const auto result = run_child("printf 'abcdefghij'", dir.path(), {.timeout_s = 10, .output_tail_bytes = 4});
    CHECK(result.succeeded());
    CHECK(result.output_tail == "ghij");
  }

  TEST_CASE("workflow: a command that sleeps past its timeout is killed")
  {
    test::TempDir dir;
    const auto result = run_child("echo started; sleep 30", dir.path(), {.timeout_s = 1});
    CHECK(result.timed_out);
    CHECK(result.signal == SIGTERM);
    CHECK(result.exit_code == -1);
    CHECK(result.output_tail == "started\n");
  }

  TEST_CASE("workflow: a command ignoring SIGTERM gets SIGKILL")
  {
    test::TempDir dir;
    const auto result = run_child("trap '' TERM; while true; do sleep 1; done", dir.path(), {.timeout_s = 1});
    CHECK(result.timed_out);
    CHECK(result.signal == SIGKILL);
  }

  TEST_CASE("workflow: the open-file limit applies to the command")
  {
    test::TempDir dir;
    const auto result = run_child("ulimit -n", dir.path(), {.timeout_s = 10, .open_files = 64});
    CHECK(result.output_tail == "64\n");
  }
}

} // namespace amgen::workflow
