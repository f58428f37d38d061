"""The view in a real browser (headless Chromium): every fact of the golden article is
highlighted, its record shows on hover and on keyboard focus, choosing an entity lights its
mentions and quotations, the legend hides a kind, nothing is fetched, text stays readable;
and the service's form leads to a view."""

from __future__ import annotations

import pytest
from browser import CHROMIUM_ARGS, chromium_path
from conftest import CORPUS

from extractor import extract
from extractor.view import render_view
from extractor.view.marks import quantity_value

GOLDEN = CORPUS / "isipo_surge_in_production.txt"
SALEHINIA = "Mohsen Salehinia"


@pytest.fixture(scope="module")
def golden():
    source = GOLDEN.read_text(encoding="utf-8")
    return source, extract(source, published="2020-06-01")


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    executable = chromium_path()
    from playwright.sync_api import sync_playwright

    profile = tmp_path_factory.mktemp("chromium-profile")
    with sync_playwright() as p:
        context = p.chromium.launch_persistent_context(str(profile), executable_path=executable, headless=True,
                                                       args=CHROMIUM_ARGS, viewport={"width": 1400, "height": 1000})
        try:
            yield context
        finally:
            context.close()


@pytest.fixture()
def view(browser, golden, tmp_path):
    """The golden article's view opened from a file; ``requests`` lists every URL it asked for."""
    source, facts = golden
    path = tmp_path / "facts.html"
    path.write_text(render_view(source, facts), encoding="utf-8")
    page = browser.new_page()
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(path.as_uri())
    yield page, requests, path.as_uri()
    page.close()


FACT_STATE = """id => {
  const parts = [...document.querySelectorAll(`[data-fact="${id}"]`)];
  const first = document.getElementById("fact-" + id);
  const style = first ? getComputedStyle(first) : null;
  return {text: parts.map(p => p.textContent).join(""), focusable: first ? first.tabIndex : null,
          visible: first ? first.getClientRects().length > 0 : false,
          background: style ? style.backgroundColor : null, underline: style ? style.borderBottomStyle : null};
}"""


def _fact_ids(facts) -> dict[str, str]:
    ids = {f"{e.id}-m{i + 1}": m.text for e in facts.entities for i, m in enumerate(e.mentions)}
    ids |= {f.id: f.text for f in [*facts.quantities, *facts.dates, *facts.quotations, *facts.terms]}
    return ids


def test_every_fact_is_highlighted_and_nothing_is_fetched(view, golden):
    page, requests, uri = view
    _, facts = golden
    expected = _fact_ids(facts)
    assert len(expected) == 17 + 9 + 4 + 9 + 1
    for fact_id, text in expected.items():
        state = page.evaluate(FACT_STATE, fact_id)
        assert state["text"] == text, fact_id
        assert state["visible"] and state["focusable"] == 0, fact_id
        coloured = state["background"] not in ("rgba(0, 0, 0, 0)", "transparent")
        assert coloured or state["underline"] == "solid", fact_id
    assert requests == [uri]


def _tip(page) -> str:
    page.wait_for_selector("#tip", state="visible")
    return page.inner_text("#tip")


def test_hover_shows_each_quantity_with_its_value(view, golden):
    page, _, _ = view
    _, facts = golden
    for q in facts.quantities:
        page.hover(f"#fact-{q.id}")
        tip = _tip(page)
        assert quantity_value(q) in tip, q.id
        if q.counted:
            assert q.counted in tip
    page.hover("#fact-q1")
    assert _tip(page) == "Quantity (count): 1,500\ncounted: inactive production units"


def test_focus_shows_dates_quotations_and_entities(view, golden):
    page, _, _ = view
    _, facts = golden
    for d in facts.dates:
        page.focus(f"#fact-{d.id}")
        tip = _tip(page)
        assert (d.value or "none") in tip and (d.interval is None or d.interval.start.isoformat() in tip), d.id
    for q in facts.quotations:
        page.focus(f"#fact-{q.id}")
        tip = _tip(page)
        assert f"speaker: {q.speaker}" in tip and (q.cue is None or f"cue: {q.cue}" in tip), q.id
    salehinia = next(e for e in facts.entities if e.name == SALEHINIA)
    page.focus(f"#fact-{salehinia.id}-m1")
    assert f"Entity PERSON: {SALEHINIA}" in _tip(page)
    assert page.evaluate("document.activeElement.getAttribute('aria-describedby')") == "tip"


