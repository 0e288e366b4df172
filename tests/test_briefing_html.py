"""The briefing's HTML page in a real browser (headless Chromium): it loads with no console error
and makes no network request; a screenshot is kept for a person to look at.

The page is served from a local server that is also the browser's proxy, so every request the
page could make — a relative file, an absolute http(s) URL, the favicon — reaches the server and
is recorded. A control page that breaks each rule shows the harness catches it. Chromium itself
opens connections of its own at start-up (component updater, account service, network time)
whatever page it shows; those hosts are set aside, and the page is checked not to name them.
"""
from __future__ import annotations

import http.server
import shutil
import subprocess
import threading
from pathlib import Path

import pytest
from briefing_build import SEED, built

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
BROWSER_OWN = ("update.googleapis.com", "accounts.google.com", "clients2.google.com")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run", "--no-default-browser-check",
         "--disable-features=NetworkTimeServiceQuerying,OptimizationHints,MediaRouter,Translate",
         "--disable-client-side-phishing-detection", "--disable-default-apps", "--disable-extensions",
         "--no-pings", "--disable-domain-reliability", "--enable-logging=stderr", "--v=0",
         "--window-size=1280,1600", "--virtual-time-budget=5000"]

pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed (scripts/run.sh test installs it)")


def open_in_chromium(page: bytes, tmp_path: Path) -> tuple[list[str], list[str], Path]:
    """(requests other than the page, console messages, screenshot) of *page* in Chromium."""
    seen: list[str] = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802
            if self.path.endswith("/bao-cao-tom-tat.html"):
                self.send_response(200)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.send_header("Content-Length", str(len(page)))
                self.end_headers()
                self.wfile.write(page)
                return
            seen.append(self.path)
            self.send_response(404)
            self.end_headers()

        def do_CONNECT(self):  # noqa: N802
            seen.append(f"CONNECT {self.path}")
            self.send_response(403)
            self.end_headers()

        do_POST = do_GET

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    port = server.server_address[1]
    threading.Thread(target=server.serve_forever, daemon=True).start()
    shot = tmp_path / "bao-cao-tom-tat.png"
    try:
        run = subprocess.run([CHROMIUM, *FLAGS, f"--user-data-dir={tmp_path / 'profile'}",
                              f"--proxy-server=http://127.0.0.1:{port}", "--proxy-bypass-list=<-loopback>",
                              f"--screenshot={shot}", f"http://127.0.0.1:{port}/bao-cao-tom-tat.html"],
                             capture_output=True, text=True, timeout=180)
    finally:
        server.shutdown()
        server.server_close()
    assert run.returncode == 0, run.stderr[-2000:]
    console = [line for line in run.stderr.splitlines() if ":CONSOLE" in line]
    return [s for s in seen if _host(s) not in BROWSER_OWN], console, shot


def _host(request: str) -> str:
    """The host a recorded request goes to: "CONNECT host:443" or an absolute URL; "" for a
    request to the page's own server."""
    target = request.removeprefix("CONNECT ")
    if target.startswith(("http://", "https://")):
        target = target.split("://", 1)[1]
    return "" if target.startswith("/") else target.split("/", 1)[0].split(":", 1)[0]


def test_the_harness_catches_requests_and_console_errors(tmp_path):
    control = (b'<!DOCTYPE html><html><head><meta charset="utf-8"></head><body><p>x</p>'
               b'<img src="http://example.invalid/a.png"><img src="anh.png">'
               b'<script>console.error("loi")</script></body></html>')
    requests, console, _shot = open_in_chromium(control, tmp_path)
    assert "http://example.invalid/a.png" in requests and any(r.endswith("/anh.png") for r in requests)
    assert any(r.endswith("/favicon.ico") for r in requests)
    assert any('"loi"' in line for line in console)


def test_briefing_page_loads_offline_without_console_errors(tmp_path):
    page = (built() / SEED / "bao-cao-tom-tat.html").read_bytes()
    assert not any(host.encode() in page for host in BROWSER_OWN) and b"google" not in page
    requests, console, shot = open_in_chromium(page, tmp_path)
    assert requests == [] and console == []
    assert shot.stat().st_size > 50_000
    keep = Path("/tmp/baocao-screenshots")
    keep.mkdir(exist_ok=True)
    shutil.copy(shot, keep / "bao-cao-tom-tat.png")
