// The spec the model returns as JSON, written as the `amgen.yaml` a person would write: block style,
// top-level keys in the documented order, key order of the reply kept below that.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

namespace amgen::workflow {

[[nodiscard]] std::string spec_yaml(const nlohmann::ordered_json& spec);

} // namespace amgen::workflow
