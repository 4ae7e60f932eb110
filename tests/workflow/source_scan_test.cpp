// Requirement places and unfinished-work markers in a generated tree.
#include "support/temp_dir.hpp"
#include "workflow/source_scan.hpp"

#include <doctest/doctest.h>

namespace amgen::workflow {

TEST_SUITE("workflow::source_scan")
{
  TEST_CASE("workflow: requirement ids are found as whole words in services' src and tests only")
  {
    test::TempDir dir;
    dir.write_tree({{"services/a/src/x.py", "# Implements: FR-001, FR-0020\n"},
                    {"services/a/tests/test_x.py", "\n# FR-002\n"},
                    {"services/a/README.md", "FR-003\n"},
                    {"services/a/src/.venv/lib.py", "FR-003\n"},
                    {"docs/FR.md", "FR-003\n"}});
    const auto places = requirement_places(dir.path(), {"FR-001", "FR-002", "FR-003"});
    CHECK(places.at("FR-001") == std::vector<std::string>{"services/a/src/x.py:1"});
    CHECK(places.at("FR-002") == std::vector<std::string>{"services/a/tests/test_x.py:2"});
    CHECK(places.at("FR-003").empty());
  }

  TEST_CASE("workflow: markers under services/ are listed with their line")
  {
    test::TempDir dir;
    dir.write_tree({{"services/a/src/x.py", "ok = 1\n# FIXME later\nTODOS = 2\n"},
                    {"services/a/README.md", "XXX\n"},
                    {"docs/notes.md", "TODO\n"}});
    CHECK(unfinished_markers(dir.path())
          == std::vector<std::string>{"services/a/README.md:1: XXX", "services/a/src/x.py:2: # FIXME later"});
  }
}

} // namespace amgen::workflow
