// Mustache "standalone" lines (a section, inverted-section, closing or comment tag alone on its line)
// must vanish whole from the output. kainjow approximates this with a line heuristic that keeps the
// newline after a skipped section. So the renderer removes standalone lines itself before parsing,
// leaving a marker byte after each such tag so that kainjow's heuristic never fires, and removes the
// markers from the rendered text.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace amgen::generator {

/// Placed after each stripped tag; never part of any output.
inline constexpr char k_standalone_marker = '\x01';

struct StandaloneStripped
{
  std::string text;                       ///< Standalone lines collapsed to their tag plus a marker.
  std::vector<std::size_t> source_offset; ///< For each byte of `text`, its offset in the original.
};

[[nodiscard]] StandaloneStripped strip_standalone_tags(const std::string& text);

/// Removes the markers from rendered text.
void remove_standalone_markers(std::string& rendered);

} // namespace amgen::generator
