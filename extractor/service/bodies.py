"""Reading a request body into jobs: the size limit, the content types, UTF-8, the fields.

Every problem becomes an :class:`ApiError` with the status the issue of the body deserves:
413 too large, 415 a content type the endpoint does not take, 400 not UTF-8 or not JSON,
422 fields that do not validate (in FastAPI's own shape of validation errors).
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any, AsyncIterator
from urllib.parse import parse_qs

from pydantic import ValidationError

from ..io.readers import MAX_BYTES
from .models import MAX_BATCH, ExtractRequest, make_job

RAW_TYPES = {"text/plain": "text", "text/html": "html", "application/xhtml+xml": "html"}
FORM_TYPE = "application/x-www-form-urlencoded"


class ApiError(Exception):
    """A request that cannot be served: ``detail`` is a line, or FastAPI's list of field errors."""

    def __init__(self, status: int, detail: str | list[dict[str, Any]], doc_id: str | None = None) -> None:
        super().__init__(detail if isinstance(detail, str) else json.dumps(detail))
        self.status = status
        self.detail = detail
        self.doc_id = doc_id  # the id a document of a batch gave, for its error item


def field_errors(exc: ValidationError, prefix: tuple[str | int, ...] = ("body",)) -> list[dict[str, Any]]:
    """Pydantic's errors as FastAPI shows them, without echoing the input (it can be 10 MB)."""
    return [{"loc": [*prefix, *err["loc"]], "msg": err["msg"], "type": err["type"]} for err in exc.errors()]


def one_line(errors: list[dict[str, Any]]) -> str:
    """Field errors as one line: "published: Input should be a valid date; ..."."""
    parts = []
    for e in errors:
        where = ".".join(str(p) for p in e["loc"][1:])
        parts.append(f"{where}: {e['msg']}" if where else e["msg"])
    return "; ".join(parts)


def media_type(content_type: str | None) -> str:
    return (content_type or "").split(";", 1)[0].strip().lower()


async def read_limited(stream: AsyncIterator[bytes], declared: str | None, limit: int = MAX_BYTES) -> bytes:
    """The whole body, or 413 as soon as it is known to exceed ``limit`` bytes."""
    too_large = ApiError(413, f"request body too large: the limit is {limit} bytes (10 MB)")
    if declared and declared.isdigit() and int(declared) > limit:
        raise too_large
    chunks, size = [], 0
    async for chunk in stream:
        size += len(chunk)
        if size > limit:
            raise too_large
        chunks.append(chunk)
    return b"".join(chunks)


def utf8(body: bytes) -> str:
    try:
        return body.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ApiError(400, f"request body is not UTF-8 (invalid byte at offset {exc.start})") from None


def parse_json(body: bytes) -> Any:
    try:
        return json.loads(utf8(body))
    except json.JSONDecodeError as exc:
        raise ApiError(400, f"request body is not valid JSON: {exc.msg} at line {exc.lineno} "
                            f"column {exc.colno}") from None


def validated(data: Any, prefix: tuple[str | int, ...] = ("body",)) -> ExtractRequest:
    try:
        return ExtractRequest.model_validate(data)
    except ValidationError as exc:
        raise ApiError(422, field_errors(exc, prefix)) from None


def unsupported(kind: str, accepted: tuple[str, ...]) -> ApiError:
    shown = f"'{kind}'" if kind else "none"
    return ApiError(415, f"unsupported Content-Type {shown}: send {', '.join(accepted)}")


def document_job(body: bytes, content_type: str | None, *, published: dt.date | None, id: str | None,
                 view: bool = False) -> dict[str, Any]:
    """The job of a one-document request: JSON, raw text or HTML (with ``published`` and ``id``
    from the query), or the view form's fields."""
    kind = media_type(content_type)
    if kind == "application/json":
        return validated(parse_json(body)).job(view=view)
    if kind in RAW_TYPES:
        text = utf8(body)
        if not text.strip():
            raise ApiError(422, [{"loc": ["body"], "msg": "empty input", "type": "value_error"}])
        if RAW_TYPES[kind] == "html":
            return make_job(html=text, published=published, id=id, view=view)
        return make_job(text=text, published=published, id=id, view=view)
    if kind == FORM_TYPE and view:
        fields = {k: v[0] for k, v in parse_qs(utf8(body), keep_blank_values=True).items()
                  if k in ("text", "published") and v}
        if not fields.get("published"):
            fields.pop("published", None)
        job = validated(fields).job(view=True)
        job["back_link"] = "/"
        return job
    accepted = ("application/json", "text/plain", "text/html") + ((FORM_TYPE,) if view else ())
    raise unsupported(kind, accepted)


def batch_jobs(body: bytes, content_type: str | None) -> list[dict[str, Any] | ApiError]:
    """One job per document of a batch, or the ApiError of a document that does not validate."""
    kind = media_type(content_type)
    if kind != "application/json":
        raise unsupported(kind, ("application/json (a list of documents)",))
    data = parse_json(body)
    if not isinstance(data, list):
        raise ApiError(422, [{"loc": ["body"], "msg": "a batch is a JSON list of documents", "type": "list_type"}])
    if len(data) > MAX_BATCH:
        raise ApiError(422, [{"loc": ["body"], "msg": f"a batch holds at most {MAX_BATCH} documents, not {len(data)}",
                              "type": "too_long"}])
    jobs: list[dict[str, Any] | ApiError] = []
    for item in data:
        try:
            jobs.append(validated(item).job())
        except ApiError as exc:
            given = item.get("id") if isinstance(item, dict) else None
            exc.doc_id = given if isinstance(given, str) else None
            jobs.append(exc)
    return jobs
