"""An installed (non-editable) toc carries the workshop page's template, style and script."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

from conftest import ROOT


def test_installed_package_ships_the_page_assets(tmp_path):
    source = tmp_path / "source"
    shutil.copytree(
        ROOT, source,
        ignore=shutil.ignore_patterns(".git", ".venv", "__pycache__", "*.egg-info", "build", ".pytest_cache", "out"),
    )
    target = tmp_path / "site"
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--no-build-isolation",
         "--target", str(target), str(source)],
        check=True, capture_output=True,
    )
    shutil.rmtree(source)
    probe = ("from renderers.html.page import _asset; "
             "print(*(len(_asset(name)) > 100 for name in ('page.html', 'page.css', 'page.js')))")
    result = subprocess.run([sys.executable, "-c", probe], cwd=tmp_path, capture_output=True, text=True,
                            env={**os.environ, "PYTHONPATH": str(target)})
    assert result.stdout.split() == ["True", "True", "True"], result.stderr
