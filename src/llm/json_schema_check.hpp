// A validator for the JSON Schema subset amgen's prompts use: type (or a list of types), properties,
// required, additionalProperties (false or a schema), items, enum, const, minimum/maximum (and the
// exclusive forms), minLength/maxLength, minItems/maxItems, uniqueItems, pattern, oneOf/anyOf/allOf and
// $ref to "#/..." inside the same schema. Other keywords are ignored. Every error is reported.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace amgen::llm {

struct SchemaError
{
  std::string pointer; ///< JSON pointer of the offending value; "" is the document itself
  std::string message;
};

[[nodiscard]] std::vector<SchemaError> json_schema_errors(const nlohmann::json& schema, const nlohmann::json& value);

/// "/services/0/type: must be one of ..." (the pointer shown as "(root)" when empty).
[[nodiscard]] std::string to_string(const SchemaError& error);

} // namespace amgen::llm
