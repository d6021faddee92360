"""The real browser the tests drive: Debian's chromium through Playwright, never a
downloaded browser (./run tests installs the Debian package when it runs as root).

A module that uses it imports Playwright itself with ``pytest.importorskip`` (so
it is skipped, not failed, without the package) and hands it to ``launched``."""

from __future__ import annotations

import os
import shutil

import pytest

from conftest import ROOT

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]
# Screenshots for people to look at; out/ is ignored by git.
ARTIFACTS = ROOT / "out" / "test-artifacts"

NEEDS_CHROMIUM = pytest.mark.skipif(not os.path.exists(CHROMIUM),
                                    reason=f"{CHROMIUM} is missing (apt-get install chromium)")
NEEDS_DOT = pytest.mark.skipif(shutil.which("dot") is None, reason="Graphviz `dot` is not installed")


def launched(sync_api):
    """A headless chromium, closed when the caller's fixture (``yield from``) or ``for`` loop ends."""
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield browser
        browser.close()
