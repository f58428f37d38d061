"""Headless Chromium for the view tests: the system's ``chromium`` (Debian's package; .ci/run
installs it), driven by Playwright, which downloads no browser of its own."""

from __future__ import annotations

import os
import shutil

import pytest

CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--no-first-run", "--disable-sync", "--disable-dev-shm-usage"]


def chromium_path() -> str:
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if found is None:
        message = "the chromium package is not installed (apt-get install -y chromium; .ci/run does it)"
        if os.environ.get("CI"):
            pytest.fail(message)  # in CI the browser test must run, never be skipped
        pytest.skip(message)
    return found
