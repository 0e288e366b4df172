"""A file that is not a data file at all, given where one is expected, is refused without
quoting its lines (``--cai-dat /etc/shadow`` must not print the password hashes)."""
from __future__ import annotations

import io

from baocao.cli import main

SHADOW = ("root:$6$Vx9/secret-hash-root$abcdefghijklmnop:20228:0:99999:7:::\n"
          "daemon:*:20228:0:99999:7:::\n"
          "clerk:$6$Qq/secret-hash-clerk$qrstuvwxyz012345:20263:0:99999:7:::\n")


def run(*argv):
    out, err = io.StringIO(), io.StringIO()
    status = main(list(argv), out, err)
    return status, out.getvalue() + err.getvalue()


def _secrets(text: str) -> list[str]:
    return [word for word in ("secret-hash", "root:", "daemon:", "clerk:", "20228") if word in text]


def test_a_shadow_file_as_settings_is_refused_without_its_lines(tmp_path):
    shadow = tmp_path / "shadow"
    shadow.write_text(SHADOW)
    status, text = run("check", "--cai-dat", str(shadow), str(tmp_path / "x.pdf"))
    assert status == 2
    assert "không phải tệp cài đặt" in text and str(shadow) in text
    assert _secrets(text) == []


def test_a_shadow_file_as_a_notice_names_lines_not_their_text(tmp_path):
    shadow = tmp_path / "shadow.yaml"
    shadow.write_text(SHADOW)
    status, text = run("validate", str(shadow))
    assert status == 2
    assert f"{shadow}:1:1" in text and "không phải một khóa" in text
    assert _secrets(text) == []


def test_a_settings_key_with_a_typo_is_still_quoted_with_a_suggestion(tmp_path):
    settings = tmp_path / "cai-dat.yaml"
    settings.write_text("trinh_bya:\n  le_trai: 30\n")
    status, text = run("check", "--cai-dat", str(settings), str(tmp_path / "x.pdf"))
    assert status == 2
    assert "'trinh_bya'" in text and "có phải ý bạn là 'trinh_bay'?" in text
