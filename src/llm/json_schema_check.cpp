// json_schema_errors: a recursive walk of schema and value together, collecting errors with pointers.
#include "llm/json_schema_check.hpp"

#include <algorithm>
#include <regex>
#include <set>

namespace amgen::llm {

using nlohmann::json;

namespace {

std::string escape_token(const std::string& token)
{
  std::string escaped;
  for (char c : token) {
    escaped += c == '~' ? "~0" : c == '/' ? "~1" : std::string(1, c);
  }
  return escaped;
}

std::string type_of(const json& value)
{
  switch (value.type()) {
    case json::value_t::null:
      return "null";
    case json::value_t::boolean:
      return "boolean";
    case json::value_t::number_integer:
    case json::value_t::number_unsigned:
      return "integer";
    case json::value_t::number_float:
      return "number";
    case json::value_t::string:
      return "string";
    case json::value_t::array:
      return "array";
    default:
      return "object";
  }
}

bool has_type(const json& value, const std::string& type)
{
  const auto actual = type_of(value);
  if (type == "number") {
    return value.is_number();
  }
  if (type == "integer" && actual == "number") {
    const double number = value.get<double>();
    return number == static_cast<double>(static_cast<long long>(number));
  }
  return actual == type;
}

std::string short_dump(const json& value)
{
  auto text = value.dump();
  return text.size() > 80 ? text.substr(0, 77) + "..." : text;
}

class Checker
{
public:
  explicit Checker(const json& root)
    : m_root(root)
  {
  }

  void check(const json& schema, const json& value, const std::string& pointer, std::vector<SchemaError>& errors)
  {
    if (schema.is_boolean()) {
      if (!schema.get<bool>()) {
        errors.push_back({ pointer, "no value is allowed here" });
      }
      return;
    }
    if (!schema.is_object()) {
      return;
    }
    if (schema.contains("$ref")) {
      check_ref(schema["$ref"].get<std::string>(), value, pointer, errors);
    }
    if (schema.contains("type") && !check_type(schema["type"], value, pointer, errors)) {
      return;
    }
    if (schema.contains("enum") && std::find(schema["enum"].begin(), schema["enum"].end(), value) == schema["enum"].end()) {
      errors.push_back({ pointer, short_dump(value) + " is not one of " + short_dump(schema["enum"]) });
    }
    if (schema.contains("const") && schema["const"] != value) {
      errors.push_back({ pointer, "must be " + short_dump(schema["const"]) });
    }
    check_alternatives(schema, value, pointer, errors);
    if (value.is_number()) {
      check_number(schema, value.get<double>(), pointer, errors);
    } else if (value.is_string()) {
      check_string(schema, value.get<std::string>(), pointer, errors);
    } else if (value.is_array()) {
      check_array(schema, value, pointer, errors);
    } else if (value.is_object()) {
      check_object(schema, value, pointer, errors);
    }
  }

private:
  void check_ref(const std::string& ref, const json& value, const std::string& pointer, std::vector<SchemaError>& errors)
  {
    if (ref.rfind('#', 0) != 0) {
      errors.push_back({ pointer, "unsupported $ref " + ref });
      return;
    }
    const json::json_pointer target(ref.substr(1));
    if (!m_root.contains(target)) {
      errors.push_back({ pointer, "$ref " + ref + " does not resolve" });
      return;
    }
    check(m_root.at(target), value, pointer, errors);
  }

  bool check_type(const json& type, const json& value, const std::string& pointer, std::vector<SchemaError>& errors)
  {
    const auto types = type.is_array() ? type : json::array({ type });
    for (const auto& allowed : types) {
      if (allowed.is_string() && has_type(value, allowed.get<std::string>())) {
        return true;
      }
    }
    errors.push_back({ pointer, "expected " + (type.is_array() ? short_dump(type) : type.get<std::string>()) +
                                  ", got " + type_of(value) });
    return false;
  }

  void check_alternatives(const json& schema, const json& value, const std::string& pointer,
                          std::vector<SchemaError>& errors)
  {
    if (schema.contains("allOf")) {
      for (const auto& part : schema["allOf"]) {
        check(part, value, pointer, errors);
      }
    }
    for (const char* keyword : { "anyOf", "oneOf" }) {
      if (!schema.contains(keyword)) {
        continue;
      }
      // The errors shown are those of the closest alternative: one of the right type, then the fewest errors.
      std::vector<SchemaError> closest;
      std::size_t closest_score = 0;
      int matches = 0;
      bool first = true;
      for (const auto& alternative : schema[keyword]) {
        std::vector<SchemaError> alternative_errors;
        check(alternative, value, pointer, alternative_errors);
        matches += alternative_errors.empty() ? 1 : 0;
        std::vector<SchemaError> type_errors;
        const bool right_type = !alternative.is_object() || !alternative.contains("type") ||
                                check_type(alternative["type"], value, pointer, type_errors);
        const auto score = alternative_errors.size() + (right_type ? 0 : 1000);
        if (first || score < closest_score) {
          closest = std::move(alternative_errors);
          closest_score = score;
          first = false;
        }
      }
      const std::string name = keyword;
      if (matches == 0) {
        errors.push_back({ pointer, "matches none of the " + name + " alternatives" });
        errors.insert(errors.end(), closest.begin(), closest.end());
      } else if (name == "oneOf" && matches > 1) {
        errors.push_back({ pointer, "matches " + std::to_string(matches) + " oneOf alternatives, expected exactly 1" });
      }
    }
  }

