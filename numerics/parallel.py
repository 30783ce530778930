"""Run independent tasks in order: inline, in local processes, or on a Dask cluster.

``verify`` runs one task per result and the streaming Monte Carlo
(:mod:`~modelcollapse.numerics.streaming`) one task per batch of chains. Every task draws from
its own random stream, fixed by the root seed and the task (never by the worker that runs it),
and :func:`run_tasks` returns the answers in task order, so the numbers are identical whatever
the backend and the number of workers.

Backends:

* ``"local"`` with ``workers=1``: a plain loop in this process;
* ``"local"`` with ``workers=N``: N processes started afresh (the ``spawn`` start method, safe
  with threads and on every platform); each imports the package, so tasks must name registered
  results or carry their own (picklable) data;
* ``"dask"``: a Dask cluster, ``dask.distributed.LocalCluster`` with ``workers`` processes
  unless ``scheduler`` gives the address of a running scheduler
  (``pip install "modelcollapse[dask]"``; every worker needs the package installed).

Examples
--------
>>> run_tasks(pow, [(2, 3), (3, 2)])
[8, 9]
"""

from __future__ import annotations

import os
from typing import Callable


BACKENDS = ("local", "dask")


def available_cpus() -> int:
    """CPUs this process may run on."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def check_backend(backend: str, workers, scheduler=None) -> tuple[str, int]:
    """Validated (backend, workers); ValueError naming the bad argument."""
    if backend not in BACKENDS:
        raise ValueError(f"backend must be one of {', '.join(BACKENDS)}, got {backend!r}")
    from modelcollapse.theory.assumptions import check_int  # (here: a worker importing this module stays light)
    workers = check_int("workers", workers, lower=1, upper=1024)
    if scheduler is not None and backend != "dask":
        raise ValueError("scheduler: an address is only used with backend 'dask'")
    if backend == "dask":
        dask_client_class()  # ValueError naming the backend when Dask is missing
    return backend, workers


def dask_client_class():
    """``dask.distributed.Client``, or ValueError saying how to install it."""
    try:
        from dask.distributed import Client
    except ImportError:
        raise ValueError('backend: dask is not installed (pip install "modelcollapse[dask]")') from None
    return Client


def longest_first(costs) -> list:
    """Task indices by decreasing cost, ties in task order: handed out in this order, the longest
    tasks start first and the short ones fill the gaps, so the workers finish close together.

    >>> longest_first([1, 5, 2, 5])
    [1, 3, 2, 0]
    """
    return sorted(range(len(costs)), key=lambda i: (-costs[i], i))


def groups_by_cost(costs, groups) -> list:
    """Task indices of each group (a key per task), costliest group first, each group's tasks longest
    first: handed out whole to whichever process is free, so what a group's tasks share (a model's
    derivations) is computed once, and the short groups fill the gaps at the end.

    >>> groups_by_cost([4, 1, 3, 2], ["a", "b", "a", "c"])
    [[0, 2], [3], [1]]
    """
    if len(groups) != len(costs):
        raise ValueError(f"groups: one per task ({len(costs)}), got {len(groups)}")
    totals = {}
    for i, g in enumerate(groups):
        totals[g] = totals.get(g, 0) + costs[i]
    order = longest_first(costs)
    return [[i for i in order if groups[i] == g] for g in sorted(totals, key=lambda g: -totals[g])]


def _run_group(function, items, answers):
    """One group's tasks ``(index, args)`` in this process, each answer put on ``answers`` when ready."""
    for i, args in items:
        answers.put((i, function(*args)))


