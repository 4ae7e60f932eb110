// json_schema_errors: every error of the supported JSON Schema subset, each with its JSON pointer.
#include "llm/json_schema_check.hpp"

#include <doctest/doctest.h>

using nlohmann::json;
using amgen::llm::json_schema_errors;

namespace {

std::vector<std::string> errors_of(const json& schema, const json& value)
{
  std::vector<std::string> lines;
  for (const auto& error : json_schema_errors(schema, value)) {
    lines.push_back(amgen::llm::to_string(error));
  }
  return lines;
}

const json service_schema = json::parse(R"({
  "type": "object",
  "required": ["name", "services"],
  "additionalProperties": false,
  "properties": {
    "name": {"type": "string", "pattern": "^[a-z][a-z0-9-]*$", "maxLength": 12},
    "level": {"type": ["integer", "null"], "minimum": 1, "maximum": 4},
    "services": {"type": "array", "minItems": 1, "maxItems": 3, "uniqueItems": true,
                 "items": {"$ref": "#/$defs/service"}},
    "tags": {"type": "object", "additionalProperties": {"type": "string"}},
    "mode": {"const": "strict"},
    "a/b": {"type": "boolean"}
  },
  "$defs": {
    "service": {"type": "object", "required": ["type"],
                "properties": {"type": {"enum": ["api", "worker"]}, "port": {"type": "integer"}}}
  }
})");

} // namespace

TEST_CASE("llm: json_schema_check accepts a valid document")
{
  const auto valid = json::parse(R"({"name": "shop", "level": null, "services": [{"type": "api", "port": 80.0}],
                                     "tags": {"x": "y"}, "mode": "strict", "a/b": true})");
  CHECK(errors_of(service_schema, valid).empty());
}

TEST_CASE("llm: json_schema_check reports every error with its JSON pointer")
{
  const auto invalid = json::parse(R"({"name": "Shop_Name_Too_Long", "level": 9,
                                       "services": [{"type": "db"}, {"port": "80"}],
                                       "tags": {"x": 1}, "mode": "loose", "a/b": "yes", "extra": 1})");
  const auto errors = errors_of(service_schema, invalid);
  const std::vector<std::string> expected = {
    "/a~1b: expected boolean, got string",
    "/extra: property \"extra\" is not allowed",
    "/level: must be <= 4",
    "/mode: must be \"strict\"",
    "/name: must be at most 12 characters",
    "/name: \"Shop_Name_Too_Long\" does not match the pattern ^[a-z][a-z0-9-]*$",
    "/services/0/type: \"db\" is not one of [\"api\",\"worker\"]",
    "/services/1: missing required property \"type\"",
    "/services/1/port: expected integer, got string",
    "/tags/x: expected string, got integer",
  };
  CHECK(errors == expected);
}

TEST_CASE("llm: json_schema_check covers root errors, array bounds, anyOf and oneOf")
{
  CHECK(errors_of(service_schema, json::array()) == std::vector<std::string>{ "(root): expected object, got array" });
  CHECK(errors_of(service_schema, json::parse(R"({"name": "a", "services": []})")) ==
        std::vector<std::string>{ "/services: must have at least 1 items" });
  CHECK(errors_of(service_schema, json::parse(R"({"name": "a", "services": [{"type": "api"}, {"type": "api"}]})")) ==
        std::vector<std::string>{ "/services: items must be unique" });

  const auto any_of = json::parse(R"({"anyOf": [{"type": "string"}, {"type": "integer", "minimum": 10}]})");
  CHECK(errors_of(any_of, "x").empty());
  CHECK(errors_of(any_of, 3) == std::vector<std::string>{ "(root): matches none of the anyOf alternatives",
                                                          "(root): must be >= 10" });
  const auto one_of = json::parse(R"({"oneOf": [{"type": "integer"}, {"type": "number"}]})");
  CHECK(errors_of(one_of, 1.5).empty());
  CHECK(errors_of(one_of, 2) ==
        std::vector<std::string>{ "(root): matches 2 oneOf alternatives, expected exactly 1" });
  CHECK(errors_of(json::parse(R"({"$ref": "#/$defs/missing"})"), 1) ==
        std::vector<std::string>{ "(root): $ref #/$defs/missing does not resolve" });
}
