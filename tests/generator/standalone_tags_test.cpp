// Tests of generator/standalone_tags and of the renderer's spec-conformant standalone lines.
#include "generator/standalone_tags.hpp"

#include <doctest/doctest.h>
#include <kainjow/mustache.hpp>

using amgen::generator::strip_standalone_tags;
namespace mustache = kainjow::mustache;

namespace {

std::string render(const std::string& text)
{
  mustache::mustache view(strip_standalone_tags(text).text);
  mustache::data data{mustache::data::type::object};
  data.set("t", true);
  data.set("f", false);
  mustache::data items{mustache::data::type::list};
  items.push_back(mustache::data{mustache::data::type::object});
  items.push_back(mustache::data{mustache::data::type::object});
  data.set("items", items);
  auto out = view.render(data);
  amgen::generator::remove_standalone_markers(out);
  return out;
}

} // namespace

TEST_SUITE("generator::standalone_tags")
{
  TEST_CASE("standalone tag lines lose their indentation and newline and get a marker")
  {
    CHECK(strip_standalone_tags("a\n  {{#x}}\nyes\n  {{/x}}\nb\n{{! note }}\nc\n").text
          == "a\n{{#x}}\x01yes\n{{/x}}\x01" "b\n{{! note }}\x01" "c\n");
  }

  TEST_CASE("a tag sharing its line with text stays as it is")
  {
    CHECK(strip_standalone_tags("a {{#x}}b{{/x}}\n").text == "a {{#x}}b{{/x}}\n");
  }

  TEST_CASE("offsets map back to the original text")
  {
    const auto stripped = strip_standalone_tags("a\n  {{/x}}\nb");
    REQUIRE(stripped.text == "a\n{{/x}}\x01" "b");
    CHECK(stripped.source_offset[2] == 4);
    CHECK(stripped.source_offset[9] == 11);
  }

  TEST_CASE("skipped and rendered standalone sections leave no blank lines")
  {
    CHECK(render("a\n{{#t}}\nyes\n{{/t}}\nb\n") == "a\nyes\nb\n");
    CHECK(render("a\n{{#f}}\nyes\n{{/f}}\nb\n") == "a\nb\n");
    CHECK(render("a\n{{^t}}\nno\n{{/t}}\nb\n") == "a\nb\n");
    CHECK(render("a\n{{#items}}\n{{#t}}\nx\n{{/t}}\n{{#f}}\ny\n{{/f}}\n{{/items}}\nb\n") == "a\nx\nx\nb\n");
    CHECK(render("a\n{{#f}}\n\nyes\n{{/f}}\n\nb\n") == "a\n\nb\n");
    CHECK(render("a\n{{! comment }}\nb\n") == "a\nb\n");
    CHECK(render("{{#items}}\n{{#t}}\nx\n{{/t}}\n{{/items}}\n\nafter\n") == "x\nx\n\nafter\n");
  }
}
