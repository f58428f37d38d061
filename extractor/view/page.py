"""The whole view page: header and legend, the marked-up text, a table per kind, and the
inline stylesheet and script (the page loads nothing from anywhere)."""

from __future__ import annotations

from functools import lru_cache
from html import escape
from importlib import resources

from ..records import ArticleFacts
from .marks import KINDS, facts_marks, interval_text, mark_up, mention_id, quantity_value

KIND_NAMES = {"entity": "Entities", "quantity": "Quantities", "date": "Dates",
              "quotation": "Quotations", "term": "Quoted terms"}
# Nothing may be fetched: no scripts, styles, images or connections from anywhere.
CSP = ("default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; "
       "img-src data:; form-action 'self'")


@lru_cache(maxsize=None)
def asset(name: str) -> str:
    return resources.files(__package__).joinpath("assets").joinpath(name).read_text(encoding="utf-8")


def page(title: str, body: str, *, style: str = "view.css", script: str | None = "view.js") -> str:
    """A complete HTML document with its stylesheet (and script) inline."""
    js = f"<script>{asset(script)}</script>" if script else ""
    return ("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
            f'<meta http-equiv="Content-Security-Policy" content="{CSP}">'
            '<meta name="viewport" content="width=device-width, initial-scale=1">'
            f"<title>{escape(title)}</title><style>{asset(style)}</style></head>"
            f"<body>{body}{js}</body></html>\n")


def _fact_link(fact_id: str, text: str, limit: int = 90) -> str:
    shown = text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
    return f'<a class="jump" href="#fact-{escape(fact_id)}">{escape(shown)}</a>'


def _table(kind: str, headers: tuple[str, ...], rows: list[list[str]]) -> str:
    name = KIND_NAMES[kind]
    if not rows:
        return f'<section class="facts-table"><h2>{name} (0)</h2><p class="none">None found.</p></section>'
    head = "".join(f'<th scope="col">{h}</th>' for h in headers)
    body = "".join("<tr>" + "".join(f"<td>{cell}</td>" for cell in row) + "</tr>" for row in rows)
    return (f'<section class="facts-table" data-table="{kind}"><h2><span class="swatch k-{kind}"></span>'
            f"{name} ({len(rows)})</h2><div class=\"scroll\"><table><thead><tr>{head}</tr></thead>"
            f"<tbody>{body}</tbody></table></div></section>")


def _entity_button(entity_id: str | None, name: str) -> str:
    if not entity_id:
        return escape(name)
    return (f'<button type="button" class="select-entity" data-select="{escape(entity_id)}" '
            f'aria-pressed="false">{escape(name)}</button>')


def tables(facts: ArticleFacts) -> str:
    """A table per kind; every fact links to its place in the text."""
    entities = [[_entity_button(e.id, e.name), e.label, escape(", ".join(e.aliases)), escape(", ".join(e.roles)),
                 " ".join(_fact_link(mention_id(e, i), str(i + 1)) for i in range(len(e.mentions)))]
                for e in facts.entities]
    quantities = [[_fact_link(q.id, q.text), escape(quantity_value(q)), q.kind.replace("_", " "),
                   escape(q.counted or ""),
                   ", ".join(n for n in ("approximate" if q.approximate else "",
                                         f"{q.bound} bound" if q.bound else "", q.change or "") if n)]
                  for q in facts.quantities]
    dates = [[_fact_link(d.id, d.text), escape(d.value or "–"), d.type, d.calendar.replace("_", " "),
              escape(interval_text(d))] for d in facts.dates]
    quotations = [[_fact_link(q.id, q.text), _entity_button(q.speaker_id, q.speaker or "–"),
                   escape(q.cue or ""), "direct" if q.direct else "reported"] for q in facts.quotations]
    terms = [[_fact_link(t.id, t.text)] for t in facts.terms]
    return "".join((
        _table("entity", ("Name", "Label", "Aliases", "Roles", "Mentions"), entities),
        _table("quantity", ("Text", "Value", "Kind", "Counted", "Notes"), quantities),
        _table("date", ("Text", "TIMEX3", "Type", "Calendar", "Interval"), dates),
        _table("quotation", ("Quotation", "Speaker", "Cue", "Form"), quotations),
        _table("term", ("Term",), terms),
    ))


def _legend(facts: ArticleFacts) -> str:
    counts = {"entity": sum(len(e.mentions) for e in facts.entities), "quantity": len(facts.quantities),
              "date": len(facts.dates), "quotation": len(facts.quotations), "term": len(facts.terms)}
    items = "".join(
        f'<li><label><input type="checkbox" checked data-toggle="{kind}"> '
        f'<span class="swatch k-{kind}"></span>{KIND_NAMES[kind]} <span class="count">{counts[kind]}</span>'
        f"</label></li>" for kind in KINDS)
    return (f'<nav class="legend" aria-label="Legend: fact kinds shown"><ul>{items}</ul>'
            '<p class="hint">Hover or focus (Tab) a highlight to see its record; choose an entity '
            "(click, Enter or a name in the table) to light its mentions and the quotations it speaks; "
            "Esc clears.</p></nav>")


def _meta(facts: ArticleFacts) -> str:
    meta = facts.meta
    fields = [("Published", meta.published.isoformat() if meta.published else None), ("Dateline", meta.dateline),
              ("Publisher", meta.publisher), ("Byline", meta.byline), ("Licence", meta.license),
              ("Source", meta.source), ("Id", meta.id)]
    return '<dl class="meta">' + "".join(f"<dt>{k}</dt><dd>{escape(v)}</dd>" for k, v in fields if v) + "</dl>"


def render_view(text: str, facts: ArticleFacts, *, back_link: str | None = None) -> str:
    """The self-contained HTML page showing ``facts`` over ``text`` (the text they were taken from)."""
    title = facts.meta.title or "Facts of the article"
    back = f'<p class="back"><a href="{escape(back_link)}">Another article</a></p>' if back_link else ""
    body = (f'<header><h1>{escape(title)}</h1>{_meta(facts)}{_legend(facts)}'
            f'<p id="status" class="status" aria-live="polite"></p>{back}</header>'
            '<main class="layout">'
            f'<article id="text" class="text" aria-label="Article text with facts highlighted">'
            f"{mark_up(text, facts_marks(facts))}</article>"
            f'<aside class="tables" aria-label="Facts by kind">{tables(facts)}</aside></main>'
            '<div id="tip" role="tooltip" hidden></div>')
    return page(title, body)


def render_form(*, action: str = "/v1/view") -> str:
    """The page at ``GET /``: paste an article or press release, see its view."""
    body = ('<header><h1>News facts</h1><p>Paste an article or press release to see its quantities, '
            "entities, dates, quotations and quoted terms highlighted in place.</p></header>"
            f'<main><form class="paste" method="post" action="{escape(action)}">'
            '<label for="text">Article text</label>'
            '<textarea id="text" name="text" rows="18" required></textarea>'
            '<label for="published">Published (anchors relative dates; optional)</label>'
            '<input id="published" name="published" type="date">'
            '<button type="submit">Show the facts</button></form></main>')
    return page("News facts", body, style="view.css", script=None)
