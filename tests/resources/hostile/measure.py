"""Run a command and print, as JSON, its exit status, wall time, peak memory and output.

Usage: python measure.py TIMEOUT_S COMMAND [ARG …]

The peak is the largest resident set of the command and of everything it forked (``wait4``). Run
this script as a process of its own: a process started straight from a large one (a test runner
holding hundreds of MiB) is charged that process's memory at its start, so the figure would say
more about the runner than about the command.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import time


def main() -> int:
    timeout, argv = float(sys.argv[1]), sys.argv[2:]
    with tempfile.TemporaryFile() as sink:
        start = time.monotonic()
        proc = subprocess.Popen(argv, stdout=sink, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL)
        stopped = False
        while True:
            pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
            if pid:
                break
            if time.monotonic() - start > timeout:
                proc.kill()
                pid, status, usage = os.wait4(proc.pid, 0)
                stopped = True
                break
            time.sleep(0.01)
        wall = time.monotonic() - start
        sink.seek(0)
        output = sink.read().decode("utf-8", "replace")
    json.dump({"status": None if stopped else os.waitstatus_to_exitcode(status), "wall_s": wall,
               "peak_bytes": usage.ru_maxrss * 1024, "output": output}, sys.stdout, ensure_ascii=False)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
