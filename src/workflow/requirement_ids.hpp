// Requirement ids of the intake: `FR-001`, `UI-001`, `NF-001`, three digits, one sequence per kind,
// assigned in order from 001, unique.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace amgen::workflow {

/// Every problem with the ids of `requirements` (a list of {id, kind, ...}), in list order; empty when valid.
[[nodiscard]] std::vector<std::string> requirement_id_errors(const nlohmann::json& requirements);

/// The ids of `requirements` whose kind is `kind` (FR, UI or NF), in list order.
[[nodiscard]] std::vector<std::string> requirement_ids_of_kind(const nlohmann::json& requirements,
                                                                const std::string& kind);

} // namespace amgen::workflow
