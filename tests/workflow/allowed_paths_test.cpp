// The model's allow-list.
#include "workflow/allowed_paths.hpp"

#include <doctest/doctest.h>

namespace amgen::workflow {

TEST_SUITE("workflow::allowed_paths")
{
  const std::set<std::string> k_owned = {"services/a_b_api/src/domain/rules/patient_rules.py",
                                         "services/a_b_api/tests/unit/rules/test_patient_rules.py",
                                         "services/a_r_worker/src/application/rules/remind.py"};

  TEST_CASE("workflow: model-owned rule files and their tests are allowed")
  {
    for (const auto& path : k_owned) {
      CHECK(path_refusal(path, k_owned).empty());
    }
  }

  TEST_CASE("workflow: paths leaving the project are refused")
  {
    CHECK(path_refusal("../x", k_owned) == "'../x' has an empty, '.' or '..' segment");
    CHECK(path_refusal("services/a_b_api/src/domain/rules/../../main.py", k_owned)
          == "'services/a_b_api/src/domain/rules/../../main.py' has an empty, '.' or '..' segment");
    CHECK(path_refusal("/etc/passwd", k_owned) == "'/etc/passwd' is not a relative project path");
    CHECK(path_refusal("C:\\x.py", k_owned) == "'C:\\x.py' is not a relative project path");
    CHECK(path_refusal("", k_owned) == "empty path");
  }

  TEST_CASE("workflow: files outside the rule patterns and unknown rule files are refused")
  {
    CHECK(path_refusal("infrastructure/nginx/nginx.conf", k_owned)
          == "'infrastructure/nginx/nginx.conf' is not a business-rule file "
             "(services/<service>/src/application/rules/*.py, services/<service>/src/domain/rules/*.py, "
             "services/<service>/tests/unit/rules/test_*.py)");
    CHECK(path_refusal("services/a_b_api/tests/unit/rules/patient_rules.py", k_owned)
            .starts_with("'services/a_b_api/tests/unit/rules/patient_rules.py' is not a business-rule file"));
    CHECK(path_refusal("services/a_b_api/src/domain/rules/doctor_rules.py", k_owned)
          == "'services/a_b_api/src/domain/rules/doctor_rules.py' is not a model-owned file of this project");
  }
}

} // namespace amgen::workflow
