// Name spellings and Python literal escaping.
#include "generator/names.hpp"

#include <algorithm>
#include <cctype>
#include "util/sha256.hpp"

#include <fmt/format.h>

namespace amgen::generator {
namespace {

bool is_lower_or_digit(char c)
{
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
}

bool ends_with(std::string_view s, std::string_view suffix)
{
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

bool is_vowel(char c)
{
  return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
}

} // namespace

bool is_snake_case(std::string_view name)
{
  if (name.empty() || name[0] < 'a' || name[0] > 'z' || name.back() == '_') {
    return false;
  }
  char previous = 0;
  for (char c : name) {
    if (!(is_lower_or_digit(c) || c == '_') || (c == '_' && previous == '_')) {
      return false;
    }
    previous = c;
  }
  return true;
}

bool is_pascal_case(std::string_view name)
{
  if (name.empty() || name[0] < 'A' || name[0] > 'Z') {
    return false;
  }
  for (char c : name) {
    if (!std::isalnum(static_cast<unsigned char>(c))) {
      return false;
    }
  }
  return true;
}

std::string snake_from_pascal(std::string_view pascal)
{
  std::string out;
  for (std::size_t i = 0; i < pascal.size(); ++i) {
    const char c = pascal[i];
    const bool upper = c >= 'A' && c <= 'Z';
    if (upper && i > 0) {
      const char before = pascal[i - 1];
      const bool next_lower = i + 1 < pascal.size() && pascal[i + 1] >= 'a' && pascal[i + 1] <= 'z';
      if (is_lower_or_digit(before) || (before >= 'A' && before <= 'Z' && next_lower)) {
        out.push_back('_');
      }
    }
    out.push_back(upper ? static_cast<char>(c - 'A' + 'a') : c);
  }
  return out;
}

std::string pascal_from_snake(std::string_view snake)
{
  std::string out;
  bool start = true;
  for (char c : snake) {
    if (c == '_') {
      start = true;
      continue;
    }
    out.push_back(start && c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c);
    start = false;
  }
  return out;
}

std::string kebab_from_snake(std::string_view snake)
{
  std::string out(snake);
  for (char& c : out) {
    if (c == '_') {
      c = '-';
    }
  }
  return out;
}

std::string screaming_from_snake(std::string_view snake)
{
  std::string out(snake);
  for (char& c : out) {
    c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  }
  return out;
}

std::string words_from_snake(std::string_view snake)
{
  std::string out(snake);
  for (char& c : out) {
    if (c == '_') {
      c = ' ';
    }
  }
  return out;
}

std::string title_from_snake(std::string_view snake)
{
  std::string out;
  bool start = true;
  for (char c : snake) {
    if (c == '_') {
      out.push_back(' ');
      start = true;
      continue;
    }
    out.push_back(start ? static_cast<char>(std::toupper(static_cast<unsigned char>(c))) : c);
    start = false;
  }
  return out;
}

std::string plural_snake(std::string_view snake)
{
  const auto cut = snake.rfind('_');
  const std::string head(cut == std::string_view::npos ? std::string_view{} : snake.substr(0, cut + 1));
  std::string word(cut == std::string_view::npos ? snake : snake.substr(cut + 1));
  if (word.size() > 1 && word.back() == 'y' && !is_vowel(word[word.size() - 2])) {
    word = word.substr(0, word.size() - 1) + "ies";
  } else if (ends_with(word, "s") || ends_with(word, "x") || ends_with(word, "z") || ends_with(word, "ch")
             || ends_with(word, "sh")) {
    word += "es";
  } else {
    word += "s";
  }
  return head + word;
}

std::string postgres_identifier(std::string_view name)
{
  constexpr std::size_t k_max_identifier = 63;
  constexpr std::size_t k_kept = 56;
  if (name.size() <= k_max_identifier) {
    return std::string(name);
  }
  return fmt::format("{}_{}", name.substr(0, k_kept), util::sha256_hex(name).substr(0, 6));
}

std::string python_string_literal(std::string_view text)
{
  // The quote `ruff format` keeps: double, unless the text holds more double than single quotes.
  const auto doubles = std::count(text.begin(), text.end(), '"');
  const auto singles = std::count(text.begin(), text.end(), '\'');
  const char quote = doubles > singles ? '\'' : '"';
  std::string out(1, quote);
  for (char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    if (c == quote) {
      out += '\\';
      out += c;
      continue;
    }
    switch (c) {
    case '\\': out += "\\\\"; break;
    case '\n': out += "\\n"; break;
    case '\r': out += "\\r"; break;
    case '\t': out += "\\t"; break;
    default:
      if (byte < 0x20 || byte == 0x7f) {
        out += fmt::format("\\x{:02x}", byte);
      } else {
        out.push_back(c);
      }
    }
  }
  out.push_back(quote);
  return out;
}

std::string collapse_whitespace(std::string_view text)
{
  std::string out;
  bool pending_space = false;
  for (char c : text) {
    if (std::isspace(static_cast<unsigned char>(c))) {
      pending_space = !out.empty();
      continue;
    }
    if (pending_space) {
      out.push_back(' ');
      pending_space = false;
    }
    out.push_back(c);
  }
  return out;
}

std::string python_docstring_text(std::string_view text)
{
  std::string out;
  for (char c : collapse_whitespace(text)) {
    if (c == '\\' || c == '"') {
      out.push_back('\\');
    }
    out.push_back(c);
  }
  return out;
}

} // namespace amgen::generator
