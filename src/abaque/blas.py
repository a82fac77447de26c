"""How many threads numpy's BLAS may run: half the cores, at least one.

By default OpenBLAS starts one thread per core for every matrix product. In a
live séance the server's event loop, the database and the background PDF
builds need a core while an analysis runs, and on small matrices (a 40 × 60
room) threads fighting for busy cores made the analysis three times slower.
OpenBLAS reads its setting once, when numpy is loaded, so the entry points
(abaque.cli, abaque.asgi) call `limit_blas_threads` before anything imports
numpy. An administrator's own OPENBLAS_NUM_THREADS (or OMP_, MKL_) is kept.
No numpy here: importing it would load the library before the limit is set.
"""

import os

BLAS_THREAD_VARIABLES = ("OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS", "MKL_NUM_THREADS")


def blas_threads(cores: int | None = None) -> int:
    """Half of `cores` (this machine's by default), at least one."""
    return max(1, (cores or os.cpu_count() or 1) // 2)


def limit_blas_threads() -> None:
    threads = str(blas_threads())
    for variable in BLAS_THREAD_VARIABLES:
        os.environ.setdefault(variable, threads)
