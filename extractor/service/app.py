"""The FastAPI application: extraction, batches, the view, the schema, health and readiness."""

from __future__ import annotations

import asyncio
import datetime as dt
import os
from contextlib import asynccontextmanager
from typing import Annotated, Any, AsyncIterator

from fastapi import FastAPI, Query, Request
from fastapi.openapi.utils import get_openapi
from fastapi.responses import HTMLResponse, JSONResponse, Response

from ..records import ArticleFacts, json_schema
from .bodies import FORM_TYPE, ApiError, batch_jobs, document_job, one_line, read_limited
from .guard import Guard
from .models import BatchItem, DocumentError, ErrorBody, ExtractRequest, Health, Readiness
from .pool import ExtractionPool, JobFailed

_ERROR_JSON = {"application/json": {"schema": {"$ref": "#/components/schemas/ErrorBody"}}}
# Content given explicitly: on the view, whose answer is HTML, errors are still JSON.
ERRORS: dict[int | str, dict[str, Any]] = {
    status: {"description": description, "content": _ERROR_JSON} for status, description in (
        (400, "The body is not UTF-8, or not JSON"),
        (401, "EXTRACTOR_API_KEY is set and the request lacks it"),
        (413, "The body is over 10 MB"),
        (415, "A content type this endpoint does not take"),
        (503, "The document took longer than the time limit, or its worker died"),
    )
}
ERRORS[422] = {"description": "Fields that do not validate (FastAPI's shape), or a document with no text",
               "content": {"application/json": {"schema": {"$ref": "#/components/schemas/HTTPValidationError"}}}}
RAW_QUERY = "Used with a text/plain or text/html body; a JSON body carries its own."
Published = Annotated[dt.date | None, Query(description=f"Publication date. {RAW_QUERY}")]
DocId = Annotated[str | None, Query(description=f"Your id for the document. {RAW_QUERY}")]


def _document_body(*, form: bool = False) -> dict[str, Any]:
    content: dict[str, Any] = {
        "application/json": {"schema": {"$ref": "#/components/schemas/ExtractRequest"}},
        "text/plain": {"schema": {"type": "string"}},
        "text/html": {"schema": {"type": "string"}},
    }
    if form:
        content[FORM_TYPE] = {"schema": {"type": "object", "required": ["text"], "properties": {
            "text": {"type": "string"}, "published": {"type": "string", "format": "date"}}}}
    return {"requestBody": {"required": True, "content": content}}


def _error(status: int, detail: Any) -> JSONResponse:
    return JSONResponse({"detail": detail}, status_code=status)


def _answer(answer: dict[str, Any]) -> dict[str, Any]:
    if "status" in answer:
        detail = answer["detail"]
        raise ApiError(answer["status"], [{"loc": ["body"], "msg": detail, "type": "value_error"}]
                       if answer["status"] == 422 else detail)
    return answer


def _openapi(app: FastAPI) -> dict[str, Any]:
    """FastAPI's document, plus the request models that the raw-body endpoints refer to."""
    if app.openapi_schema is None:
        schema = get_openapi(title=app.title, version=app.version, description=app.description, routes=app.routes)
        models = ExtractRequest.model_json_schema(ref_template="#/components/schemas/{model}")
        components = schema.setdefault("components", {}).setdefault("schemas", {})
        components.update(models.pop("$defs", {}))
        components["ErrorBody"] = ErrorBody.model_json_schema()
        components["ExtractRequest"] = models
        components["BatchRequest"] = {"type": "array", "maxItems": 100,
                                      "items": {"$ref": "#/components/schemas/ExtractRequest"}}
        app.openapi_schema = schema
    return app.openapi_schema