def run_tasks(function: Callable, arguments: list, workers: int = 1, backend: str = "local",
              scheduler: str | None = None, progress: Callable[[int, object], None] | None = None,
              costs: list | None = None, groups: list | None = None) -> list:
    """``[function(*args) for args in arguments]``, possibly in parallel; answers in task order.

    Parameters
    ----------
    function : callable
        A module-level function (it is pickled by name for other processes).
    arguments : list of tuples
    workers : int >= 1
        Processes (local) or Dask workers of a local cluster.
    backend : "local" or "dask"
    scheduler : str, optional
        Address of a running Dask scheduler (``tcp://host:8786``); default: a local cluster.
    progress : callable, optional
        Called as ``progress(index, answer)`` as each task finishes (in completion order).
    costs : list of numbers, optional
        Expected cost of each task (seconds, say): in parallel, tasks are handed out longest first
        (:func:`longest_first`); the answers stay in task order.
    groups : list, optional
        A key per task (local processes only): the tasks of one group run in one process, the
        whole groups handed out costliest first to whichever process is free (:func:`groups_by_cost`
        on ``costs``, default 1 each).
    """
    backend, workers = check_backend(backend, workers, scheduler)
    arguments = [tuple(a) for a in arguments]
    done = progress or (lambda i, answer: None)
    if costs is not None and len(costs) != len(arguments):
        raise ValueError(f"costs: one per task ({len(arguments)}), got {len(costs)}")
    order = longest_first(costs) if costs is not None else list(range(len(arguments)))
    if backend == "dask":
        return _run_dask(function, arguments, workers, scheduler, done, order)
    if workers == 1 or len(arguments) <= 1:
        out = []
        for i, args in enumerate(arguments):
            out.append(function(*args))
            done(i, out[-1])
        return out
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor, as_completed

    out = [None] * len(arguments)
    context = multiprocessing.get_context("spawn")
    if groups is not None:
        return _run_groups(function, arguments, groups_by_cost(costs or [1.0] * len(arguments), groups),
                           workers, context, done)
    pool = ProcessPoolExecutor(max_workers=min(workers, len(arguments)), mp_context=context)
    try:
        futures = {pool.submit(function, *arguments[i]): i for i in order}
        for future in as_completed(futures):
            i = futures[future]
            out[i] = future.result()
            done(i, out[i])
    finally:
        pool.shutdown(cancel_futures=True)
    return out



def _run_groups(function, arguments, ordered_groups, workers, context, done) -> list:
    """The tasks in ``workers`` processes, each taking the next whole group when it is free (so a
    process that drew cheap groups takes more of them); every answer reported as it arrives."""
    import queue
    from concurrent.futures import ProcessPoolExecutor

    out, received = [None] * len(arguments), 0
    with context.Manager() as manager:
        answers = manager.Queue()
        pool = ProcessPoolExecutor(max_workers=min(workers, len(ordered_groups)), mp_context=context)
        try:
            futures = [pool.submit(_run_group, function, [(i, arguments[i]) for i in group], answers)
                       for group in ordered_groups]
            while received < len(arguments):
                try:
                    i, answer = answers.get(timeout=0.2)
                except queue.Empty:
                    for future in futures:
                        if future.done() and future.exception() is not None:
                            raise future.exception()
                    continue
                out[i], received = answer, received + 1
                done(i, answer)
        finally:
            pool.shutdown(cancel_futures=True)
    return out

def _run_dask(function, arguments, workers, scheduler, done, order):
    Client = dask_client_class()
    from dask.distributed import LocalCluster, as_completed

    cluster = None
    if scheduler is None:
        cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=":0")
        client = Client(cluster)
    else:
        client = Client(scheduler)
    try:
        # Earlier submissions get a higher priority: the longest tasks start first.
        futures = {i: client.submit(function, *arguments[i], pure=False, priority=len(order) - rank)
                   for rank, i in enumerate(order)}
        index = {f.key: i for i, f in futures.items()}
        out = [None] * len(arguments)
        for future in as_completed(list(futures.values())):
            i = index[future.key]
            out[i] = future.result()
            done(i, out[i])
        return out
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


__all__ = ["run_tasks", "longest_first", "groups_by_cost", "available_cpus", "check_backend", "BACKENDS"]
