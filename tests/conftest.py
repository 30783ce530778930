import mpmath
import pytest
from hypothesis import HealthCheck, settings

# Symbolic and quadrature work is slow and uneven: no per-example deadline.
settings.register_profile("default", deadline=None, max_examples=25,
                          suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("default")


@pytest.fixture(autouse=True, scope="session")
def _private_cache_dir(tmp_path_factory):
    """The cache of derivations and verdicts lives in a temporary folder during the tests (the
    environment variable reaches the subprocesses the CLI tests start, too)."""
    import os

    from modelcollapse.numerics.cache import CACHE_ENV
    old = os.environ.get(CACHE_ENV)
    os.environ[CACHE_ENV] = str(tmp_path_factory.mktemp("cache"))
    yield
    if old is None:
        os.environ.pop(CACHE_ENV, None)
    else:
        os.environ[CACHE_ENV] = old


@pytest.fixture(autouse=True)
def _reset_mpmath_precision():
    """Every test starts at mpmath's default precision (as mpmath's own suite does)."""
    mpmath.mp.dps = 15
    yield
    mpmath.mp.dps = 15


@pytest.fixture(scope="session")
def library():
    from modelcollapse import proofs
    return proofs.library()


@pytest.fixture(scope="session")
def registry_reports():
    """The kernel's report on every registered result it proves, by id: checked once per process
    (proofs.check keeps each report in the shared library) and read by every whole-registry test."""
    from modelcollapse import proofs, theory
    return {r.id: proofs.check(r.id) for r in theory.results() if proofs.has_proof(r.id)}


@pytest.fixture(scope="session")
def corpus_reports():
    """The kernel's report on every attack of the soundness corpus, by name (each checked once)."""
    from modelcollapse.proofs.corpus import check as check_attack
    from modelcollapse.proofs.corpus import entries
    return {name: check_attack(name, build) for name, build, _ in entries()}
