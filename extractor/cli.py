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


@app.command()
def extract(
    source: str = typer.Argument(..., help="A text file, or - for standard input"),
    published: Optional[str] = typer.Option(None, help="Publication date, YYYY-MM-DD"),
    model: Optional[str] = typer.Option(None, help="Installed spaCy pipeline to run underneath"),
    out: Optional[Path] = typer.Option(None, help="Write the JSON here (atomically)"),
) -> None:
    """Extract the facts of one article and print them as JSON."""
    from . import extract_doc
    from .atomic import write_text_atomic
    from .pipeline import ModelNotFound, build_pipeline, parse_date
    from .readers import read_text

    try:
        when = parse_date(published) if published else None
    except ValueError as exc:
        raise fail(f"--published: {exc}", 2)
    try:
        doc = read_text(source)
        nlp = build_pipeline(model)
        facts = extract_doc(nlp, doc.text, published=when or doc.meta.get("published"),
                            meta={"id": doc.id, "source": doc.source})
    except (InputError, ModelNotFound) as exc:
        raise fail(str(exc))
    payload = facts.model_dump_json(indent=2, exclude_none=False) + "\n"
    if out is None:
        sys.stdout.write(payload)
    else:
        try:
            write_text_atomic(out, payload)
        except OSError as exc:
            raise fail(f"{out}: cannot write ({exc.strerror or exc})")


@app.command()
def schema(out: Optional[Path] = typer.Option(None, help="Write the schema here")) -> None:
    """Print the JSON Schema of the records."""
    from .atomic import write_text_atomic
    from .records import json_schema

    payload = json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n"
    if out is None:
        sys.stdout.write(payload)
    else:
        write_text_atomic(out, payload)


def main() -> None:
    app()


if __name__ == "__main__":
    main()
