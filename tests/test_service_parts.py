"""Parts of the service on their own: the API key (in process, no workers), the worker pool
with scripted jobs (a job that overruns, a worker that dies), and request bodies."""

from __future__ import annotations

import asyncio

import httpx
import pytest
from typer.testing import CliRunner

from extractor.cli import app as cli

from extractor.service.app import create_app
from extractor.service.bodies import ApiError, document_job
from extractor.service.pool import ExtractionPool, JobFailed

from service_jobs import no_pipeline, scripted


def _call(app, method: str, path: str, **kwargs) -> httpx.Response:
    async def go() -> httpx.Response:
        async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url="http://test") as client:
            return await client.request(method, path, **kwargs)

    return asyncio.run(go())


@pytest.fixture(scope="module")
def keyed_app():
    # No lifespan runs under ASGITransport, so no worker starts: the key is checked first.
    return create_app(workers=1, api_key="s3cret-key")


@pytest.mark.parametrize("method, path", [("POST", "/v1/extract"), ("POST", "/v1/extract/batch"),
                                          ("POST", "/v1/view"), ("GET", "/"), ("GET", "/v1/schema"),
                                          ("GET", "/readyz"), ("GET", "/openapi.json"), ("GET", "/docs")])
def test_every_endpoint_but_healthz_needs_the_key(keyed_app, method, path):
    missing = _call(keyed_app, method, path, content=b"x", headers={"Content-Type": "text/plain"})
    wrong = _call(keyed_app, method, path, headers={"X-API-Key": "guess"})
    assert missing.status_code == 401 and wrong.status_code == 401
    assert "API key" in missing.json()["detail"]


def test_the_key_opens_the_endpoints(keyed_app):
    assert _call(keyed_app, "GET", "/healthz").status_code == 200
    assert _call(keyed_app, "GET", "/v1/schema", headers={"X-API-Key": "s3cret-key"}).status_code == 200
    assert _call(keyed_app, "GET", "/v1/schema", headers={"Authorization": "Bearer s3cret-key"}).status_code == 200
    # Past the key, the pool is not started here: readiness says so rather than 401.
    loading = _call(keyed_app, "GET", "/readyz", headers={"X-API-Key": "s3cret-key"})
    assert loading.status_code == 503 and loading.json()["status"] == "loading"


def test_the_key_comes_from_the_environment(monkeypatch):
    monkeypatch.setenv("EXTRACTOR_API_KEY", "from-env")
    app = create_app(workers=1)
    assert _call(app, "GET", "/v1/schema").status_code == 401
    assert _call(app, "GET", "/v1/schema", headers={"X-API-Key": "from-env"}).status_code == 200
    monkeypatch.delenv("EXTRACTOR_API_KEY")
    assert _call(create_app(workers=1), "GET", "/v1/schema").status_code == 200


def test_the_pool_replaces_a_worker_that_overruns_or_dies():
    async def scenario() -> list[object]:
        pool = ExtractionPool(2, timeout=1.5, job=scripted, init=no_pipeline)
        pool.start()
        try:
            outcomes: list[object] = []
            for text in ("sleep 5", "crash", "hello", "hello"):
                try:
                    outcomes.append(await pool.run({"text": text}))
                except JobFailed as exc:
                    outcomes.append((exc.status, exc.detail))
            return outcomes
        finally:
            pool.close()

    timed_out, crashed, first, second = asyncio.run(scenario())
    assert timed_out == (503, "extraction took longer than the limit of 1.5 s; the worker was restarted")
    assert crashed[0] == 503 and "stopped (exit code 3)" in crashed[1]
    assert "facts" in first and "facts" in second


def test_request_bodies_become_jobs():
    job = document_job(b'{"text": "Hi there.", "id": "x", "meta": {"title": "T"}}', "application/json",
                       published=None, id=None)
    assert (job["text"], job["id"], job["meta"], job["view"]) == ("Hi there.", "x", {"title": "T"}, False)
    raw = document_job("Caf\u00e9 opens.".encode(), "text/plain; charset=utf-8", published=None, id="r")
    assert (raw["text"], raw["id"]) == ("Caf\u00e9 opens.", "r")
    form = document_job(b"text=Hi+there.&published=", "application/x-www-form-urlencoded", published=None,
                        id=None, view=True)
    assert (form["text"], form["published"], form["back_link"]) == ("Hi there.", None, "/")
    with pytest.raises(ApiError) as refused:
        document_job(b"text=Hi", "application/x-www-form-urlencoded", published=None, id=None)
    assert refused.value.status == 415  # forms only for the view


def test_extractor_serve_says_which_extra_it_needs(monkeypatch):
    import importlib.util

    real = importlib.util.find_spec
    monkeypatch.setattr(importlib.util, "find_spec", lambda name, *a: None if name == "pebble" else real(name, *a))
    result = CliRunner().invoke(cli, ["serve", "--port", "0"])
    assert result.exit_code == 2
    assert "pip install 'news-facts-extractor[serve]' (pebble missing)" in result.output
