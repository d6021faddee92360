"""A non-editable install works from any directory, with no source tree to lean on."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

from conftest import ROOT


def test_installed_package_runs_from_elsewhere(tmp_path):
    source = tmp_path / "source"
    shutil.copytree(
        ROOT, source,
        ignore=shutil.ignore_patterns(".git", ".venv", "__pycache__", "*.egg-info", "build", ".pytest_cache", "out"),
    )
    target = tmp_path / "site"
    # No network and no build isolation: dependencies come from the running environment.
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--no-build-isolation",
         "--target", str(target), str(source)],
        check=True, capture_output=True,
    )
    shutil.rmtree(source)  # nothing may depend on the source tree any more
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    model = elsewhere / "m.toc.yaml"
    model.write_text("toc: 1\nnodes:\n  a: {type: activity, label: A, leads_to: [b]}\n  b: {type: output, label: B}\n")
    env = {**os.environ, "PYTHONPATH": str(target)}
    where = subprocess.run(
        [sys.executable, "-c", "import toc, renderers, models; print(toc.__file__)"],
        cwd=elsewhere, env=env, capture_output=True, text=True, check=True,
    )
    assert where.stdout.startswith(str(target))
    result = subprocess.run(
        [sys.executable, "-m", "toc", "check", "m.toc.yaml"], cwd=elsewhere, env=env, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr
    assert "TOC202 dead-end" in result.stdout
    assert (target / "bin" / "toc").exists()
    # Shipped data in models/ subdirectories (frameworks, templates) is installed too.
    frameworks = subprocess.run([sys.executable, "-m", "toc", "frameworks"], cwd=elsewhere, env=env,
                                capture_output=True, text=True)
    assert frameworks.returncode == 0 and "eif-rpc" in frameworks.stdout, frameworks.stderr
    started = subprocess.run([sys.executable, "-m", "toc", "init", "-t", "rpc-local-area", "area.toc.yaml"],
                             cwd=elsewhere, env=env, capture_output=True, text=True)
    assert started.returncode == 0, started.stderr
    checked = subprocess.run([sys.executable, "-m", "toc", "check", "--strict", "area.toc.yaml"], cwd=elsewhere,
                             env=env, capture_output=True, text=True)
    assert checked.returncode == 0, checked.stdout