def test_tab_reaches_the_facts_in_text_order(view, golden):
    page, _, _ = view
    _, facts = golden
    page.focus("input[data-toggle='term']")  # the last control before the text
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "fact-e1-m1"  # TEHRAN
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == f"fact-{facts.quotations[0].id}"
    assert _tip(page).startswith("Reported quotation")


LIT = """() => [...document.querySelectorAll("#text mark.lit")].map(m => m.dataset.fact)"""


def test_choosing_an_entity_lights_its_mentions_and_quotations(view, golden):
    page, _, _ = view
    _, facts = golden
    salehinia = next(e for e in facts.entities if e.name == SALEHINIA)
    mentions = {f"{salehinia.id}-m{i + 1}" for i in range(len(salehinia.mentions))}
    spoken = {q.id for q in facts.quotations if q.speaker_id == salehinia.id}
    assert len(mentions) == 4 and len(spoken) == 8
    page.focus(f"#fact-{salehinia.id}-m1")
    page.keyboard.press("Enter")
    assert set(page.evaluate(LIT)) == mentions | spoken
    status = page.inner_text("#status")
    assert status.startswith(SALEHINIA) and "4 mentions, 8 quotations" in status
    page.keyboard.press("Escape")
    assert page.evaluate(LIT) == []
    isipo = next(e for e in facts.entities if "ISIPO" in e.aliases)
    page.click(f"button[data-select='{isipo.id}']")
    assert set(page.evaluate(LIT)) == {f"{isipo.id}-m{i + 1}" for i in range(len(isipo.mentions))}
    assert page.get_attribute(f"button[data-select='{isipo.id}']", "aria-pressed") == "true"


def test_the_legend_hides_and_shows_a_kind(view):
    page, _, _ = view
    background = "getComputedStyle(document.getElementById('fact-q1')).backgroundColor"
    shown = page.evaluate(background)
    page.uncheck("input[data-toggle='quantity']")
    assert page.evaluate(background) == "rgba(0, 0, 0, 0)"
    page.check("input[data-toggle='quantity']")
    assert page.evaluate(background) == shown != "rgba(0, 0, 0, 0)"


COLOURS = """kind => { const m = document.querySelector(`#text mark.k-${kind}`); const s = getComputedStyle(m);
  return [s.color, s.backgroundColor]; }"""


def _luminance(rgb: str) -> float:
    values = [int(v) / 255 for v in rgb[rgb.index("(") + 1: rgb.index(")")].split(",")[:3]]
    linear = [v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4 for v in values]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def test_highlighted_text_keeps_readable_contrast(view):
    page, _, _ = view
    for kind in ("entity", "quantity", "date", "quotation", "term"):
        ink, paper = page.evaluate(COLOURS, kind)
        light, dark = sorted((_luminance(ink), _luminance(paper)), reverse=True)
        assert (light + 0.05) / (dark + 0.05) >= 7, kind  # WCAG AAA for body text


def test_the_service_form_leads_to_the_view(browser, service):
    url = service[0]
    page = browser.new_page()
    try:
        page.goto(f"{url}/")
        page.fill("#text", 'OSLO - Brentmoor Rail said on Friday it carried 12 million passengers in 2022. '
                           '"Trains are full," Teodor Vask, the chief executive, said.')
        page.fill("#published", "2023-01-20")
        with page.expect_navigation():
            page.click("button[type=submit]")
        assert page.url == f"{url}/v1/view"
        assert page.inner_text("[data-fact='q1']") == "12 million"
        page.hover("#fact-q1")
        assert "12,000,000" in _tip(page)
        page.focus("[data-fact='d1']")
        assert "2023-01-20" in _tip(page)  # "Friday" resolved against the date typed in the form
    finally:
        page.close()
