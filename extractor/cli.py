"""The ``extractor`` command line."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Optional

import typer

from .errors import InputError

app = typer.Typer(add_completion=False, no_args_is_help=True,
                  help="Extract quantities, entities, dates and quotations from English news.")


def fail(message: str, code: int = 1) -> "typer.Exit":
    typer.echo(f"error: {message}", err=True)
    return typer.Exit(code)


def extract_source(source: str, *, published: Optional[str], format: Optional[str],
                   model: Optional[str], entity_options: Optional[dict] = None):
    """Read one article and extract its facts; bad input exits with a one-line error.

    Returns the read document and its facts (shared by ``extract`` and ``view``)."""
    from . import extract_doc
    from .io.readers import read_document
    from .pipeline import ModelNotFound, build_pipeline, parse_date

    try:
        when = parse_date(published) if published else None
    except ValueError as exc:
        raise fail(f"--published: {exc}", 2) from None
    try:
        doc = read_document(source, format=format)
        try:
            nlp = build_pipeline(model, config={"facts_entities": entity_options} if entity_options else None)
        except (ValueError, KeyError, UnicodeDecodeError) as exc:
            raise fail(f"--rules/--gazetteer: {exc}", 2) from None
        facts = extract_doc(nlp, doc.text, published=when or doc.meta.get("published"),
                            meta=doc.record_meta())
    except (InputError, ModelNotFound) as exc:
        raise fail(str(exc)) from None
    return doc, facts


def write_output(out: Optional[Path], payload: str) -> None:
    """Print ``payload``, or write it to ``out`` atomically."""
    from .io.atomic import write_text_atomic

    if out is None:
        sys.stdout.write(payload)
        return
    try:
        write_text_atomic(out, payload)
    except OSError as exc:
        raise fail(f"{out}: cannot write ({exc.strerror or exc})") from None


@app.command()
def extract(
    source: str = typer.Argument(..., help="A text, HTML, JSONL or WARC file holding one article, or - for standard input"),
    published: Optional[str] = typer.Option(None, help="Publication date, YYYY-MM-DD"),
    format: Optional[str] = typer.Option(None, "--format",
                                         help="text, html, jsonl or warc (default: from the file name; text for stdin)"),
    model: Optional[str] = typer.Option(None, help="Installed spaCy pipeline to run underneath"),
    out: Optional[Path] = typer.Option(None, help="Write the JSON here (atomically)"),
    rules: Optional[Path] = typer.Option(None, help="Entity rules, JSONL in spaCy's entity-ruler pattern format"),
    gazetteer: Optional[Path] = typer.Option(None, help="Extra entity names: 'name<TAB>LABEL[<TAB>canonical]' lines or JSONL"),
) -> None:
    """Extract the facts of one article and print them as JSON."""
    entity_options = {}
    for option, path in (("rules", rules), ("gazetteer", gazetteer)):
        if path is not None:
            if not path.is_file():
                raise fail(f"--{option}: {path}: not a readable file", 2)
            entity_options[option] = str(path.resolve())
    _, facts = extract_source(source, published=published, format=format, model=model,
                              entity_options=entity_options)
    write_output(out, facts.model_dump_json(indent=2, exclude_none=False) + "\n")


@app.command()
def schema(out: Optional[Path] = typer.Option(None, help="Write the schema here")) -> None:
    """Print the JSON Schema of the records."""
    from .records import json_schema

    write_output(out, json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n")


@app.command()
def evaluate(
    data: list[Path] = typer.Argument(..., help="Annotated JSONL files (../shared/eval/README.md)"),
    kinds: str = typer.Option("quantities,dates,quotations,entities",
                              help="Comma-separated kinds to score"),
    model: Optional[str] = typer.Option(None, help="Installed spaCy pipeline to run underneath"),
    as_json: bool = typer.Option(False, "--json", help="Print the figures as JSON"),
    markdown: bool = typer.Option(False, "--markdown",
                                  help="Print the headline figures as a Markdown table"),
    errors: int = typer.Option(10, "--errors", min=0, help="Worst errors to list per kind"),
    progress: Optional[bool] = typer.Option(None, "--progress/--no-progress",
                                            help="Progress bar (default: on long sets)"),
) -> None:
    """Score the pipeline against annotated news: precision, recall and F1 per kind."""
    from .evaluate import evaluate_files, format_json, format_markdown, format_table, parse_kinds
    from .pipeline import ModelNotFound

    try:
        wanted = parse_kinds(kinds)
    except ValueError as exc:
        raise fail(f"--kinds: {exc}", 2) from None
    try:
        reports = evaluate_files(data, kinds=wanted, model=model, progress=progress)
    except (InputError, ModelNotFound) as exc:
        raise fail(str(exc)) from None
    if as_json:
        sys.stdout.write(format_json(reports, errors))
    elif markdown:
        sys.stdout.write(format_markdown(reports))
    else:
        sys.stdout.write(format_table(reports, errors))


@app.command()
def batch(
    inputs: list[str] = typer.Argument(..., help="Files, directories or glob patterns of text, HTML, "
                                                 "JSONL(.gz) or WARC(.gz); - for standard input"),
    out: Path = typer.Option(..., "--out", help="Directory for the shards, errors.jsonl and manifest.jsonl"),
    workers: Optional[int] = typer.Option(None, min=0, help="Worker processes (default: one per core; 0: in this process)"),
    engine: str = typer.Option("local", help="local (processes on this machine) or dask"),
    scheduler: Optional[str] = typer.Option(None, help="Dask scheduler address, e.g. tcp://10.0.0.5:8786 "
                                                       "(default: a local cluster)"),
    resume: bool = typer.Option(False, "--resume", help="Finish an interrupted run in --out, skipping what it wrote"),
    format: Optional[str] = typer.Option(None, "--format", help="text, html, jsonl or warc (default: from each file name)"),
    model: Optional[str] = typer.Option(None, help="Installed spaCy pipeline to run underneath"),
    shard_size: int = typer.Option(200, min=1, help="Documents per output shard"),
    progress: bool = typer.Option(True, "--progress/--no-progress", help="Progress bar on standard error"),
    timeout: float = typer.Option(300.0, min=0, help="Seconds one document may take; over it, a timeout "
                                                     "error is recorded and the run goes on (0: no limit)"),
) -> None:
    """Extract the facts of many documents into JSON Lines shards, in parallel and resumably."""
    from .batch import BatchError, run_batch

    try:
        summary = run_batch(inputs, out, engine=engine, workers=workers, scheduler=scheduler, resume=resume,
                            format=format, model=model, shard_docs=shard_size, progress=progress,
                            timeout=timeout or None)
    except (InputError, BatchError) as exc:
        raise fail(str(exc), 2) from None
    except KeyboardInterrupt:
        raise fail(f"interrupted; rerun with --resume to finish the run in {out}", 130) from None
    skipped = f", {summary.skipped} already done before" if summary.skipped else ""
    failed = f", {summary.failed} failed (see {out / 'errors.jsonl'})" if summary.failed else ""
    typer.echo(f"{summary.written} documents written to {out}{failed}{skipped} "
               f"[{summary.docs_per_second:.1f} docs/s]", err=True)


@app.command()
def view(
    source: str = typer.Argument(..., help="A text, HTML, JSONL or WARC file holding one article, or - for standard input"),
    published: Optional[str] = typer.Option(None, help="Publication date, YYYY-MM-DD"),
    format: Optional[str] = typer.Option(None, "--format", help="text, html, jsonl or warc (default: from the file name)"),
    model: Optional[str] = typer.Option(None, help="Installed spaCy pipeline to run underneath"),
    out: Optional[Path] = typer.Option(None, help="Write the page here (atomically) instead of standard output"),
) -> None:
    """Write a self-contained HTML page showing the article's facts over its text."""
    from .view import render_view

    doc, facts = extract_source(source, published=published, format=format, model=model)
    write_output(out, render_view(doc.text, facts))


