// Prompt templates: every shipped prompt renders into a system and a user part; errors name the template.
#include "support/temp_dir.hpp"
#include "util/error.hpp"
#include "workflow/prompts.hpp"

#include <doctest/doctest.h>

namespace amgen::workflow {

TEST_SUITE("workflow::prompts")
{
  TEST_CASE("workflow: every shipped prompt has a system and a user part")
  {
    const auto store = generator::TemplateStore::embedded();
    for (const auto* name : {"1-validate", "2-intake", "3-plan", "4-generate", "5-repair"}) {
      CAPTURE(name);
      const auto prompt = render_prompt(store, name, {{"idea", "An idea"}});
      CHECK_FALSE(prompt.system.empty());
      CHECK_FALSE(prompt.user.empty());
      CHECK(prompt.system.find("{{") == std::string::npos);
    }
  }

  TEST_CASE("workflow: prompts print values unescaped and drop standalone section lines")
  {
    test::TempDir dir;
    dir.write_tree({{"prompts/t.md.mustache", "Rules:\n{{#rules}}\n- {{.}}\n{{/rules}}\n=== user ===\n{{idea}}\n"}});
    const auto store = generator::TemplateStore::with_override(dir.path().string());
    const auto prompt = render_prompt(store, "t", {{"rules", {"a < b", "c"}}, {"idea", "x & y"}});
    CHECK(prompt.system == "Rules:\n- a < b\n- c\n");
    CHECK(prompt.user == "x & y\n");
  }

  TEST_CASE("workflow: a broken or missing prompt template is an error naming it")
  {
    test::TempDir dir;
    dir.write_tree({{"prompts/bad.md.mustache", "line\n  {{#open}}\n"}, {"prompts/flat.md.mustache", "no marker\n"}});
    const auto store = generator::TemplateStore::with_override(dir.path().string());
    const auto root = dir.path().string();
    const auto bad_position = root + "/prompts/bad.md.mustache:2:";
    CHECK_THROWS_WITH_AS(render_prompt(store, "bad", {}), doctest::Contains(bad_position.c_str()), amgen::Error);
    CHECK_THROWS_WITH_AS(render_prompt(store, "flat", {}),
                         (root + "/prompts/flat.md.mustache: the prompt has no '=== user ===' line").c_str(),
                         amgen::Error);
    CHECK_THROWS_WITH_AS(render_prompt(store, "none", {}),
                         "templates/prompts/none.md.mustache: missing prompt template", amgen::Error);
  }
}

} // namespace amgen::workflow
