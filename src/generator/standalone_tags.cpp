// Standalone-line handling of the mustache spec, as a source transformation (see the header).
#include "generator/standalone_tags.hpp"

namespace amgen::generator {
namespace {

bool is_blank(char c)
{
  return c == ' ' || c == '\t';
}

/// If [begin, end) is white space, one `{{#..}}`/`{{^..}}`/`{{/..}}`/`{{!..}}` tag, white space:
/// the tag's [start, stop).
bool find_standalone_tag(const std::string& text, std::size_t begin, std::size_t end, std::size_t& start,
                         std::size_t& stop)
{
  std::size_t i = begin;
  while (i < end && is_blank(text[i])) {
    ++i;
  }
  if (i + 4 > end || text.compare(i, 2, "{{") != 0) {
    return false;
  }
  const char sigil = text[i + 2];
  if (sigil != '#' && sigil != '^' && sigil != '/' && sigil != '!') {
    return false;
  }
  const auto close = text.find("}}", i + 3);
  if (close == std::string::npos || close + 2 > end) {
    return false;
  }
  start = i;
  stop = close + 2;
  for (std::size_t j = stop; j < end; ++j) {
    if (!is_blank(text[j])) {
      return false;
    }
  }
  return text.find("{{", i + 2) >= stop;
}

} // namespace

StandaloneStripped strip_standalone_tags(const std::string& text)
{
  StandaloneStripped out;
  out.text.reserve(text.size());
  out.source_offset.reserve(text.size());
  std::size_t line = 0;
  while (line < text.size()) {
    const auto newline = text.find('\n', line);
    const auto content_end = newline == std::string::npos ? text.size() : newline;
    const auto line_end = newline == std::string::npos ? text.size() : newline + 1;
    std::size_t start = 0;
    std::size_t stop = 0;
    const bool standalone = find_standalone_tag(text, line, content_end, start, stop);
    const auto keep_begin = standalone ? start : line;
    const auto keep_end = standalone ? stop : line_end;
    for (std::size_t i = keep_begin; i < keep_end; ++i) {
      out.text.push_back(text[i]);
      out.source_offset.push_back(i);
    }
    if (standalone) {
      out.text.push_back(k_standalone_marker);
      out.source_offset.push_back(stop);
    }
    line = line_end;
  }
  return out;
}

void remove_standalone_markers(std::string& rendered)
{
  std::erase(rendered, k_standalone_marker);
}

} // namespace amgen::generator
