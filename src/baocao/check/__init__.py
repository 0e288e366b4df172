"""baocao check: does a DOCX or PDF follow the Decree 30 layout (rules R1–R43 of nd30.md)?"""
from baocao.check.checker import KINDS, check_file
from baocao.check.errors import UnreadableFile
from baocao.check.report import FAIL, PASS, SKIP, Finding, Place, Report

__all__ = ["KINDS", "check_file", "UnreadableFile", "Finding", "Place", "Report", "PASS", "FAIL", "SKIP"]
