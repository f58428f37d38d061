"""What the service accepts and answers besides the records: request bodies and error items.

Plain Pydantic, so the OpenAPI document describes them exactly as they are validated.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal, Union

from pydantic import BaseModel, ConfigDict, Field, model_validator

from ..records import ArticleFacts

MAX_BATCH = 100


class RequestMeta(BaseModel):
    """What the caller knows about the article; copied into the records' ``meta``."""

    model_config = ConfigDict(extra="forbid")

    title: str | None = None
    source: str | None = Field(default=None, description="Where the article comes from, e.g. its URL")
    dateline: str | None = None
    publisher: str | None = None
    byline: str | None = None
    license: str | None = None


class ExtractRequest(BaseModel):
    """One document: exactly one of ``text`` (plain text) and ``html`` (a page whose main text
    is extracted first)."""

    model_config = ConfigDict(extra="forbid", json_schema_extra={
        "examples": [{"text": "LONDON - Profits rose 12 percent, the company said on Monday.",
                      "published": "2021-02-01", "id": "story-1"}]})

    text: str | None = Field(default=None, description="The article as plain text")
    html: str | None = Field(default=None, description="The article as an HTML page")
    published: dt.date | None = Field(default=None, description="Publication date; anchors relative dates")
    id: str | None = Field(default=None, description="Your id for the document, echoed in meta.id")
    meta: RequestMeta | None = None

    @model_validator(mode="after")
    def _one_body(self) -> "ExtractRequest":
        if (self.text is None) == (self.html is None):
            raise ValueError("give exactly one of 'text' and 'html'")
        body = self.text if self.text is not None else self.html
        if not (body or "").strip():
            raise ValueError("empty input")
        return self

    def job(self, *, view: bool = False) -> dict[str, Any]:
        """The work for a worker process (plain data: it crosses a process boundary)."""
        return make_job(text=self.text, html=self.html, published=self.published, id=self.id,
                        meta=self.meta.model_dump(exclude_none=True) if self.meta else {}, view=view)


def make_job(*, text: str | None = None, html: str | None = None, published: dt.date | None = None,
             id: str | None = None, meta: dict[str, Any] | None = None, view: bool = False) -> dict[str, Any]:
    return {"text": text, "html": html, "published": published.isoformat() if published else None,
            "id": id, "meta": meta or {}, "view": view}


class DocumentError(BaseModel):
    """A document of a batch that gave no records, in the batch's place of that document."""

    index: int = Field(description="Position of the document in the batch, from 0")
    id: str | None = None
    status: int = Field(description="The HTTP status this document would have had alone")
    detail: str


class ErrorBody(BaseModel):
    """Every error but a validation error: what went wrong, in one line."""

    detail: str


class Health(BaseModel):
    status: Literal["ok"] = "ok"


class Readiness(BaseModel):
    status: Literal["ready", "loading", "failed"]
    workers: int = Field(description="Worker processes in the pool")
    busy: int = Field(description="Documents being extracted right now")
    detail: str | None = None


BatchItem = Union[ArticleFacts, DocumentError]
