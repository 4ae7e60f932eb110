// Reserved-word tables that generated identifiers, tables and columns must avoid.
#pragma once

#include <string_view>

namespace amgen::generator {

[[nodiscard]] bool is_python_keyword(std::string_view word);  ///< Including soft keywords.
[[nodiscard]] bool is_python_builtin(std::string_view word);  ///< Names in Python's `builtins`.
[[nodiscard]] bool is_sql_reserved(std::string_view word);    ///< PostgreSQL's reserved key words.

} // namespace amgen::generator
