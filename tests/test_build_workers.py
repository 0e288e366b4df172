"""The worker pool: workers renewed after a number of tasks never leave queued tasks waiting."""
from __future__ import annotations

import concurrent.futures as cf
import multiprocessing
import os

from baocao.build.workers import RenewingExecutor


def test_renewed_workers_run_every_queued_task():
    """CPython issue 115634: ProcessPoolExecutor(1, max_tasks_per_child=2) runs two of ten
    queued tasks and hangs. Each worker here must be replaced and all ten must run."""
    context = multiprocessing.get_context("forkserver")
    with RenewingExecutor(1, mp_context=context, max_tasks_per_child=2) as executor:
        futures = [executor.submit(os.getpid) for _ in range(10)]
        done, pending = cf.wait(futures, timeout=60)
    assert not pending
    pids = [f.result() for f in futures]
    assert len(set(pids)) == 5  # two tasks per worker, then a fresh one


def test_two_workers_renewed_under_a_backlog():
    context = multiprocessing.get_context("forkserver")
    with RenewingExecutor(2, mp_context=context, max_tasks_per_child=3) as executor:
        futures = [executor.submit(pow, i, 2) for i in range(40)]
        done, pending = cf.wait(futures, timeout=60)
    assert not pending and [f.result() for f in futures] == [i * i for i in range(40)]
