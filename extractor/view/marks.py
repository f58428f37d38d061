"""Where each fact sits in the text, and the markup that highlights them all at once.

Facts overlap (a quotation holds entity mentions, dates and quantities), so the text is
marked up as nested ``<mark>`` elements; a fact that crosses the end of another is split
into fragments, the first of which carries the fact's id and is focusable.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from html import escape

from ..records import ArticleFacts, DateFact, Entity, Quantity, Quotation

KINDS = ("entity", "quantity", "date", "quotation", "term")
# Among facts with the same start and end, the outer one comes first.
_NESTING = {"quotation": 0, "term": 1, "entity": 2, "date": 3, "quantity": 4}


@dataclass(frozen=True)
class Mark:
    """One highlighted stretch: ``fact_id`` is unique on the page, ``attrs`` become data-*."""

    start: int
    end: int
    kind: str
    fact_id: str
    tip: str
    attrs: dict[str, str] = field(default_factory=dict)


def quantity_value(q: Quantity) -> str:
    """The value with its unit as a reader says it: "78 percent", "2,500,000,000 USD"."""
    value = _plain(q.value) + (f" to {_plain(q.value_max)}" if q.value_max is not None else "")
    return f"{value} {q.unit}" if q.unit else value


def _plain(value: int | float) -> str:
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        value = int(value)
    return f"{value:,}" if isinstance(value, int) else f"{value:,.10g}"


def quantity_tip(q: Quantity) -> str:
    lines = [f"Quantity ({q.kind.replace('_', ' ')}): {quantity_value(q)}"]
    if q.counted:
        lines.append(f"counted: {q.counted}")
    notes = [n for n in ("approximate" if q.approximate else "",
                         f"{q.bound} bound" if q.bound else "", q.change or "") if n]
    if notes:
        lines.append(", ".join(notes))
    return "\n".join(lines)


def interval_text(d: DateFact) -> str:
    if d.interval is None:
        return ""
    start, end = d.interval.start.isoformat(), d.interval.end.isoformat()
    return start if start == end else f"{start} to {end}"


def date_tip(d: DateFact) -> str:
    value = d.value if d.value is not None else "none (not normalised)"
    lines = [f"Date: TIMEX3 {value}", f"type {d.type}, {d.calendar.replace('_', ' ')} calendar"]
    if d.interval is not None:
        lines.append(f"interval: {interval_text(d)}")
    if d.range is not None:
        lines.append(f"range: {d.range.text}")
    return "\n".join(lines)


def quotation_tip(q: Quotation) -> str:
    lines = [f"{'Direct' if q.direct else 'Reported'} quotation"]
    if q.speaker:
        speaker = f"speaker: {q.speaker}" + (f" [{q.speaker_id}]" if q.speaker_id else "")
        if q.speaker_mention is not None and q.speaker_mention.text != q.speaker:
            speaker += f', named as "{q.speaker_mention.text}"'
        lines.append(speaker)
    else:
        lines.append("speaker: unknown")
    if q.cue:
        lines.append(f"cue: {q.cue}")
    if q.via_mention is not None:
        outlet = q.via or f'"{q.via_mention.text}"'
        lines.append(f"via: {outlet}" + (f" [{q.via_id}]" if q.via_id else ""))
    return "\n".join(lines)


def entity_tip(e: Entity, quotations: int) -> str:
    lines = [f"Entity {e.label}: {e.name} [{e.id}]"]
    if e.aliases:
        lines.append("aliases: " + ", ".join(e.aliases))
    if e.roles:
        lines.append("roles: " + ", ".join(e.roles))
    said = f", speaks {quotations} quotation{'s' if quotations != 1 else ''}" if quotations else ""
    lines.append(f"{len(e.mentions)} mention{'s' if len(e.mentions) != 1 else ''}{said}")
    return "\n".join(lines)


def mention_id(entity: Entity, index: int) -> str:
    return f"{entity.id}-m{index + 1}"


def facts_marks(facts: ArticleFacts) -> list[Mark]:
    """Every fact of ``facts`` as a Mark, entity mentions one by one."""
    spoken: dict[str, int] = {}
    for q in facts.quotations:
        if q.speaker_id:
            spoken[q.speaker_id] = spoken.get(q.speaker_id, 0) + 1
    marks = [Mark(m.start, m.end, "entity", mention_id(e, i), entity_tip(e, spoken.get(e.id, 0)),
                  {"entity": e.id, "label": e.label})
             for e in facts.entities for i, m in enumerate(e.mentions)]
    marks += [Mark(q.start, q.end, "quantity", q.id, quantity_tip(q)) for q in facts.quantities]
    marks += [Mark(d.start, d.end, "date", d.id, date_tip(d)) for d in facts.dates]
    marks += [Mark(q.start, q.end, "quotation", q.id, quotation_tip(q),
                   {"speaker": q.speaker_id} if q.speaker_id else {}) for q in facts.quotations]
    marks += [Mark(t.start, t.end, "term", t.id, "Quoted term (not speech)") for t in facts.terms]
    return marks


def _open_tag(mark: Mark, first: bool) -> str:
    attrs = [f'class="fact k-{mark.kind}"', f'data-fact="{escape(mark.fact_id)}"',
             f'data-kind="{mark.kind}"', f'data-tip="{escape(mark.tip)}"']
    attrs += [f'data-{name}="{escape(value)}"' for name, value in mark.attrs.items()]
    if first:
        attrs += [f'id="fact-{escape(mark.fact_id)}"', 'tabindex="0"']
    else:
        attrs.append('data-part="more"')
    return f"<mark {' '.join(attrs)}>"


def mark_up(text: str, marks: list[Mark]) -> str:
    """``text`` as HTML with every mark opened and closed in place, properly nested."""
    ordered = sorted(marks, key=lambda m: (m.start, -m.end, _NESTING.get(m.kind, 9)))
    bounds = sorted({0, len(text), *(m.start for m in marks), *(m.end for m in marks)})
    out: list[str] = []
    stack: list[Mark] = []
    pos, nxt = 0, 0
    for bound in bounds:
        out.append(escape(text[pos:bound], quote=False))
        pos = bound
        ending = [i for i, m in enumerate(stack) if m.end <= bound]
        if ending:
            # Close from the innermost down to the lowest mark that ends here, then reopen
            # the inner ones that go on: crossing facts become fragments.
            lowest = ending[0]
            out.append("</mark>" * (len(stack) - lowest))
            reopened = [m for m in stack[lowest:] if m.end > bound]
            del stack[lowest:]
            for m in reopened:
                out.append(_open_tag(m, first=False))
                stack.append(m)
        while nxt < len(ordered) and ordered[nxt].start == bound:
            mark = ordered[nxt]
            nxt += 1
            if mark.end > mark.start:
                out.append(_open_tag(mark, first=True))
                stack.append(mark)
    out.append("</mark>" * len(stack))
    return "".join(out)
