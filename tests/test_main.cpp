// The doctest runner of amgen's unit and golden tests, with a listener that remembers whether the
// running test case has failed (TempDir keeps its directory then).
#define DOCTEST_CONFIG_IMPLEMENT_WITH_MAIN
#include "support/temp_dir.hpp"

#include <doctest/doctest.h>

namespace amgen::test {

bool g_current_test_failed = false;

namespace {

struct FailureListener : doctest::IReporter
{
  explicit FailureListener(const doctest::ContextOptions&) {}
  void report_query(const doctest::QueryData&) override {}
  void test_run_start() override {}
  void test_run_end(const doctest::TestRunStats&) override {}
  void test_case_start(const doctest::TestCaseData&) override { g_current_test_failed = false; }
  void test_case_reenter(const doctest::TestCaseData&) override {}
  void test_case_end(const doctest::CurrentTestCaseStats&) override {}
  void test_case_exception(const doctest::TestCaseException&) override { g_current_test_failed = true; }
  void subcase_start(const doctest::SubcaseSignature&) override {}
  void subcase_end() override {}
  void log_assert(const doctest::AssertData& data) override
  {
    if (data.m_failed) {
      g_current_test_failed = true;
    }
  }
  void log_message(const doctest::MessageData&) override {}
  void test_case_skipped(const doctest::TestCaseData&) override {}
};

} // namespace
} // namespace amgen::test

REGISTER_LISTENER("failure_listener", 1, amgen::test::FailureListener);
