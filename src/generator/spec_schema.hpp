// The JSON Schema of `amgen.yaml`, for editors (`amgen schema`) and for the docs' spec reference.
#pragma once

#include "generator/levels.hpp"

#include <nlohmann/json.hpp>

namespace amgen::generator {

[[nodiscard]] nlohmann::ordered_json spec_json_schema(const LevelsTable& levels);

} // namespace amgen::generator
