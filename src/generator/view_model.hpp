// The view model: everything templates print, precomputed from the Model (names in every spelling,
// Python literals already escaped, per-feature flags, pre-filtered lists). Templates hold no logic.
#pragma once

#include "generator/levels.hpp"
#include "generator/model.hpp"

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

namespace amgen::generator {

/// The root view model of a project (keys documented in docs/view-model.md).
[[nodiscard]] nlohmann::ordered_json build_view_model(const Model& model, const LevelsTable& levels,
                                                      std::string_view amgen_version);

/// One entity's view (`entity_*` keys) and one field's view (`field_*` keys).
[[nodiscard]] nlohmann::ordered_json entity_view(const Model& model, const Entity& entity);
[[nodiscard]] nlohmann::ordered_json field_view(const Entity& entity, const Field& field);
/// Messaging views (view_model_messaging.cpp): one event, job or command, and the keys they add to a service's
/// view and to the root.
[[nodiscard]] nlohmann::ordered_json event_view(const Model& model, const Event& event);
[[nodiscard]] nlohmann::ordered_json job_view(const Model& model, const Service& service, const Job& job);
[[nodiscard]] nlohmann::ordered_json command_view(const Model& model, const Command& command);
void add_messaging_service_keys(const Model& model, const Service& service, nlohmann::ordered_json& view);
void add_messaging_root_keys(const Model& model, nlohmann::ordered_json& root);

/// The enum class generated for an enum field (`AppointmentStatus`), empty for other types.
[[nodiscard]] std::string enum_class_name(const std::string& entity_name, const Field& field);

} // namespace amgen::generator
