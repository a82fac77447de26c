"""numpy's BLAS may not take every core: the server's entry points limit its
threads before numpy is loaded (abaque.blas). Checked in a fresh interpreter,
by asking OpenBLAS itself how many threads it runs."""

import json
import os
import subprocess
import sys

import pytest

from abaque.blas import BLAS_THREAD_VARIABLES, blas_threads

# Imported first, then numpy and scipy; prints what OpenBLAS (numpy's own copy) says.
PROBE = """
import ctypes, glob, json, os, sys
import {module}
import numpy, scipy.linalg
libs = glob.glob(os.path.join(os.path.dirname(numpy.__file__) + ".libs", "libscipy_openblas*"))
threads = None
if libs:
    lib = ctypes.CDLL(libs[0])
    for name in ("scipy_openblas_get_num_threads64_", "openblas_get_num_threads64_", "openblas_get_num_threads"):
        if hasattr(lib, name):
            threads = getattr(lib, name)()
            break
print(json.dumps({{"threads": threads, "env": os.environ.get("OPENBLAS_NUM_THREADS")}}))
"""


def probe(module, tmp_path, **extra_env):
    env = {k: v for k, v in os.environ.items() if k not in BLAS_THREAD_VARIABLES}
    env.update(ABAQUE_DATA_DIR=str(tmp_path), DJANGO_SETTINGS_MODULE="abaque.settings", **extra_env)
    done = subprocess.run(
        [sys.executable, "-c", PROBE.format(module=module)], capture_output=True, text=True, env=env, timeout=120
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_half_the_cores_and_at_least_one():
    assert blas_threads(1) == 1
    assert blas_threads(2) == 1
    assert blas_threads(8) == 4


@pytest.mark.parametrize("module", ["abaque.cli", "abaque.asgi"])
def test_the_entry_points_limit_the_blas_threads(module, tmp_path):
    figures = probe(module, tmp_path)
    assert figures["env"] == str(blas_threads())
    if figures["threads"] is None:
        pytest.skip("this numpy has no OpenBLAS of its own to ask")
    assert figures["threads"] == blas_threads()


def test_an_administrators_setting_is_kept(tmp_path):
    figures = probe("abaque.cli", tmp_path, OPENBLAS_NUM_THREADS="2")
    assert figures["env"] == "2"
    if figures["threads"] is not None:
        assert figures["threads"] == 2
