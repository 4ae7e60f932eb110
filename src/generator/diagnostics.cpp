// Diagnostics: collection, ordering and the ninja-style `file:line:col: error:` format with a caret.
#include "generator/diagnostics.hpp"

#include <algorithm>
#include <fmt/format.h>

namespace amgen::generator {

void Diagnostics::error(std::string file, Position position, std::string message, std::string hint)
{
  m_items.push_back({std::move(file), position, Severity::error, std::move(message), std::move(hint)});
}

void Diagnostics::warning(std::string file, Position position, std::string message, std::string hint)
{
  m_items.push_back({std::move(file), position, Severity::warning, std::move(message), std::move(hint)});
}

void Diagnostics::note(std::string file, Position position, std::string message, std::string hint)
{
  m_items.push_back({std::move(file), position, Severity::note, std::move(message), std::move(hint)});
}

bool Diagnostics::has_errors() const
{
  return error_count() > 0;
}

std::size_t Diagnostics::error_count() const
{
  return static_cast<std::size_t>(std::count_if(
    m_items.begin(), m_items.end(), [](const Diagnostic& d) { return d.severity == Severity::error; }));
}

std::vector<Diagnostic> Diagnostics::sorted() const
{
  auto items = m_items;
  std::stable_sort(items.begin(), items.end(), [](const Diagnostic& a, const Diagnostic& b) {
    if (a.file != b.file) {
      return a.file < b.file;
    }
    if (a.position.line != b.position.line) {
      return a.position.line < b.position.line;
    }
    return a.position.column < b.position.column;
  });
  return items;
}

namespace {

std::string_view source_line(std::string_view source, int line)
{
  std::size_t start = 0;
  for (int i = 1; i < line; ++i) {
    const auto next = source.find('\n', start);
    if (next == std::string_view::npos) {
      return {};
    }
    start = next + 1;
  }
  const auto end = source.find('\n', start);
  return source.substr(start, end == std::string_view::npos ? source.size() - start : end - start);
}

} // namespace

std::string format_diagnostic(const Diagnostic& diagnostic, std::string_view source)
{
  const char* severity = diagnostic.severity == Severity::error     ? "error"
                         : diagnostic.severity == Severity::warning ? "warning"
                                                                    : "note";
  std::string out;
  if (diagnostic.position.line > 0) {
    out = fmt::format("{}:{}:{}: {}: {}\n", diagnostic.file, diagnostic.position.line,
                      diagnostic.position.column, severity, diagnostic.message);
    const auto text = source_line(source, diagnostic.position.line);
    if (!text.empty()) {
      std::string caret;
      for (int i = 1; i < diagnostic.position.column && i <= static_cast<int>(text.size()); ++i) {
        caret.push_back(text[static_cast<std::size_t>(i - 1)] == '\t' ? '\t' : ' ');
      }
      out += fmt::format("{}\n{}^\n", text, caret);
    }
  } else {
    out = fmt::format("{}: {}: {}\n", diagnostic.file, severity, diagnostic.message);
  }
  if (!diagnostic.hint.empty()) {
    out += fmt::format("  hint: {}\n", diagnostic.hint);
  }
  return out;
}

std::size_t edit_distance(std::string_view a, std::string_view b)
{
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) {
    row[j] = j;
  }
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}

std::string closest_match(std::string_view word, const std::vector<std::string>& candidates)
{
  std::string best;
  std::size_t best_distance = std::max<std::size_t>(2, word.size() / 3) + 1;
  for (const auto& candidate : candidates) {
    if (word.size() > 1 && candidate.size() > 1 && (word.starts_with(candidate) || candidate.starts_with(word))) {
      return candidate; // `integer` → `int`
    }
    const auto distance = edit_distance(word, candidate);
    if (distance < best_distance) {
      best_distance = distance;
      best = candidate;
    }
  }
  return best;
}

} // namespace amgen::generator
