"""A task given to several bodies at once ("Giao Bộ Giáo dục và Đào tạo, Bộ Y tế nghiên cứu …",
"Các Bộ, cơ quan: Tài chính, Xây dựng, … khẩn trương …"), on the real 648/TB-VPCP: it is a task
of each body, as follow-up reports count it, so each gets it in its extract, its briefing rows
and its calendar, with an identifier of its own."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from rendered import ROOT
from test_extract_settings import extracts_of, texts

from baocao.data.validate import load_notice
from baocao.documents.notice import build_document
from baocao.documents.tasks import notice_tasks
from baocao.documents.wording import Wording, templates_dir
from baocao.settings import layout_for

NOTICE = ROOT / "tests" / "resources" / "real" / "vpcp-648-2025-dien-bien.yaml"
EIGHT = ["bo-tai-chinh", "bo-xay-dung", "bo-nong-nghiep-va-moi-truong", "bo-van-hoa-the-thao-va-du-lich",
         "bo-cong-thuong", "bo-giao-duc-va-dao-tao", "bo-ngoai-giao", "tap-doan-dien-luc-viet-nam"]


def _tasks(path: Path):
    notice, registry, _ = load_notice(path)
    doc = build_document(notice, registry, layout_for(notice, path.parent, path), Wording(templates_dir()))
    return notice_tasks(notice, registry, doc)


def test_one_task_per_body_with_its_own_identifier():
    tasks = _tasks(NOTICE)
    by_number: dict[str, list] = {}
    for t in tasks:
        by_number.setdefault(t.number, []).append(t)
    assert [t.lead for t in by_number["II.8"]] == EIGHT
    assert [t.lead for t in by_number["II.6"]] == ["bo-giao-duc-va-dao-tao", "bo-y-te"]
    assert len({t.id for t in tasks}) == len(tasks) == 14
    # the same words, so the same digest: the identifiers differ by their lead only
    assert len({t.id.rsplit("-", 1)[1] for t in by_number["II.8"]}) == 1
    assert {t.text for t in by_number["II.8"]} == {by_number["II.8"][0].text}


def test_a_fixed_identifier_is_shared_out_by_lead(tmp_path):
    text = NOTICE.read_text(encoding="utf-8").replace(
        "          chu_tri: bo-giao-duc-va-dao-tao\n          dong_chu_tri: [bo-y-te]\n",
        "          ma: long-ghep-ctmtqg\n          chu_tri: bo-giao-duc-va-dao-tao\n          dong_chu_tri: [bo-y-te]\n")
    assert "ma: long-ghep-ctmtqg" in text
    path = tmp_path / NOTICE.name
    path.write_text(text, encoding="utf-8")
    ids = [t.id for t in _tasks(path) if t.number == "II.6"]
    assert ids == ["long-ghep-ctmtqg", "long-ghep-ctmtqg-bo-y-te"]


@pytest.fixture(scope="module")
def extracts(tmp_path_factory):
    folder = tmp_path_factory.mktemp("tb648")
    shutil.copy(NOTICE, folder / NOTICE.name)
    return extracts_of(folder / NOTICE.name)


@pytest.mark.parametrize("agency", EIGHT)
def test_every_body_of_the_eight_gets_point_8_as_its_own_task(extracts, agency):
    extract = extracts[agency]
    assert any(t.number == "II.8" for t in extract.lead_tasks)
    assert any(p.startswith("8. Các Bộ, cơ quan: Tài chính, Xây dựng") for p in texts(extract))


def test_a_co_lead_gets_only_what_concerns_it(extracts):
    health = extracts["bo-y-te"]
    assert [t.number for t in health.lead_tasks] == ["II.6"]
    paragraphs = texts(health)
    assert any(p.startswith("6. Về việc lồng ghép") for p in paragraphs)
    assert any(p.startswith("1. Về hỗ trợ kinh phí") for p in paragraphs)        # coordinator of 1.
    assert not any(p.startswith("8. Các Bộ") for p in paragraphs)
