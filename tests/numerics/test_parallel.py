"""Workers and the Dask backend give the same numbers as one worker for the same seed."""

import numpy as np
import pytest

from modelcollapse.numerics import streaming as S
from modelcollapse.numerics.parallel import run_tasks
from modelcollapse.numerics.verify import verify

IDS = ["poisson.mean", "exponential.rate"]


def _report(**kw):
    return verify(ids=IDS, quick=True, chains=300, seed=3, use_cache=False, **kw).outcome()


def _same(a, b):
    assert a.chains == b.chains and a.generations == b.generations and set(a.moments) == set(b.moments)
    for name in a.moments:
        for field in ("mean", "m2", "m3", "m4"):
            assert np.array_equal(getattr(a.moments[name], field), getattr(b.moments[name], field)), (name, field)


def _simulation(**kw):
    return S.stream_gaussian(n=6, t=4, chains=5000, ddof=1, seed=21, batch_chains=1024, **kw)


def test_local_processes_give_the_numbers_of_one_worker():
    # (verify's tasks run through the same run_tasks: checked on the Dask cluster below)
    _same(_simulation(workers=2), _simulation())


@pytest.fixture(scope="module")
def dask_scheduler():
    distributed = pytest.importorskip("dask.distributed")
    cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0")
    yield cluster.scheduler_address
    cluster.close()


def test_dask_cluster_gives_the_numbers_of_one_worker(dask_scheduler):
    _same(_simulation(backend="dask", scheduler=dask_scheduler), _simulation())
    c = dict(p0=[0.6, 0.4], n=7, t=3, chains=3000, seed=2, batch_chains=1000)
    _same(S.stream_categorical(backend="dask", scheduler=dask_scheduler, **c), S.stream_categorical(**c))
    assert _report(backend="dask", scheduler=dask_scheduler, workers=2) == _report()


def test_dask_local_cluster_by_default():
    pytest.importorskip("dask.distributed")
    assert run_tasks(pow, [(2, 5), (3, 3), (5, 2)], workers=1, backend="dask") == [32, 27, 25]


def test_a_missing_dask_is_a_clear_error(monkeypatch):
    import builtins
    real = builtins.__import__

    def no_dask(name, *args, **kw):
        if name.startswith("dask"):
            raise ImportError(name)
        return real(name, *args, **kw)
    monkeypatch.setattr(builtins, "__import__", no_dask)
    with pytest.raises(ValueError, match=r"backend: dask is not installed .*modelcollapse\[dask\]"):
        run_tasks(pow, [(2, 2)], backend="dask")



def test_costs_hand_out_the_longest_tasks_first_and_keep_the_answers_in_order():
    from modelcollapse.numerics.parallel import longest_first
    costs = [1, 5, 2, 5]
    assert longest_first(costs) == [1, 3, 2, 0]
    assert run_tasks(pow, [(2, k) for k in range(4)], workers=2, costs=costs) == [1, 2, 4, 8]
    with pytest.raises(ValueError, match="costs"):
        run_tasks(pow, [(2, 1)], costs=[1, 2])


def test_groups_stay_in_one_process_and_keep_the_answers_in_order():
    import os

    from modelcollapse.numerics.parallel import groups_by_cost
    costs, groups = [3, 1, 4, 1, 5, 9, 2, 6], ["a", "b", "a", "c", "b", "d", "c", "a"]
    # a (13), d (9), b (6), c (3): costliest group first, each group's tasks longest first
    assert groups_by_cost(costs, groups) == [[7, 2, 0], [5], [4, 1], [6, 3]]
    with pytest.raises(ValueError, match="groups: one per task"):
        groups_by_cost(costs, groups[:-1])
    pids = run_tasks(os.getpid, [()] * 8, workers=2, costs=costs, groups=groups)
    assert all(pids[i] == pids[j] for i in range(8) for j in range(8) if groups[i] == groups[j])
    assert run_tasks(pow, [(2, k) for k in range(8)], workers=2, costs=costs, groups=groups) == [2**k for k in range(8)]
    with pytest.raises(ValueError, match="groups"):
        run_tasks(pow, [(2, 1), (2, 2)], workers=2, groups=["a"])
    with pytest.raises(ZeroDivisionError):  # a task's exception reaches the caller
        run_tasks(divmod, [(1, 1), (1, 0), (2, 1)], workers=2, groups=["a", "b", "b"])


def test_a_worker_importing_the_runner_stays_light_and_verify_stays_the_function():
    """Imports on first use: a spawned worker that unpickles the group runner loads neither sympy nor the
    registry; and importing the submodule ``numerics.verify`` does not rebind the package's ``verify``."""
    import subprocess
    import sys
    probe = ("import sys, modelcollapse.numerics.parallel; print('sympy' in sys.modules); "
             "import modelcollapse.numerics.verify; from modelcollapse.numerics import verify; print(callable(verify) "
             "and verify.__module__ == 'modelcollapse.numerics.verify'); import modelcollapse; "
             "print(modelcollapse.numerics.checks.__name__, modelcollapse.Model.__name__)")
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True).stdout.split()
    assert out == ["False", "True", "modelcollapse.numerics.checks", "Model"]
    import modelcollapse
    with pytest.raises(AttributeError, match="no attribute 'nothing_here'"):
        modelcollapse.nothing_here
