"""What runs in the service's worker processes: the pipeline, built once per process, and one
document's extraction per job. Answers are plain data (JSON text), never Docs."""

from __future__ import annotations

import logging
import os
import signal
from typing import Any

from ..io.readers import MAX_BYTES, Document, Unreadable, load_html

log = logging.getLogger("extractor.service")


def init_worker(model: str | None) -> None:
    """Pool initializer: build the pipeline before the first job comes."""
    from ..batch.engine import load_worker_pipeline

    # Ctrl-C reaches the whole process group; the server alone decides how to stop.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    nlp = load_worker_pipeline(model)
    # spaCy's default cap (a million characters) guards trained parsers' memory; the rules
    # run on anything the service admits (10 MB), and the pool's time limit bounds the work.
    nlp.max_length = max(nlp.max_length, MAX_BYTES)


def _first_line(text: str, limit: int = 200) -> str:
    lines = text.strip().splitlines()
    return lines[0][:limit] if lines else ""


def run_job(job: dict[str, Any], model: str | None = None) -> dict[str, Any]:
    """Extract one document: ``{"facts": json, "html"?: view}`` or ``{"status", "detail"}``."""
    from .. import extract_doc
    from ..batch.engine import load_worker_pipeline

    nlp = load_worker_pipeline(model)
    meta = dict(job.get("meta") or {})
    source = meta.pop("source", None)
    html = job.get("html")
    doc = Document(text=job.get("text") or "", id=job.get("id"), source=source, meta=meta,
                   html=html.encode("utf-8", "surrogatepass") if html is not None else None)
    try:
        load_html(doc)
        if "\x00" in doc.text[:8192]:
            raise Unreadable("binary data, not text")
        facts = extract_doc(nlp, doc.text, published=job.get("published") or doc.meta.get("published"),
                            meta=doc.record_meta())
        answer = {"facts": facts.model_dump_json()}
        if job.get("view"):
            from ..view import render_view

            answer["html"] = render_view(doc.text, facts, back_link=job.get("back_link"))
    except Unreadable as exc:
        return {"status": 422, "detail": exc.problem}
    except Exception as exc:  # one bad document must not take the worker down
        reason = f"extraction failed: {type(exc).__name__}: {_first_line(str(exc))}"
        log.error("worker %d: %s", os.getpid(), reason)
        return {"status": 422, "detail": reason}
    return answer
