// Where template files come from: an override directory first (`--templates DIR`), then the embedded set.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

namespace amgen::generator {

class TemplateStore
{
public:
  /// The templates compiled into the binary.
  [[nodiscard]] static TemplateStore embedded();
  /// The embedded templates with every file under `directory` laid over them, file by file.
  /// Throws amgen::Error when `directory` is not a readable directory.
  [[nodiscard]] static TemplateStore with_override(const std::string& directory);

  /// The text of `path` (relative to the template root, '/'-separated), or nothing.
  [[nodiscard]] const std::string* find(const std::string& path) const;
  /// How diagnostics should name `path`: `templates/<path>` or `<override dir>/<path>`.
  [[nodiscard]] std::string display_name(const std::string& path) const;
  /// Top-level folders that hold a `manifest.yaml`, sorted.
  [[nodiscard]] std::vector<std::string> manifest_folders() const;

private:
  struct StoredFile
  {
    std::string content;
    std::string origin; ///< Directory prefix used in diagnostics.
  };
  std::map<std::string, StoredFile> m_files;
};

} // namespace amgen::generator
