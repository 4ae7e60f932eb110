// Golden tests: each tests/golden/<case>/amgen.yaml is rendered in memory and compared with
// <case>/view_model.json and <case>/tree/. Refresh on purpose with tests/golden/update.sh
// (AMGEN_UPDATE_GOLDEN=1); a mismatch prints a unified diff.
#include "generator/pipeline.hpp"
#include "support/temp_dir.hpp"

#include <cstdlib>
#include <doctest/doctest.h>
#include <filesystem>
#include <fstream>
#include <set>

using namespace amgen::generator;
using amgen::test::read_file;
using amgen::test::TempDir;
namespace fs = std::filesystem;

namespace {

/// The version written into goldens, so a version bump does not churn them.
constexpr const char* k_golden_version = "golden";

std::string unified_diff(const std::string& name, const std::string& expected, const std::string& actual)
{
  TempDir dir;
  std::ofstream(dir.path() / "expected", std::ios::binary) << expected;
  std::ofstream(dir.path() / "actual", std::ios::binary) << actual;
  const auto out = dir.path() / "diff";
  const auto command = "cd '" + dir.path().string() + "' && diff -u --label 'golden/" + name + "' --label 'rendered/"
                       + name + "' expected actual > diff";
  (void)std::system(command.c_str());
  return read_file(out);
}

std::map<std::string, std::string> read_tree(const fs::path& root)
{
  std::map<std::string, std::string> files;
  if (!fs::exists(root)) {
    return files;
  }
  for (const auto& entry : fs::recursive_directory_iterator(root)) {
    if (entry.is_regular_file()) {
      files[fs::relative(entry.path(), root).generic_string()] = read_file(entry.path());
    }
  }
  return files;
}

void write_golden(const fs::path& case_dir, const std::string& view_model, const std::vector<RenderedFile>& files)
{
  fs::remove_all(case_dir / "tree");
  std::ofstream(case_dir / "view_model.json", std::ios::binary) << view_model;
  for (const auto& file : files) {
    fs::create_directories((case_dir / "tree" / file.path).parent_path());
    std::ofstream(case_dir / "tree" / file.path, std::ios::binary) << file.content;
  }
}

void check_case(const fs::path& case_dir)
{
  const auto spec_text = read_file(case_dir / "amgen.yaml");
  const auto result = generate_project({"amgen.yaml", spec_text, std::nullopt, std::nullopt},
                                       TemplateStore::embedded(), k_golden_version);
  REQUIRE_MESSAGE(!result.diagnostics.has_errors(), "golden spec " << case_dir << " does not render");
  const auto view_model = result.view_model->dump(2) + "\n";
  if (std::getenv("AMGEN_UPDATE_GOLDEN")) {
    write_golden(case_dir, view_model, result.files);
    MESSAGE("refreshed " << case_dir.string());
    return;
  }
  const auto expected_view = fs::exists(case_dir / "view_model.json") ? read_file(case_dir / "view_model.json") : "";
  CHECK_MESSAGE(expected_view == view_model, unified_diff("view_model.json", expected_view, view_model));
  const auto expected = read_tree(case_dir / "tree");
  std::set<std::string> rendered_paths;
  for (const auto& file : result.files) {
    rendered_paths.insert(file.path);
    const auto it = expected.find(file.path);
    CHECK_MESSAGE(it != expected.end(), "rendered but not in the golden tree: " << file.path);
    if (it != expected.end()) {
      CHECK_MESSAGE(it->second == file.content, unified_diff(file.path, it->second, file.content));
    }
  }
  for (const auto& [path, content] : expected) {
    CHECK_MESSAGE(rendered_paths.contains(path), "in the golden tree but no longer rendered: " << path);
  }
}

} // namespace

TEST_SUITE("golden")
{
  TEST_CASE("every golden case renders exactly its recorded tree and view model")
  {
    const fs::path root = fs::path(AMGEN_SOURCE_DIR) / "tests/golden";
    std::size_t cases = 0;
    for (const auto& entry : fs::directory_iterator(root)) {
      if (fs::exists(entry.path() / "amgen.yaml")) {
        ++cases;
        INFO("golden case " << entry.path().filename().string());
        check_case(entry.path());
      }
    }
    CHECK(cases > 0);
  }
}
