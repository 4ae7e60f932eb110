// Tests of generator/writer: all-or-nothing writes, forced writes, stale temporaries.
#include "generator/writer.hpp"
#include "support/temp_dir.hpp"
#include "util/error.hpp"

#include "util/sha256.hpp"

#include <doctest/doctest.h>
#include <nlohmann/json.hpp>
#include <filesystem>
#include <unistd.h>

using namespace amgen::generator;
using amgen::test::read_file;
using amgen::test::TempDir;
namespace fs = std::filesystem;

namespace {

std::vector<std::string> entries(const fs::path& directory)
{
  std::vector<std::string> out;
  for (const auto& entry : fs::directory_iterator(directory)) {
    out.push_back(entry.path().filename().string());
  }
  std::sort(out.begin(), out.end());
  return out;
}

} // namespace

TEST_SUITE("generator::writer")
{
  TEST_CASE("a new project appears complete, with no temporary directory left")
  {
    TempDir dir;
    const auto target = (dir.path() / "demo").string();
    commit_plan(plan_files({{"a/b.py", "b\n", Owner::template_owned}, {"run.sh", "echo\n", Owner::template_owned}},
                           target));
    CHECK(read_file(fs::path(target) / "a/b.py") == "b\n");
    CHECK((fs::status(fs::path(target) / "run.sh").permissions() & fs::perms::owner_exec) != fs::perms::none);
    CHECK(entries(dir.path()) == std::vector<std::string>{"demo"});
  }

  TEST_CASE("writing into the working directory as '.' swaps it beside itself and follows the new directory")
  {
    TempDir dir;
    dir.write_tree({{"demo/notes.md", "mine\n"}});
    const auto project = dir.path() / "demo";
    const auto previous = fs::current_path();
    fs::current_path(project);
    try {
      commit_plan(plan_files({{"src/app.py", "app\n", Owner::template_owned}}, "."));
      commit_plan(plan_files({{"src/app.py", "app 2\n", Owner::template_owned}}, "./"));
      CHECK(read_file("src/app.py") == "app 2\n");
      CHECK(read_file("notes.md") == "mine\n");
      CHECK(fs::equivalent(fs::current_path(), project));
    } catch (...) {
      fs::current_path(previous);
      throw;
    }
    fs::current_path(previous);
    CHECK(entries(dir.path()) == std::vector<std::string>{"demo"});
  }

  TEST_CASE("a failed write leaves neither the target nor a temporary directory")
  {
    TempDir dir;
    const auto target = (dir.path() / "demo").string();
    // "a" is a file, so "a/b.py" cannot be created: the write fails half-way.
    const auto plan = plan_files({{"a", "file\n", Owner::template_owned}, {"a/b.py", "b\n", Owner::template_owned}},
                                 target);
    CHECK_THROWS_AS(commit_plan(plan), amgen::Error);
    CHECK(entries(dir.path()).empty());
  }

  TEST_CASE("a forced write replaces template files, keeps user files and unrelated files")
  {
    TempDir dir;
    dir.write_tree({{"demo/gen.py", "old\n"}, {"demo/rules.py", "mine\n"}, {"demo/notes.txt", "keep\n"}});
    const auto target = (dir.path() / "demo").string();
    const auto plan = plan_files({{"gen.py", "new\n", Owner::template_owned}, {"rules.py", "template\n", Owner::user}},
                                 target);
    CHECK(plan.files[0].action == Action::overwrite);
    CHECK(plan.files[1].action == Action::keep_user);
    commit_plan(plan);
    CHECK(read_file(dir.path() / "demo/gen.py") == "new\n");
    CHECK(read_file(dir.path() / "demo/rules.py") == "mine\n");
    CHECK(read_file(dir.path() / "demo/notes.txt") == "keep\n");
    CHECK(entries(dir.path()) == std::vector<std::string>{"demo"});
  }

  TEST_CASE("a forced write removes recorded template files it no longer renders, unless they were edited")
  {
    TempDir dir;
    const auto target = (dir.path() / "demo").string();
    const auto record = [](const std::vector<std::pair<std::string, std::string>>& files) {
      nlohmann::json entries = nlohmann::json::array();
      for (const auto& [path, content] : files) {
        entries.push_back({{"path", path}, {"owner", "template"}, {"sha256", amgen::util::sha256_hex(content)}});
      }
      return nlohmann::json{{"files", entries}}.dump();
    };
    commit_plan(plan_files({{"keep.py", "k\n", Owner::template_owned},
                            {"gateway/nginx.conf", "n\n", Owner::template_owned},
                            {"gateway/edited.conf", "e\n", Owner::template_owned},
                            {".amgen/project.json",
                             record({{"keep.py", "k\n"}, {"gateway/nginx.conf", "n\n"}, {"gateway/edited.conf", "e\n"}}),
                             Owner::template_owned}},
                           target));
    dir.write_tree({{"demo/gateway/edited.conf", "mine\n"}});

    const auto plan = plan_files({{"keep.py", "k\n", Owner::template_owned},
                                  {".amgen/project.json", record({{"keep.py", "k\n"}}), Owner::template_owned}},
                                 target);
    REQUIRE(plan.files.size() == 4);
    CHECK(plan.files[2].path == "gateway/nginx.conf");
    CHECK(plan.files[2].action == Action::remove);
    CHECK(plan.files[3].path == "gateway/edited.conf");
    CHECK(plan.files[3].action == Action::keep_user);
    CHECK(plan.files[3].reason == "no longer generated; kept because it was edited");
    commit_plan(plan);
    CHECK_FALSE(fs::exists(dir.path() / "demo/gateway/nginx.conf"));
    CHECK(read_file(dir.path() / "demo/gateway/edited.conf") == "mine\n");
    CHECK(read_file(dir.path() / "demo/keep.py") == "k\n");
  }

  TEST_CASE("identical files are planned as unchanged")
  {
    TempDir dir;
    dir.write_tree({{"demo/same.py", "x\n"}});
    const auto plan = plan_files({{"same.py", "x\n", Owner::template_owned}}, (dir.path() / "demo").string());
    CHECK(plan.files[0].action == Action::unchanged);
  }

  TEST_CASE("a temporary directory left by a killed writer is removed by the next write")
  {
    TempDir dir;
    const auto target = (dir.path() / "demo").string();
    // pid 0x3fffffff is above Linux's pid_max, so no such process exists.
    fs::create_directories(dir.path() / (temporary_prefix(target) + "1073741823-abcdef") / "half");
    commit_plan(plan_files({{"x.py", "x\n", Owner::template_owned}}, target));
    CHECK(entries(dir.path()) == std::vector<std::string>{"demo"});
  }

  TEST_CASE("temporaries of killed writers for other targets in the directory are removed too, live ones kept")
  {
    TempDir dir;
    const auto other = (dir.path() / "other").string();
    fs::create_directories(dir.path() / (temporary_prefix(other) + "1073741823-abcdef") / "half");
    fs::create_directories(dir.path() / (temporary_prefix(other) + "1073741823-ghijkl-previous"));
    const auto live = temporary_prefix(other) + std::to_string(::getpid()) + "-mnopqr";
    fs::create_directories(dir.path() / live);
    commit_plan(plan_files({{"x.py", "x\n", Owner::template_owned}}, (dir.path() / "demo").string()));
    CHECK(entries(dir.path()) == std::vector<std::string>{live, "demo"});
  }
}
