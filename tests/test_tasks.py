"""Tasks of a built notice: their printed words, numbers and identifiers that survive renumbering."""
from __future__ import annotations

from rendered import DATA, loaded

from baocao.documents.notice import build_document
from baocao.documents.tasks import notice_tasks
from baocao.documents.wording import Wording, templates_dir


def tasks_of(notice, registry, layout):
    doc = build_document(notice, registry, layout, Wording(templates_dir()))
    return doc, notice_tasks(notice, registry, doc)


def test_seed_tasks_have_their_printed_words_and_numbers():
    notice, registry, layout = loaded(DATA / "thong-bao-15-tb-vpcp.yaml")
    doc, tasks = tasks_of(notice, registry, layout)
    by_number = {t.number: t for t in tasks}
    fta = by_number["5.b.(i)"]
    assert fta.lead_name == "Bộ Công Thương" and [str(d) for d in fta.deadlines] == ["2026-Q1"]
    assert fta.text.startswith("Lên lộ trình đàm phán") and fta.text.endswith("không để mất uy tín với đối tác")
    assert fta.text in doc.text  # the words are the printed ones
    assert by_number["5.h"].coordinator_names == ("Văn phòng Chính phủ",)
    assert len({t.id for t in tasks}) == len(tasks)


def test_identifiers_do_not_depend_on_numbering():
    notice, registry, layout = loaded(DATA / "thong-bao-15-tb-vpcp.yaml")
    _doc, before = tasks_of(notice, registry, layout)
    # The same notice with its first khoản removed: every later number shifts, no identifier does.
    body = notice.body.model_copy(update={"clauses": notice.body.clauses[1:]})
    shifted = notice.model_copy(update={"body": body})
    _doc, after = tasks_of(shifted, registry, layout)
    assert [t.id for t in after] == [t.id for t in before]
    assert [t.number for t in after] != [t.number for t in before]
    assert after[0].number.startswith("4.") and before[0].number.startswith("5.")
