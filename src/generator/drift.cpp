// Drift: template-owned files compared with a fresh render; user- and model-owned files left alone.
#include "generator/drift.hpp"

#include "generator/unified_diff.hpp"

#include <algorithm>
#include <set>

namespace amgen::generator {

namespace {
constexpr const char* k_record = ".amgen/project.json";
} // namespace

DriftReport compare_with_render(const std::vector<RenderedFile>& rendered,
                                const std::vector<std::string>& recorded_template_files, const FileReader& read)
{
  DriftReport report;
  std::set<std::string> rendered_paths;
  for (const auto& file : rendered) {
    rendered_paths.insert(file.path);
    if (file.path == k_record) {
      continue;
    }
    if (file.owner != Owner::template_owned) {
      report.skipped.push_back(file.path);
      continue;
    }
    const auto on_disk = read(file.path);
    if (!on_disk) {
      report.missing.push_back(file.path);
    } else if (*on_disk != file.content) {
      report.drifted.push_back({file.path, unified_diff(file.content, *on_disk, "a/" + file.path, "b/" + file.path)});
    }
  }
  for (const auto& path : recorded_template_files) {
    if (path != k_record && !rendered_paths.contains(path) && read(path)) {
      report.extra.push_back(path);
    }
  }
  std::sort(report.extra.begin(), report.extra.end());
  return report;
}

} // namespace amgen::generator
