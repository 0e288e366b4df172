"""The child process each file is checked in: the answer comes back, and the time and memory
limits stop what no check inside the child can stop."""
from __future__ import annotations

import os
import time
from dataclasses import replace

import pytest

from baocao.check import isolate
from baocao.check.errors import UnreadableFile
from baocao.check.limits import DEFAULT_LIMITS, LimitExceeded
from baocao.check.report import FAIL, Finding, Place, Report

pytestmark = pytest.mark.skipif(not isolate.available(), reason="needs fork and /proc")


def test_the_report_comes_back_from_the_child():
    report = Report(path="a.pdf", kind="thong-bao", fmt="pdf",
                    findings=[Finding("R17", FAIL, Place(page=1, excerpt="ngày 5"), "thiếu số 0")])
    parent = os.getpid()
    back = isolate.run("a.pdf", DEFAULT_LIMITS, lambda: (report, os.getpid()))
    assert back[0] == report and back[1] != parent


def test_a_refusal_in_the_child_is_a_refusal_in_the_parent():
    def refuse():
        raise UnreadableFile("a.pdf", "tệp PDF không có trang nào")

    with pytest.raises(UnreadableFile, match="không có trang nào"):
        isolate.run("a.pdf", DEFAULT_LIMITS, refuse)


def test_a_bug_in_the_child_is_reported_as_one():
    with pytest.raises(isolate.CheckCrashed, match="ZeroDivisionError"):
        isolate.run("a.pdf", DEFAULT_LIMITS, lambda: 1 / 0)


def test_a_child_that_dies_is_an_unreadable_file():
    with pytest.raises(UnreadableFile, match="dừng bất thường"):
        isolate.run("a.pdf", DEFAULT_LIMITS, os.abort)


def test_work_past_the_time_limit_is_killed():
    limits = replace(DEFAULT_LIMITS, seconds=0.2)
    start = time.monotonic()
    with pytest.raises(LimitExceeded, match="quá 0 giây|quá 0,2 giây"):
        isolate.run("a.pdf", limits, lambda: time.sleep(60))
    assert time.monotonic() - start < 0.2 + isolate.GRACE_S + 2


def test_work_past_the_memory_limit_is_killed():
    limits = replace(DEFAULT_LIMITS, memory_bytes=64 << 20)

    def grow():
        blocks = []
        while True:
            blocks.append(bytearray(8 << 20))      # zero-filled: every page is touched

    start = time.monotonic()
    with pytest.raises(LimitExceeded, match="64 MiB bộ nhớ"):
        isolate.run("a.pdf", limits, grow)
    assert time.monotonic() - start < 10
