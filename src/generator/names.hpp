// Spellings of names (snake, Pascal, kebab, SCREAMING, plural) and Python string literals: one Namer.
#pragma once

#include <string>
#include <string_view>

namespace amgen::generator {

[[nodiscard]] bool is_snake_case(std::string_view name);   ///< `^[a-z][a-z0-9]*(_[a-z0-9]+)*$`
[[nodiscard]] bool is_pascal_case(std::string_view name);  ///< `^[A-Z][A-Za-z0-9]*$`

[[nodiscard]] std::string snake_from_pascal(std::string_view pascal);  ///< `LoanApplication` → `loan_application`
[[nodiscard]] std::string pascal_from_snake(std::string_view snake);   ///< `loan_application` → `LoanApplication`
[[nodiscard]] std::string kebab_from_snake(std::string_view snake);    ///< `_` → `-`
[[nodiscard]] std::string screaming_from_snake(std::string_view snake);
[[nodiscard]] std::string words_from_snake(std::string_view snake);    ///< `full_name` → `full name`
[[nodiscard]] std::string title_from_snake(std::string_view snake);    ///< `full_name` → `Full Name`
/// Pluralises the last word of a snake_case name: `loan_application` → `loan_applications`.
[[nodiscard]] std::string plural_snake(std::string_view snake);

/// A database identifier PostgreSQL keeps whole (at most 63 bytes): a longer name is cut to 56
/// characters, then `_` and the first 6 hex digits of the SHA-256 of the full name are appended.
[[nodiscard]] std::string postgres_identifier(std::string_view name);

/// A Python string literal whose value is exactly `text` (UTF-8 kept as is), quoted the way
/// `ruff format` leaves it: double quotes unless `text` holds more double than single quotes.
[[nodiscard]] std::string python_string_literal(std::string_view text);
/// `text` with every run of white space folded to one space and the ends trimmed (for one-line
/// Markdown and comments).
[[nodiscard]] std::string collapse_whitespace(std::string_view text);
/// `text` on one line, safe inside a `"""docstring"""`: backslashes and double quotes escaped.
[[nodiscard]] std::string python_docstring_text(std::string_view text);

} // namespace amgen::generator