@app.command()
def serve(
    host: str = typer.Option("127.0.0.1", help="Address to listen on (loopback by default)"),
    port: int = typer.Option(8000, min=0, max=65535, help="Port to listen on"),
    workers: Optional[int] = typer.Option(None, min=1, help="Extraction worker processes (default: one per core)"),
    model: Optional[str] = typer.Option(None, help="Installed spaCy pipeline to run underneath"),
    timeout: float = typer.Option(60.0, min=0.1, help="Seconds one document may take before it is answered 503"),
    log_level: str = typer.Option("info", help="debug, info, warning or error"),
) -> None:
    """Serve extraction over HTTP (FastAPI on uvicorn); EXTRACTOR_API_KEY set requires that key."""
    import importlib.util

    missing = [name for name in ("fastapi", "uvicorn", "pebble") if importlib.util.find_spec(name) is None]
    if missing:
        raise fail(f"the service needs the serve extra: pip install 'news-facts-extractor[serve]' "
                   f"({', '.join(missing)} missing)", 2)
    from .service.server import serve as run_server

    if model:
        from .pipeline import ModelNotFound, build_pipeline

        try:
            build_pipeline(model, components=())
        except ModelNotFound as exc:
            raise fail(str(exc), 2) from None
    from .batch.engine import default_workers

    run_server(host=host, port=port, workers=workers or default_workers(), model=model, timeout=timeout,
               log_level=log_level)


@app.command()
def export(
    facts: Path = typer.Argument(..., help="The --out directory of `extractor batch`"),
    to: Path = typer.Option(..., "--to", help="facts.sqlite (one file), facts.parquet or a directory "
                                              "(one file per table)"),
    format: Optional[str] = typer.Option(None, "--format", help="sqlite, parquet or csv (default: from "
                                                                "the name: .sqlite/.db, .parquet)"),
) -> None:
    """Flatten batch output into tables that join on `doc`: documents, entities, mentions,
    quantities, dates, quotations and terms."""
    from .io.export import ExportError
    from .io.export import export as export_facts

    try:
        summary = export_facts(facts, to, format)
    except ExportError as exc:
        raise fail(str(exc), 2) from None
    except OSError as exc:
        raise fail(f"{to}: cannot write ({exc.strerror or exc})") from None
    counts = ", ".join(f"{n} {table}" for table, n in summary.rows.items())
    typer.echo(f"{summary.format} written to {to}: {counts}", err=True)
    if summary.repeated_ids:
        typer.echo(f"note: {summary.repeated_ids} document ids occur more than once (each document "
                   "has its own row; join on doc)", err=True)


def main() -> None:
    app()


if __name__ == "__main__":
    main()
