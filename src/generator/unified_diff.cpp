// Unified diff: a longest-common-subsequence edit script grouped into hunks with 3 lines of context.
#include "generator/unified_diff.hpp"

#include <algorithm>
#include <fmt/format.h>
#include <vector>

namespace amgen::generator {
namespace {

constexpr std::size_t k_context = 3;
/// Above this many cells the LCS table is not built: the file is shown as replaced whole.
constexpr std::size_t k_max_cells = 25'000'000;

std::vector<std::string> split_lines(const std::string& text)
{
  std::vector<std::string> lines;
  std::size_t start = 0;
  while (start < text.size()) {
    const auto end = text.find('\n', start);
    if (end == std::string::npos) {
      lines.push_back(text.substr(start) + "\n\\ No newline at end of file");
      break;
    }
    lines.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return lines;
}

enum class Op { keep, remove, add };

struct Edit
{
  Op op;
  std::size_t before_line; ///< 0-based index into `before` (keep, remove)
  std::size_t after_line;  ///< 0-based index into `after` (keep, add)
};

std::vector<Edit> edit_script(const std::vector<std::string>& a, const std::vector<std::string>& b)
{
  std::vector<Edit> edits;
  if (a.size() * b.size() > k_max_cells) {
    for (std::size_t i = 0; i < a.size(); ++i) {
      edits.push_back({Op::remove, i, 0});
    }
    for (std::size_t j = 0; j < b.size(); ++j) {
      edits.push_back({Op::add, a.size(), j});
    }
    return edits;
  }
  // lcs[i][j]: length of the LCS of a[i..] and b[j..].
  const auto width = b.size() + 1;
  std::vector<std::uint32_t> lcs((a.size() + 1) * width, 0);
  for (std::size_t i = a.size(); i-- > 0;) {
    for (std::size_t j = b.size(); j-- > 0;) {
      lcs[i * width + j] = a[i] == b[j] ? lcs[(i + 1) * width + j + 1] + 1
                                        : std::max(lcs[(i + 1) * width + j], lcs[i * width + j + 1]);
    }
  }
  std::size_t i = 0;
  std::size_t j = 0;
  while (i < a.size() || j < b.size()) {
    if (i < a.size() && j < b.size() && a[i] == b[j]) {
      edits.push_back({Op::keep, i++, j++});
    } else if (i < a.size() && (j == b.size() || lcs[(i + 1) * width + j] >= lcs[i * width + j + 1])) {
      edits.push_back({Op::remove, i++, j}); // removals first, as diff prints them
    } else {
      edits.push_back({Op::add, i, j++});
    }
  }
  return edits;
}

std::string range(std::size_t start, std::size_t count)
{
  // diff -u: a 1-based start; an empty range names the line before it.
  if (count == 0) {
    return fmt::format("{},0", start);
  }
  return count == 1 ? fmt::format("{}", start + 1) : fmt::format("{},{}", start + 1, count);
}

} // namespace

std::string unified_diff(const std::string& before, const std::string& after, const std::string& before_name,
                         const std::string& after_name)
{
  if (before == after) {
    return {};
  }
  const auto a = split_lines(before);
  const auto b = split_lines(after);
  const auto edits = edit_script(a, b);
  std::string out = fmt::format("--- {}\n+++ {}\n", before_name, after_name);
  std::size_t k = 0;
  while (k < edits.size()) {
    if (edits[k].op == Op::keep) {
      ++k;
      continue;
    }
    // A hunk: from k_context lines before this change to k_context lines after the last change that is at most
    // 2 * k_context unchanged lines from the previous one.
    const auto first = k >= k_context ? k - k_context : 0;
    auto last = k;
    for (std::size_t scan = k; scan < edits.size(); ++scan) {
      if (edits[scan].op != Op::keep) {
        last = scan;
      } else if (scan - last > 2 * k_context) {
        break;
      }
    }
    const auto end = std::min(edits.size(), last + k_context + 1);
    std::size_t before_count = 0;
    std::size_t after_count = 0;
    std::string body;
    for (std::size_t e = first; e < end; ++e) {
      switch (edits[e].op) {
      case Op::keep:
        body += " " + a[edits[e].before_line] + "\n";
        ++before_count;
        ++after_count;
        break;
      case Op::remove:
        body += "-" + a[edits[e].before_line] + "\n";
        ++before_count;
        break;
      case Op::add:
        body += "+" + b[edits[e].after_line] + "\n";
        ++after_count;
        break;
      }
    }
    out += fmt::format("@@ -{} +{} @@\n", range(edits[first].before_line, before_count),
                       range(edits[first].after_line, after_count));
    out += body;
    k = end;
  }
  return out;
}

} // namespace amgen::generator
