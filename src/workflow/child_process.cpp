// Child processes for stage 5: fork/exec with limits, a poll loop reading the output, group kill on timeout.
#include "workflow/child_process.hpp"

#include "util/error.hpp"

#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <fmt/format.h>
#include <optional>
#include <poll.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

namespace amgen::workflow {
namespace {

using Clock = std::chrono::steady_clock;
constexpr int k_poll_ms = 50;
constexpr auto k_grace = std::chrono::seconds(2);

void set_limit(int resource, rlim_t value)
{
  const rlimit limit{value, value};
  ::setrlimit(resource, &limit);
}

/// In the child: never returns.
[[noreturn]] void exec_command(const std::string& command, const std::filesystem::path& directory,
                               const ChildLimits& limits, int output_fd)
{
  ::setpgid(0, 0);
  ::dup2(output_fd, STDOUT_FILENO);
  ::dup2(output_fd, STDERR_FILENO);
  ::close(output_fd);
  const int null_fd = ::open("/dev/null", O_RDONLY);
  if (null_fd >= 0) {
    ::dup2(null_fd, STDIN_FILENO);
    ::close(null_fd);
  }
  // CPU seconds: generous against the wall-clock timeout, which is the real bound.
  set_limit(RLIMIT_CPU, static_cast<rlim_t>(limits.timeout_s) * 4 + 10);
  set_limit(RLIMIT_AS, static_cast<rlim_t>(limits.address_space_mib) * 1024 * 1024);
  set_limit(RLIMIT_NOFILE, static_cast<rlim_t>(limits.open_files));
  if (::chdir(directory.c_str()) != 0) {
    const auto message = fmt::format("cannot enter '{}': {}\n", directory.string(), std::strerror(errno));
    (void)!::write(STDERR_FILENO, message.data(), message.size());
    ::_exit(127);
  }
  ::execl("/bin/sh", "sh", "-c", command.c_str(), static_cast<char*>(nullptr));
  ::_exit(127);
}

void keep_tail(std::string& tail, const char* data, std::size_t size, std::size_t limit)
{
  tail.append(data, size);
  if (tail.size() > limit) {
    tail.erase(0, tail.size() - limit);
  }
}

/// Reads what is available without blocking; false at end of file.
bool drain(int fd, std::string& tail, std::size_t limit)
{
  char buffer[8192];
  while (true) {
    const auto n = ::read(fd, buffer, sizeof buffer);
    if (n > 0) {
      keep_tail(tail, buffer, static_cast<std::size_t>(n), limit);
      continue;
    }
    return n < 0 && (errno == EAGAIN || errno == EINTR);
  }
}

void record_status(ChildResult& result, int status)
{
  if (WIFEXITED(status)) {
    result.exit_code = WEXITSTATUS(status);
  } else if (WIFSIGNALED(status)) {
    result.signal = WTERMSIG(status);
  }
}

} // namespace

ChildResult run_child(const std::string& command, const std::filesystem::path& directory, const ChildLimits& limits)
{
  int fds[2];
  if (::pipe2(fds, O_CLOEXEC) != 0) {
    throw Error(fmt::format("cannot run '{}': {}", command, std::strerror(errno)));
  }
  const pid_t pid = ::fork();
  if (pid < 0) {
    ::close(fds[0]);
    ::close(fds[1]);
    throw Error(fmt::format("cannot run '{}': {}", command, std::strerror(errno)));
  }
  if (pid == 0) {
    ::close(fds[0]);
    exec_command(command, directory, limits, fds[1]);
  }
  ::setpgid(pid, pid); // also here, so the group exists before any kill below
  ::close(fds[1]);
  ::fcntl(fds[0], F_SETFL, O_NONBLOCK);

  ChildResult result;
  const auto deadline = Clock::now() + std::chrono::seconds(limits.timeout_s);
  std::optional<Clock::time_point> kill_at;
  bool is_open = true;
  while (true) {
    int status = 0;
    if (::waitpid(pid, &status, WNOHANG) == pid) {
      record_status(result, status);
      break;
    }
    const auto now = Clock::now();
    if (!result.timed_out && now >= deadline) {
      result.timed_out = true;
      ::kill(-pid, SIGTERM);
      kill_at = now + k_grace;
    } else if (kill_at && now >= *kill_at) {
      ::kill(-pid, SIGKILL);
      kill_at.reset();
    }
    if (is_open) {
      pollfd watched{fds[0], POLLIN, 0};
      ::poll(&watched, 1, k_poll_ms);
      is_open = drain(fds[0], result.output_tail, limits.output_tail_bytes);
    } else {
      ::poll(nullptr, 0, k_poll_ms);
    }
  }
  // Whatever the command left running in its group goes with it.
  ::kill(-pid, SIGKILL);
  (void)drain(fds[0], result.output_tail, limits.output_tail_bytes);
  ::close(fds[0]);
  if (result.timed_out) {
    result.exit_code = -1;
  }
  return result;
}

} // namespace amgen::workflow
