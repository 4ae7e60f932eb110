// Tests of generator/drift: what amgen check compares and what it leaves alone.
#include "generator/drift.hpp"

#include <doctest/doctest.h>
#include <map>

using namespace amgen::generator;

namespace {

FileReader reader(const std::map<std::string, std::string>& disk)
{
  return [disk](const std::string& path) -> std::optional<std::string> {
    const auto it = disk.find(path);
    return it == disk.end() ? std::nullopt : std::optional<std::string>(it->second);
  };
}

} // namespace

TEST_SUITE("generator::drift")
{
  TEST_CASE("template-owned files are compared; user- and model-owned ones and the record are not")
  {
    const std::vector<RenderedFile> rendered = {{".amgen/project.json", "{}\n", Owner::template_owned},
                                                {"Makefile", "all:\n", Owner::template_owned},
                                                {"README.md", "# x\n", Owner::template_owned},
                                                {"src/rules.py", "rule = 1\n", Owner::model},
                                                {"notes.md", "mine\n", Owner::user}};
    const auto report = compare_with_render(rendered, {"Makefile", "README.md", "old.py"},
                                            reader({{".amgen/project.json", "{\"edited\": 1}\n"},
                                                    {"Makefile", "all:\n\techo hi\n"},
                                                    {"src/rules.py", "rule = 2\n"},
                                                    {"old.py", "x\n"}}));
    REQUIRE(report.drifted.size() == 1);
    CHECK(report.drifted[0].path == "Makefile");
    CHECK(report.drifted[0].diff == "--- a/Makefile\n+++ b/Makefile\n@@ -1 +1,2 @@\n all:\n+\techo hi\n");
    CHECK(report.missing == std::vector<std::string>{"README.md"});
    CHECK(report.extra == std::vector<std::string>{"old.py"});
    CHECK(report.skipped == std::vector<std::string>{"src/rules.py", "notes.md"});
    CHECK_FALSE(report.clean());
  }

  TEST_CASE("a project identical to its render is clean")
  {
    const std::vector<RenderedFile> rendered = {{"Makefile", "all:\n", Owner::template_owned}};
    CHECK(compare_with_render(rendered, {"Makefile"}, reader({{"Makefile", "all:\n"}})).clean());
  }
}
