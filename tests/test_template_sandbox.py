"""A project template from a pull request can produce text and nothing else.

Each template below reaches, the way published Jinja exploits do, for Python internals that lead to
``os.system``; through the real command (``baocao build --templates DIR``) each must end in a
template error (exit status 3) naming the template and its line, run nothing (the command would
have created a file) and write nothing.
"""
from __future__ import annotations

import io
import shutil
from pathlib import Path

import pytest

from baocao.cli import main
from baocao.documents.wording import PACKAGE_TEMPLATES

GOOD = Path(__file__).parent / "resources" / "good"

PAYLOADS = {
    "cycler": "{{ cycler.__init__.__globals__.os.system('touch MARKER') }}",
    "joiner": "{{ joiner.__init__.__globals__.os.system('touch MARKER') }}",
    "namespace": "{{ namespace.__init__.__globals__.os.system('touch MARKER') }}",
    "lipsum": "{{ lipsum.__globals__['os'].system('touch MARKER') }}",
    "subclasses": "{% for c in ''.__class__.__mro__[1].__subclasses__() %}{% if c.__name__ == 'Popen' %}"
                  "{{ c(['touch', 'MARKER']) }}{% endif %}{% endfor %}",
    "self": "{{ self._TemplateReference__context.cycler.__init__.__globals__.os.system('touch MARKER') }}",
    "attr-filter": "{{ cycler|attr('__init__')|attr('__globals__') }}",
    "format": "{{ '{0.__init__.__globals__}'.format(cycler) }}",
}


@pytest.mark.parametrize("name", PAYLOADS)
def test_a_template_reaching_for_python_internals_is_a_template_error_and_runs_nothing(name, tmp_path):
    project = tmp_path / "project"
    shutil.copytree(GOOD, project)
    templates = tmp_path / "mau"
    templates.mkdir()
    original = (PACKAGE_TEMPLATES / "notice.html.j2").read_text(encoding="utf-8")
    marker = tmp_path / "MARKER"
    payload = PAYLOADS[name].replace("MARKER", str(marker))
    lines = original.split("\n")
    lines.insert(5, payload)                      # line 6 of the template
    (templates / "notice.html.j2").write_text("\n".join(lines), encoding="utf-8")
    out = tmp_path / "out"
    stdout, stderr = io.StringIO(), io.StringIO()
    status = main(["build", str(project / "toi-thieu.yaml"), "--out", str(out), "--templates", str(templates)],
                  stdout, stderr)
    said = stdout.getvalue() + stderr.getvalue()
    assert status == 3, said
    assert f"Lỗi mẫu văn bản {templates / 'notice.html.j2'}:6" in said
    assert "Traceback" not in said and "lỗi nội bộ" not in said
    assert not marker.exists()
    assert not out.exists() or not any(out.rglob("*"))
