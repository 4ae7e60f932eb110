// Tests of generator/names: spellings, plurals and Python string literal escaping.
#include "generator/names.hpp"

#include <doctest/doctest.h>

using namespace amgen::generator;

TEST_SUITE("generator::names")
{
  TEST_CASE("PascalCase becomes snake_case, acronyms kept together")
  {
    CHECK(snake_from_pascal("LoanApplication") == "loan_application");
    CHECK(snake_from_pascal("HTTPRequest") == "http_request");
    CHECK(snake_from_pascal("Patient2Doctor") == "patient2_doctor");
  }

  TEST_CASE("snake_case becomes Pascal, kebab, SCREAMING and words")
  {
    CHECK(pascal_from_snake("loan_application") == "LoanApplication");
    CHECK(kebab_from_snake("loan_application") == "loan-application");
    CHECK(screaming_from_snake("loan_application") == "LOAN_APPLICATION");
    CHECK(title_from_snake("healthcare_clinic_api") == "Healthcare Clinic Api");
  }

  TEST_CASE("the last word of a name is pluralised")
  {
    CHECK(plural_snake("patient") == "patients");
    CHECK(plural_snake("loan_category") == "loan_categories");
    CHECK(plural_snake("day") == "days");
    CHECK(plural_snake("address") == "addresses");
    CHECK(plural_snake("tax_box") == "tax_boxes");
  }

  TEST_CASE("snake_case and PascalCase checks reject separators, quotes and dots")
  {
    CHECK(is_snake_case("full_name"));
    CHECK_FALSE(is_snake_case("Full_name"));
    CHECK_FALSE(is_snake_case("full__name"));
    CHECK_FALSE(is_snake_case("full_name_"));
    CHECK_FALSE(is_snake_case("../etc"));
    CHECK(is_pascal_case("Patient"));
    CHECK_FALSE(is_pascal_case("patient"));
    CHECK_FALSE(is_pascal_case("Pa-tient"));
  }

  TEST_CASE("Python string literals escape quotes, backslashes, triple quotes and control characters")
  {
    CHECK(python_string_literal("plain") == "\"plain\"");
    CHECK(python_string_literal("say \"hi\"") == "'say \"hi\"'");
    CHECK(python_string_literal("it's \"x\" and 'y'") == "\"it's \\\"x\\\" and 'y'\"");
    CHECK(python_string_literal("a\\b") == "\"a\\\\b\"");
    CHECK(python_string_literal("\"\"\"doc\"\"\"") == "'\"\"\"doc\"\"\"'");
    CHECK(python_string_literal("line\nnext\ttab\x01") == "\"line\\nnext\\ttab\\x01\"");
    CHECK(python_string_literal("café ☕") == "\"café ☕\"");
  }

  TEST_CASE("white space collapses to single spaces")
  {
    CHECK(collapse_whitespace("  a \n\t b  ") == "a b");
  }
}

TEST_SUITE("generator::names")
{
  TEST_CASE("PostgreSQL identifiers over 63 bytes are cut and suffixed with a hash")
  {
    CHECK(postgres_identifier("uniq_patients_email") == "uniq_patients_email");
    const std::string long_name = "uniq_" + std::string(70, 'x');
    const auto shortened = postgres_identifier(long_name);
    CHECK(shortened.size() == 63);
    CHECK(shortened.substr(0, 57) == long_name.substr(0, 56) + "_");
    CHECK(shortened != postgres_identifier("uniq_" + std::string(71, 'x')));
  }

  TEST_CASE("text for a docstring stays on one line with backslashes and double quotes escaped")
  {
    CHECK(python_docstring_text("Say \"hi\"\n  to C:\\x \"\"\" end\\") ==
          "Say \\\"hi\\\" to C:\\\\x \\\"\\\"\\\" end\\\\");
  }
}
