// A sink for input errors: validators push every problem with its position and keep going.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace amgen::generator {

/// A 1-based position in an input file; line 0 means "the file as a whole".
struct Position
{
  int line = 0;
  int column = 0;
};

enum class Severity { error, warning, note };

struct Diagnostic
{
  std::string file;
  Position position;
  Severity severity = Severity::error;
  std::string message;
  std::string hint; ///< Optional: how to fix it.
};

class Diagnostics
{
public:
  void error(std::string file, Position position, std::string message, std::string hint = {});
  void warning(std::string file, Position position, std::string message, std::string hint = {});
  /// Information the user should see, e.g. a module added for them; never fails a run.
  void note(std::string file, Position position, std::string message, std::string hint = {});

  [[nodiscard]] bool has_errors() const;
  [[nodiscard]] std::size_t error_count() const;
  /// Every diagnostic, sorted by file, line and column (stable for equal positions).
  [[nodiscard]] std::vector<Diagnostic> sorted() const;

private:
  std::vector<Diagnostic> m_items;
};

/// Formats one diagnostic as `file:line:col: error: message`, then the source line and a caret
/// under the column when `source` holds the file's text, then `  hint: ...` when there is one.
[[nodiscard]] std::string format_diagnostic(const Diagnostic& diagnostic, std::string_view source);

/// Edit distance between two words, for "did you mean" suggestions.
[[nodiscard]] std::size_t edit_distance(std::string_view a, std::string_view b);

/// The candidate closest to `word`, or empty when none is close enough to suggest.
[[nodiscard]] std::string closest_match(std::string_view word, const std::vector<std::string>& candidates);

} // namespace amgen::generator
