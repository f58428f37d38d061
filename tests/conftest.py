from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus"
SHARED = ROOT.parent / "shared"
EVAL = SHARED / "eval"


@pytest.fixture(scope="session")
def nlp():
    from extractor.pipeline import build_pipeline

    return build_pipeline()


@pytest.fixture(scope="session")
def eval_dir() -> Path:
    if not EVAL.is_dir():
        pytest.skip("../shared/eval is not beside the project")
    return EVAL


# --------------------------------------------------------------------------- the HTTP service

SERVICE_TIMEOUT = 5  # seconds a document may take in the test service (the long-document test overruns it)


def _free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def service(tmp_path_factory):
    """`extractor serve` with 2 workers on a free loopback port, ready; yields (url, log path)."""
    import os
    import subprocess
    import sys
    import time

    import httpx

    log = tmp_path_factory.mktemp("service") / "server.log"
    port = _free_port()
    env = {k: v for k, v in os.environ.items() if k != "EXTRACTOR_API_KEY"}
    with log.open("wb") as out:
        proc = subprocess.Popen([sys.executable, "-m", "extractor", "serve", "--port", str(port), "--workers", "2",
                                 "--timeout", str(SERVICE_TIMEOUT)], stdout=out, stderr=subprocess.STDOUT, env=env)
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 180
        while True:
            if proc.poll() is not None:
                pytest.fail(f"extractor serve exited with {proc.returncode}: {log.read_text()[-2000:]}")
            try:
                if httpx.get(f"{url}/readyz", timeout=2).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if time.monotonic() > deadline:
                pytest.fail(f"extractor serve was not ready in time: {log.read_text()[-2000:]}")
            time.sleep(0.3)
        yield url, log
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
