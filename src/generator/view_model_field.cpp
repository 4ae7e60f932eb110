// View model of one field: Python/SQLAlchemy types, declarations, defaults and test sample values.
#include "generator/view_model.hpp"

#include "generator/names.hpp"

#include <algorithm>
#include <cmath>
#include <fmt/format.h>

namespace amgen::generator {
namespace {

/// Fields without `max_length` still get a bounded column so PostgreSQL and SQLite agree.
constexpr long k_default_string_length = 255;
constexpr long k_email_length = 320;

std::optional<long> effective_max_length(const Field& field)
{
  if (field.type == FieldType::string) {
    return field.max_length.value_or(k_default_string_length);
  }
  if (field.type == FieldType::email) {
    return k_email_length;
  }
  return field.max_length;
}

std::string number_text(double value)
{
  if (value == std::floor(value) && std::fabs(value) < 1e15) {
    return fmt::format("{}", static_cast<long>(value));
  }
  return fmt::format("{}", value);
}

double clamp(double value, const std::optional<double>& low, const std::optional<double>& high)
{
  if (low && value < *low) {
    value = *low;
  }
  if (high && value > *high) {
    value = *high;
  }
  return value;
}

std::string orm_python_type(FieldType type)
{
  switch (type) {
  case FieldType::integer: return "int";
  case FieldType::decimal: return "Decimal";
  case FieldType::boolean: return "bool";
  case FieldType::date: return "date";
  case FieldType::datetime: return "datetime";
  case FieldType::uuid: return "UUID";
  case FieldType::json: return "dict[str, Any]";
  default: return "str";
  }
}

std::string sqlalchemy_type(const std::string& entity_snake, const Field& field)
{
  const auto length = effective_max_length(field);
  switch (field.type) {
  case FieldType::string:
  case FieldType::email: return fmt::format("String({})", *length);
  case FieldType::text: return "Text()";
  case FieldType::integer: return "Integer()";
  case FieldType::decimal: return "Numeric(12, 2)";
  case FieldType::boolean: return "Boolean()";
  case FieldType::date: return "Date()";
  case FieldType::datetime: return "DateTime(timezone=True)";
  case FieldType::uuid: return "Uuid()";
  case FieldType::json: return "JSON()";
  case FieldType::enumeration: {
    std::vector<std::string> literals;
    std::size_t longest = 0;
    for (const auto& value : field.values) {
      literals.push_back(python_string_literal(value));
      longest = std::max(longest, value.size());
    }
    return fmt::format("Enum({}, name={}, native_enum=False, create_constraint=True, length={})",
                       fmt::join(literals, ", "), python_string_literal(postgres_identifier(entity_snake + "_" + field.name)), longest);
  }
  }
  return "String()";
}

std::vector<std::string> pydantic_constraints(const Field& field)
{
  std::vector<std::string> out;
  if (field.type == FieldType::string || (field.type == FieldType::text && field.max_length)) {
    out.push_back(fmt::format("max_length={}", *effective_max_length(field)));
  }
  if (field.type == FieldType::integer || field.type == FieldType::decimal) {
    if (field.min) {
      out.push_back("ge=" + number_text(*field.min));
    }
    if (field.max) {
      out.push_back("le=" + number_text(*field.max));
    }
  }
  if (field.type == FieldType::decimal) {
    out.emplace_back("max_digits=12");
    out.emplace_back("decimal_places=2");
  }
  return out;
}

std::string default_literal(const Field& field, const std::string& enum_class)
{
  if (!field.default_value) {
    return {};
  }
  const auto& value = *field.default_value;
  switch (field.type) {
  case FieldType::enumeration: return enum_class + "." + screaming_from_snake(value);
  case FieldType::boolean: return value == "true" ? "True" : "False";
  case FieldType::integer: return value;
  case FieldType::decimal: return fmt::format("Decimal({})", python_string_literal(value));
  default: return python_string_literal(value);
  }
}

/// A declaration's right-hand side: `T`, `T = default`, `T = Field(...)` or `T = Field(default=..., ...)`.
std::string declaration(const std::string& annotation, const std::optional<std::string>& default_value,
                        const std::vector<std::string>& constraints)
{
  if (constraints.empty()) {
    return default_value ? fmt::format("{} = {}", annotation, *default_value) : annotation;
  }
  if (!default_value) {
    return fmt::format("{} = Field({})", annotation, fmt::join(constraints, ", "));
  }
  return fmt::format("{} = Field(default={}, {})", annotation, *default_value, fmt::join(constraints, ", "));
}

struct Samples
{
  std::string sample;       ///< A Python expression over an int `n`, JSON-compatible.
  std::string update_value; ///< A constant different from the sample.
};

Samples sample_values(const Field& field)
{
  const auto max_length = effective_max_length(field);
  const bool unique = field.is_unique;
  switch (field.type) {
  case FieldType::string:
  case FieldType::text: {
    const auto limit = static_cast<std::size_t>(max_length.value_or(100));
    if (unique) {
      const auto prefix_length = static_cast<std::size_t>(std::max<long>(0, max_length.value_or(40) - 8));
      return {fmt::format("f\"{}-{{n}}\"", field.name.substr(0, prefix_length)),
              python_string_literal(std::string("updated").substr(0, limit))};
    }
    return {python_string_literal(collapse_whitespace(words_from_snake(field.name)).substr(0, limit)),
            python_string_literal(std::string("updated").substr(0, limit))};
  }
  case FieldType::email:
    return {unique ? "f\"user{n}@example.com\"" : "\"user@example.com\"", "\"updated@example.com\""};
  case FieldType::integer: {
    const double base = clamp(10, field.min, field.max);
    const double up = (!field.max || base + 1 <= *field.max) ? base + 1 : base - 1;
    if (unique) {
      return {fmt::format("{} + n", static_cast<long>(field.min.value_or(0))),
              field.max ? number_text(std::floor(*field.max)) : "1000000"};
    }
    return {number_text(base), number_text(up)};
  }
  case FieldType::decimal: {
    if (unique) {
      return {"f\"{n}.25\"", "\"999999.99\""};
    }
    const double base = clamp(12.5, field.min, field.max);
    double up = clamp(13.75, field.min, field.max);
    if (up == base) {
      up = clamp(base - 1, field.min, field.max);
    }
    return {fmt::format("\"{:.2f}\"", base), fmt::format("\"{:.2f}\"", up)};
  }
  case FieldType::boolean: return {"True", "False"};
  case FieldType::date: return {"\"2030-01-02\"", "\"2031-02-03\""};
  case FieldType::datetime: return {"\"2030-01-02T10:00:00+00:00\"", "\"2031-02-03T11:30:00+00:00\""};
  case FieldType::uuid:
    return {"f\"00000000-0000-4000-8000-{n:012d}\"", "\"11111111-1111-4111-8111-111111111111\""};
  case FieldType::enumeration:
    return {python_string_literal(field.values.front()),
            python_string_literal(field.values.size() > 1 ? field.values[1] : field.values.front())};
  case FieldType::json: return {"{\"key\": f\"value-{n}\"}", "{\"key\": \"updated\"}"};
  }
  return {};
}

} // namespace

std::string enum_class_name(const std::string& entity_name, const Field& field)
{
  return field.type == FieldType::enumeration ? entity_name + pascal_from_snake(field.name) : std::string{};
}

nlohmann::ordered_json field_view(const Entity& entity, const Field& field)
{
  const auto entity_snake = snake_from_pascal(entity.name);
  const auto enum_class = enum_class_name(entity.name, field);
  const auto orm = orm_python_type(field.type);
  const auto schema = field.type == FieldType::email         ? std::string("EmailStr")
                      : field.type == FieldType::enumeration ? enum_class
                                                             : orm;
  const auto constraints = pydantic_constraints(field);
  const auto default_py = default_literal(field, enum_class);
  const auto samples = sample_values(field);
  const auto type = field.type;

  std::string create;
  if (field.default_value) {
    create = declaration(schema, default_py, constraints);
  } else if (field.is_required) {
    create = declaration(schema, std::nullopt, constraints);
  } else {
    create = declaration(schema + " | None", "None", constraints);
  }

  nlohmann::ordered_json view;
  view["field_name"] = field.name;
  view["field_label"] = words_from_snake(field.name);
  view["field_type"] = field_type_name(type);
  for (const auto candidate : {FieldType::string, FieldType::text, FieldType::integer, FieldType::decimal,
                               FieldType::boolean, FieldType::date, FieldType::datetime, FieldType::uuid,
                               FieldType::email, FieldType::enumeration, FieldType::json}) {
    view["field_is_" + field_type_name(candidate)] = type == candidate;
  }
  view["field_is_required"] = field.is_required;
  view["field_is_nullable"] = !field.is_required;
  view["field_is_unique"] = field.is_unique;
  view["field_is_filterable"] = type == FieldType::string || type == FieldType::email || type == FieldType::integer
                                || type == FieldType::boolean || type == FieldType::enumeration
                                || type == FieldType::date || type == FieldType::uuid;
  view["field_is_sortable"] = type != FieldType::json && type != FieldType::text && type != FieldType::boolean;
  view["field_has_default"] = field.default_value.has_value();
  view["field_default_py"] = default_py;
  view["field_orm_py_type"] = orm;
  view["field_orm_annotation_py"] = field.is_required ? orm : orm + " | None";
  view["field_schema_py_type"] = schema;
  view["field_sa_type"] = sqlalchemy_type(entity_snake, field);
  view["field_enum_class"] = enum_class;
  view["field_create_decl_py"] = create;
  view["field_update_decl_py"] = declaration(schema + " | None", "None", constraints);
  view["field_public_decl_py"] = field.is_required ? schema : schema + " | None";
  view["field_unique_constraint"] =
    field.is_unique ? postgres_identifier(fmt::format("uniq_{}_{}", plural_snake(entity_snake), field.name))
                    : std::string{};
  auto enum_values = nlohmann::ordered_json::array();
  std::size_t enum_length = 0;
  for (const auto& value : field.values) {
    enum_values.push_back({{"enum_value_py", python_string_literal(value)}});
    enum_length = std::max(enum_length, value.size());
  }
  view["field_enum_values"] = enum_values;
  view["field_enum_type_name"] =
    type == FieldType::enumeration ? postgres_identifier(entity_snake + "_" + field.name) : std::string{};
  view["field_enum_length"] = enum_length;
  view["field_sample_py"] = samples.sample;
  view["field_update_value_py"] = samples.update_value;
  return view;
}

} // namespace amgen::generator
