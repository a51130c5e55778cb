"""The logfail fixture (tests/conftest.py) fails a test that logs an unexpected warning."""

from __future__ import annotations

from pathlib import Path

import pytest

CONFTEST = Path(__file__).resolve().parents[1] / "conftest.py"


def test_an_unexpected_warning_fails_and_an_expected_one_does_not(
        pytester: pytest.Pytester) -> None:
    pytester.makeconftest(CONFTEST.read_text(encoding="utf-8").replace(
        'pytest_plugins = ["pytester"]', ""))
    pytester.makepyfile(test_inner='''
        import logging
        import pytest

        log = logging.getLogger("chatapp.inner")

        def test_quiet():
            log.info("fine")

        def test_unexpected():
            log.warning("the disk is on fire")

        def test_expected_by_call(logfail):
            logfail.expect("chatapp", "on fire")
            log.error("the disk is on fire")

        @pytest.mark.expect_log("chatapp.inner", "fire")
        def test_expected_by_marker():
            log.warning("the disk is on fire")

        def test_other_logger_not_covered(logfail):
            logfail.expect("chatapp.other", "fire")
            log.warning("the disk is on fire")
    ''')
    result = pytester.runpytest_subprocess("-p", "no:cacheprovider", "-q")
    # The failure is reported at teardown, once the whole test has run.
    result.assert_outcomes(passed=5, errors=2)
    result.stdout.fnmatch_lines(["*unexpected warning(s)*", "*the disk is on fire*"])
