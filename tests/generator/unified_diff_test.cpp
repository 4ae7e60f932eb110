// Tests of generator/unified_diff: the `diff -u` format amgen check prints.
#include "generator/unified_diff.hpp"

#include <doctest/doctest.h>

using amgen::generator::unified_diff;

TEST_SUITE("generator::unified_diff")
{
  TEST_CASE("equal texts have no diff")
  {
    CHECK(unified_diff("a\nb\n", "a\nb\n", "a/x", "b/x").empty());
  }

  TEST_CASE("a changed line gets a hunk with three lines of context on each side")
  {
    const std::string before = "1\n2\n3\n4\n5\n6\n7\n8\n9\n";
    const std::string after = "1\n2\n3\n4\nfive\n6\n7\n8\n9\n";
    CHECK(unified_diff(before, after, "a/x", "b/x") ==
          "--- a/x\n+++ b/x\n@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-5\n+five\n 6\n 7\n 8\n");
  }

  TEST_CASE("distant changes get separate hunks; additions at the start and a missing final newline are shown")
  {
    std::string before;
    for (int i = 1; i <= 20; ++i) {
      before += std::to_string(i) + "\n";
    }
    auto after = "0\n" + before;
    after.replace(after.find("15\n"), 3, "fifteen\n");
    after.pop_back();
    CHECK(unified_diff(before, after, "a/x", "b/x") == "--- a/x\n+++ b/x\n"
                                                       "@@ -1,3 +1,4 @@\n+0\n 1\n 2\n 3\n"
                                                       "@@ -12,9 +13,9 @@\n 12\n 13\n 14\n-15\n+fifteen\n 16\n 17\n"
                                                       " 18\n 19\n-20\n+20\n\\ No newline at end of file\n");
  }
}