def create_app(*, workers: int = 2, model: str | None = None, timeout: float = 60.0,
               api_key: str | None = None) -> FastAPI:
    """The service; ``api_key`` defaults to the EXTRACTOR_API_KEY environment variable."""
    pool = ExtractionPool(workers, model=model, timeout=timeout)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        pool.start()
        warming = asyncio.create_task(pool.warm_up())
        try:
            yield
        finally:
            warming.cancel()
            pool.close()

    app = FastAPI(title="news-facts extractor", version="1.0",
                  description="Quantities, entities, dates and quotations of English news, as validated records.",
                  lifespan=lifespan)
    app.state.pool = pool
    app.add_exception_handler(ApiError, lambda request, exc: _error(exc.status, exc.detail))
    app.add_exception_handler(JobFailed, lambda request, exc: _error(exc.status, exc.detail))
    add_routes(app, pool)
    app.openapi = lambda: _openapi(app)  # type: ignore[method-assign]
    key = api_key if api_key is not None else os.environ.get("EXTRACTOR_API_KEY") or None
    app.add_middleware(Guard, api_key=key)
    return app


def add_routes(app: FastAPI, pool: ExtractionPool) -> None:
    async def body_of(request: Request) -> bytes:
        return await read_limited(request.stream(), request.headers.get("content-length"))

    @app.post("/v1/extract", response_model=ArticleFacts, responses=ERRORS, openapi_extra=_document_body(),
              summary="The facts of one document")
    async def extract(request: Request, published: Published = None, id: DocId = None) -> Response:
        job = document_job(await body_of(request), request.headers.get("content-type"), published=published, id=id)
        answer = _answer(await pool.run(job))
        return Response(answer["facts"], media_type="application/json")

    @app.post("/v1/extract/batch", response_model=list[BatchItem], responses=ERRORS,
              openapi_extra={"requestBody": {"required": True, "content": {
                  "application/json": {"schema": {"$ref": "#/components/schemas/BatchRequest"}}}}},
              summary="The facts of up to 100 documents, in order; a failed document is an error item")
    async def extract_batch(request: Request) -> Response:
        jobs = batch_jobs(await body_of(request), request.headers.get("content-type"))
        answers = await asyncio.gather(*(_batch_item(pool, index, job) for index, job in enumerate(jobs)))
        return Response("[" + ",".join(answers) + "]", media_type="application/json")

    @app.post("/v1/view", response_class=HTMLResponse, responses=ERRORS, openapi_extra=_document_body(form=True),
              summary="The HTML view of one document: its facts highlighted over its text")
    async def view(request: Request, published: Published = None, id: DocId = None) -> HTMLResponse:
        job = document_job(await body_of(request), request.headers.get("content-type"), published=published,
                           id=id, view=True)
        return HTMLResponse(_answer(await pool.run(job))["html"])

    @app.get("/", response_class=HTMLResponse, summary="A form: paste an article, see its view")
    async def form() -> HTMLResponse:
        from ..view.page import render_form

        return HTMLResponse(render_form())

    @app.get("/v1/schema", summary="The JSON Schema of the records")
    async def schema() -> dict[str, Any]:
        return json_schema()

    @app.get("/healthz", response_model=Health, summary="The process answers (no API key needed)")
    async def healthz() -> Health:
        return Health()

    @app.get("/readyz", response_model=Readiness, responses={503: {"model": Readiness}},
             summary="The pipeline is loaded and the workers take documents")
    async def readyz() -> JSONResponse:
        ready = Readiness(status=pool.state, workers=pool.workers, busy=pool.busy, detail=pool.failure)  # type: ignore[arg-type]
        return JSONResponse(ready.model_dump(), status_code=200 if pool.state == "ready" else 503)


async def _batch_item(pool: ExtractionPool, index: int, job: dict[str, Any] | ApiError) -> str:
    try:
        if isinstance(job, ApiError):
            raise job
        return _answer(await pool.run(job))["facts"]
    except (ApiError, JobFailed) as exc:
        detail = exc.detail if isinstance(exc.detail, str) else one_line(exc.detail)
        item_id = job.get("id") if isinstance(job, dict) else job.doc_id
        return DocumentError(index=index, id=item_id, status=exc.status, detail=detail).model_dump_json()
