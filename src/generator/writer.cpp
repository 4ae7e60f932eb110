// Writer: temp dir beside the target, filled, then swapped in with one rename (RENAME_EXCHANGE when
// the target exists), so a reader never sees a half-written project.
#include "generator/writer.hpp"

#include "util/error.hpp"

#include <cerrno>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <fmt/format.h>
#include <fstream>
#include <string_view>
#include <sys/syscall.h>
#include <unistd.h>

namespace amgen::generator {

namespace fs = std::filesystem;

namespace {

fs::path parent_of(const fs::path& target)
{
  const auto parent = target.parent_path();
  return parent.empty() ? fs::path(".") : parent;
}

std::string target_name(const fs::path& target)
{
  auto name = target.filename().string();
  return name.empty() ? target.parent_path().filename().string() : name;
}

bool is_process_alive(long pid)
{
  return ::kill(static_cast<pid_t>(pid), 0) == 0 || errno == EPERM;
}

/// Removes the temporary directories (and their "-previous" backups) that runs killed mid-write left beside the
/// target, for any target in the same directory: their owning process no longer exists.
void remove_stale_temporaries(const fs::path& target)
{
  constexpr std::string_view marker = ".amgen-tmp-";
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(parent_of(target), ec)) {
    const auto name = entry.path().filename().string();
    const auto at = name.rfind(marker);
    if (!name.starts_with('.') || at == std::string::npos) {
      continue;
    }
    const auto rest = name.substr(at + marker.size());
    const long pid = std::strtol(rest.c_str(), nullptr, 10);
    if (pid > 0 && !is_process_alive(pid)) {
      fs::remove_all(entry.path(), ec);
    }
  }
}

fs::path make_temporary(const fs::path& target)
{
  auto pattern = (parent_of(target) / fmt::format("{}{}-XXXXXX", temporary_prefix(target.string()), ::getpid()))
                   .string();
  std::vector<char> buffer(pattern.begin(), pattern.end());
  buffer.push_back('\0');
  if (!::mkdtemp(buffer.data())) {
    throw Error(fmt::format("cannot create a temporary directory beside '{}': {}", target.string(),
                            std::strerror(errno)));
  }
  return fs::path(buffer.data());
}

void write_file(const fs::path& path, const std::string& content)
{
  fs::create_directories(path.parent_path());
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out.write(content.data(), static_cast<std::streamsize>(content.size()));
  out.close();
  if (!out) {
    throw Error(fmt::format("cannot write '{}'", path.string()));
  }
  if (path.extension() == ".sh") {
    fs::permissions(path, fs::perms::owner_exec | fs::perms::group_exec | fs::perms::others_exec,
                    fs::perm_options::add);
  }
}

/// Removes `root/relative` and then each parent directory it leaves empty, up to (not including) `root`.
void remove_file_and_empty_parents(const fs::path& root, const std::string& relative)
{
  auto path = root / relative;
  fs::remove(path);
  for (path = path.parent_path(); path != root && fs::is_empty(path); path = path.parent_path()) {
    fs::remove(path);
  }
}

/// Swaps two existing paths atomically; false when the kernel or file system cannot.
bool exchange_paths(const fs::path& a, const fs::path& b)
{
#ifdef SYS_renameat2
  constexpr unsigned k_rename_exchange = 1U << 1U;
  return ::syscall(SYS_renameat2, AT_FDCWD, a.c_str(), AT_FDCWD, b.c_str(), k_rename_exchange) == 0;
#else
  (void)a;
  (void)b;
  return false;
#endif
}

void swap_into_place(const fs::path& temporary, const fs::path& target, bool target_exists)
{
  if (!target_exists) {
    fs::rename(temporary, target);
    return;
  }
  if (exchange_paths(temporary, target)) {
    fs::remove_all(temporary); // now holds the previous tree
    return;
  }
  const auto backup = fs::path(temporary.string() + "-previous");
  fs::rename(target, backup);
  fs::rename(temporary, target);
  fs::remove_all(backup);
}

} // namespace

std::string temporary_prefix(const std::string& target)
{
  return fmt::format(".{}.amgen-tmp-", target_name(fs::path(target)));
}

void commit_plan(const Plan& plan)
{
  // Absolute, so that `.` or `dir/` still has a parent to put the temporary directory in.
  auto target = fs::absolute(plan.target).lexically_normal();
  if (!target.has_filename()) {
    target = target.parent_path();
  }
  const bool replaces_working_directory = fs::exists(target) && fs::equivalent(target, fs::current_path());
  std::error_code ec;
  fs::create_directories(parent_of(target), ec);
  if (ec) {
    throw Error(fmt::format("cannot create '{}': {}", parent_of(target).string(), ec.message()));
  }
  remove_stale_temporaries(target);
  const auto temporary = make_temporary(target);
  try {
    // mkdtemp makes the directory private; the project gets the usual permissions.
    fs::permissions(temporary, fs::perms::owner_all | fs::perms::group_read | fs::perms::group_exec
                                 | fs::perms::others_read | fs::perms::others_exec);
    const bool target_exists = fs::exists(target);
    if (target_exists) {
      fs::copy(target, temporary, fs::copy_options::recursive | fs::copy_options::copy_symlinks);
    }
    for (const auto& file : plan.files) {
      if (file.action == Action::create || file.action == Action::overwrite) {
        write_file(temporary / file.path, file.content);
      } else if (file.action == Action::remove) {
        remove_file_and_empty_parents(temporary, file.path);
      }
    }
    swap_into_place(temporary, target, target_exists);
    if (replaces_working_directory) {
      // The old directory is gone; later relative paths of this process must reach the new one.
      fs::current_path(target);
    }
  } catch (const fs::filesystem_error& e) {
    fs::remove_all(temporary, ec);
    throw Error(fmt::format("cannot write the project: {}", e.what()));
  } catch (...) {
    fs::remove_all(temporary, ec);
    throw;
  }
}

} // namespace amgen::generator