  static void check_number(const json& schema, double number, const std::string& pointer,
                           std::vector<SchemaError>& errors)
  {
    if (schema.contains("minimum") && number < schema["minimum"].get<double>()) {
      errors.push_back({ pointer, "must be >= " + schema["minimum"].dump() });
    }
    if (schema.contains("maximum") && number > schema["maximum"].get<double>()) {
      errors.push_back({ pointer, "must be <= " + schema["maximum"].dump() });
    }
    if (schema.contains("exclusiveMinimum") && number <= schema["exclusiveMinimum"].get<double>()) {
      errors.push_back({ pointer, "must be > " + schema["exclusiveMinimum"].dump() });
    }
    if (schema.contains("exclusiveMaximum") && number >= schema["exclusiveMaximum"].get<double>()) {
      errors.push_back({ pointer, "must be < " + schema["exclusiveMaximum"].dump() });
    }
  }

  static void check_string(const json& schema, const std::string& text, const std::string& pointer,
                           std::vector<SchemaError>& errors)
  {
    if (schema.contains("minLength") && text.size() < schema["minLength"].get<std::size_t>()) {
      errors.push_back({ pointer, "must be at least " + schema["minLength"].dump() + " characters" });
    }
    if (schema.contains("maxLength") && text.size() > schema["maxLength"].get<std::size_t>()) {
      errors.push_back({ pointer, "must be at most " + schema["maxLength"].dump() + " characters" });
    }
    if (schema.contains("pattern")) {
      const auto pattern = schema["pattern"].get<std::string>();
      if (!std::regex_search(text, std::regex(pattern, std::regex::ECMAScript))) {
        errors.push_back({ pointer, short_dump(text) + " does not match the pattern " + pattern });
      }
    }
  }

  void check_array(const json& schema, const json& array, const std::string& pointer, std::vector<SchemaError>& errors)
  {
    if (schema.contains("minItems") && array.size() < schema["minItems"].get<std::size_t>()) {
      errors.push_back({ pointer, "must have at least " + schema["minItems"].dump() + " items" });
    }
    if (schema.contains("maxItems") && array.size() > schema["maxItems"].get<std::size_t>()) {
      errors.push_back({ pointer, "must have at most " + schema["maxItems"].dump() + " items" });
    }
    if (schema.value("uniqueItems", false) && std::set<json>(array.begin(), array.end()).size() != array.size()) {
      errors.push_back({ pointer, "items must be unique" });
    }
    if (schema.contains("items")) {
      for (std::size_t i = 0; i < array.size(); ++i) {
        check(schema["items"], array[i], pointer + "/" + std::to_string(i), errors);
      }
    }
  }

  void check_object(const json& schema, const json& object, const std::string& pointer,
                    std::vector<SchemaError>& errors)
  {
    const auto properties = schema.value("properties", json::object());
    for (const auto& name : schema.value("required", json::array())) {
      if (!object.contains(name.get<std::string>())) {
        errors.push_back({ pointer, "missing required property \"" + name.get<std::string>() + "\"" });
      }
    }
    for (const auto& [name, value] : object.items()) {
      const auto child = pointer + "/" + escape_token(name);
      if (properties.contains(name)) {
        check(properties[name], value, child, errors);
      } else if (schema.contains("additionalProperties")) {
        const auto& additional = schema["additionalProperties"];
        if (additional.is_boolean() && !additional.get<bool>()) {
          errors.push_back({ child, "property \"" + name + "\" is not allowed" });
        } else {
          check(additional, value, child, errors);
        }
      }
    }
  }

  const json& m_root;
};

} // namespace

std::vector<SchemaError> json_schema_errors(const json& schema, const json& value)
{
  std::vector<SchemaError> errors;
  Checker(schema).check(schema, value, "", errors);
  return errors;
}

std::string to_string(const SchemaError& error)
{
  return (error.pointer.empty() ? std::string("(root)") : error.pointer) + ": " + error.message;
}

} // namespace amgen::llm
