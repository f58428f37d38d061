"""The HTTP service end to end: a real `extractor serve` with 2 worker processes (conftest's
``service`` fixture), every endpoint, every error status, the API key, a long document beside
a health check, the request log, and the worker pool on its own."""

from __future__ import annotations

import asyncio
import json
import threading

import httpx
import pytest

from extractor.io.readers import MAX_BYTES
from extractor.records import ArticleFacts, json_schema

from conftest import SERVICE_TIMEOUT

STORY = ("GENEVA - Orvalia Textiles said on Tuesday that exports rose 14 percent to $2.5 billion in 2022. "
         '"We will hire 300 weavers next year," chief executive Mara Quillon said.')
PAGE = ("<html><head><title>Weavers wanted</title></head><body><nav>Home | News</nav><article><h1>Weavers wanted"
        "</h1><p>GENEVA - Orvalia Textiles said on Tuesday that exports rose 14 percent to $2.5 billion in 2022, "
        "and that the company would open 12 new workshops across the country by the end of the year.</p>"
        '<p>"We will hire 300 weavers next year," chief executive Mara Quillon told reporters at the plant, '
        "adding that wages would rise by about 6 percent for all staff.</p></article></body></html>")


@pytest.fixture(scope="module")
def url(service):
    return service[0]


def facts_of(response: httpx.Response, source: str) -> ArticleFacts:
    assert response.status_code == 200, response.text
    return ArticleFacts.validate_against(response.json(), source)


# --------------------------------------------------------------------------- endpoints


def test_health_and_readiness(url):
    assert httpx.get(f"{url}/healthz").json() == {"status": "ok"}
    ready = httpx.get(f"{url}/readyz")
    assert ready.status_code == 200
    assert ready.json()["status"] == "ready" and ready.json()["workers"] == 2


def test_extract_json(url):
    body = {"text": STORY, "published": "2023-03-07", "id": "story-7",
            "meta": {"title": "Weavers wanted", "source": "https://example.org/weavers"}}
    facts = facts_of(httpx.post(f"{url}/v1/extract", json=body, timeout=60), STORY)
    assert (facts.meta.id, facts.meta.source, facts.meta.title) == ("story-7", "https://example.org/weavers",
                                                                     "Weavers wanted")
    assert str(facts.meta.published) == "2023-03-07" and facts.meta.dateline == "GENEVA"
    assert [(q.text, q.value, q.unit) for q in facts.quantities][:2] == [("14 percent", 14, "percent"),
                                                                        ("$2.5 billion", 2500000000, "USD")]
    tuesday = next(d for d in facts.dates if d.text == "Tuesday")
    assert tuesday.value == "2023-03-07"  # anchored on the publication date
    assert any(q.speaker == "Mara Quillon" and q.direct for q in facts.quotations)


def test_extract_raw_text_takes_published_and_id_from_the_query(url):
    response = httpx.post(f"{url}/v1/extract", params={"published": "2023-03-07", "id": "raw-1"},
                          content=STORY.encode(), headers={"Content-Type": "text/plain; charset=utf-8"}, timeout=60)
    facts = facts_of(response, STORY)
    assert facts.meta.id == "raw-1"
    assert next(d for d in facts.dates if d.text == "Tuesday").value == "2023-03-07"


@pytest.mark.parametrize("as_json", [False, True])
def test_extract_html_reads_the_main_text(url, as_json):
    if as_json:
        response = httpx.post(f"{url}/v1/extract", json={"html": PAGE}, timeout=60)
    else:
        response = httpx.post(f"{url}/v1/extract", content=PAGE.encode(), headers={"Content-Type": "text/html"},
                              timeout=60)
    assert response.status_code == 200, response.text
    facts = ArticleFacts.model_validate(response.json())
    assert facts.meta.title == "Weavers wanted"
    assert {q.text for q in facts.quantities} >= {"14 percent", "$2.5 billion", "12", "300"}
    assert "Home" not in {m.text for e in facts.entities for m in e.mentions}


def test_batch_answers_in_order_with_error_items(url):
    docs = [{"text": STORY, "id": "a", "published": "2023-03-07"},
            {"text": STORY, "id": "b", "published": "2023-02-30"},
            {"html": "<html><body><img src=x.png></body></html>", "id": "c"},
            {"text": "   "},
            {"text": "PARIS - The museum sold 40 paintings, its director said.", "id": "e"}]
    response = httpx.post(f"{url}/v1/extract/batch", json=docs, timeout=60)
    assert response.status_code == 200, response.text
    items = response.json()
    assert len(items) == 5
    assert items[0]["meta"]["id"] == "a" and items[4]["meta"]["id"] == "e"
    ArticleFacts.validate_against(items[0], STORY)
    assert [q["value"] for q in items[4]["quantities"]] == [40]
    assert items[1] == {"index": 1, "id": "b", "status": 422,
                        "detail": items[1]["detail"]} and items[1]["detail"].startswith("published:")
    assert (items[2]["index"], items[2]["id"], items[2]["status"]) == (2, "c", 422)
    assert "no main text" in items[2]["detail"]
    assert (items[3]["index"], items[3]["status"], items[3]["detail"]) == (3, 422, "Value error, empty input")


def test_batch_limits(url):
    assert httpx.post(f"{url}/v1/extract/batch", json=[]).json() == []
    too_many = httpx.post(f"{url}/v1/extract/batch", json=[{"text": "x"}] * 101)
    assert too_many.status_code == 422 and "at most 100" in too_many.json()["detail"][0]["msg"]
    not_a_list = httpx.post(f"{url}/v1/extract/batch", json={"text": STORY})
    assert not_a_list.status_code == 422
    raw = httpx.post(f"{url}/v1/extract/batch", content=STORY.encode(), headers={"Content-Type": "text/plain"})
    assert raw.status_code == 415


def test_schema_and_openapi(url):
    assert httpx.get(f"{url}/v1/schema").json() == json_schema()
    openapi = httpx.get(f"{url}/openapi.json").json()
    assert {"/v1/extract", "/v1/extract/batch", "/v1/view", "/v1/schema", "/healthz", "/readyz", "/"} <= set(openapi["paths"])
    schemas = openapi["components"]["schemas"]
    # The records the service answers are the library's own Pydantic records.
    assert set(schemas["Quantity"]["properties"]) == set(ArticleFacts.model_json_schema()["$defs"]["Quantity"]["properties"])
    content = openapi["paths"]["/v1/extract"]["post"]["requestBody"]["content"]
    assert set(content) == {"application/json", "text/plain", "text/html"}
    assert set(schemas["ExtractRequest"]["properties"]) == {"text", "html", "published", "id", "meta"}


def test_view_endpoint_and_form(url):
    page = httpx.post(f"{url}/v1/view", params={"published": "2023-03-07"}, content=STORY.encode(),
                      headers={"Content-Type": "text/plain"}, timeout=60)
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    assert 'data-fact="q1"' in page.text and "Mara Quillon" in page.text
    form = httpx.get(f"{url}/")
    assert form.status_code == 200 and '<form class="paste" method="post" action="/v1/view"' in form.text
    posted = httpx.post(f"{url}/v1/view", data={"text": STORY, "published": "2023-03-07"}, timeout=60)
    assert posted.status_code == 200 and 'id="fact-q1"' in posted.text and 'href="/"' in posted.text


# --------------------------------------------------------------------------- errors


def test_413_over_10_mb(url):
    too_big = b"a" * (MAX_BYTES + 1)
    response = httpx.post(f"{url}/v1/extract", content=too_big, headers={"Content-Type": "text/plain"}, timeout=60)
    assert response.status_code == 413
    assert "too large" in response.json()["detail"]


def test_413_without_content_length(url):
    def chunks():
        for _ in range(11):
            yield b"b" * (1024 * 1024)

    response = httpx.post(f"{url}/v1/extract", content=chunks(), headers={"Content-Type": "text/plain"}, timeout=60)
    assert response.status_code == 413


@pytest.mark.parametrize("content_type", ["application/xml", "multipart/form-data; boundary=x", None])
def test_415_for_other_content_types(url, content_type):
    headers = {"Content-Type": content_type} if content_type else {}
    response = httpx.post(f"{url}/v1/extract", content=b"<a>1</a>", headers=headers)
    assert response.status_code == 415
    assert "application/json, text/plain, text/html" in response.json()["detail"]


@pytest.mark.parametrize("body, field", [
    ({"text": STORY, "published": "2023-13-01"}, "published"),
    ({"text": STORY, "published": "last spring"}, "published"),
    ({"text": STORY, "html": "<p>x</p>"}, None),
    ({}, None),
    ({"text": ""}, None),
    ({"text": STORY, "language": "en"}, "language"),
    ({"text": STORY, "meta": {"colour": "red"}}, "meta"),
])
def test_422_for_invalid_fields(url, body, field):
    response = httpx.post(f"{url}/v1/extract", json=body)
    assert response.status_code == 422
    errors = response.json()["detail"]
    assert errors and all({"loc", "msg", "type"} <= set(e) for e in errors)
    if field:
        assert field in errors[0]["loc"]
    assert STORY not in response.text  # errors never echo the article


def test_422_for_a_bad_published_in_the_query(url):
    response = httpx.post(f"{url}/v1/extract", params={"published": "2023-02-30"}, content=STORY.encode(),
                          headers={"Content-Type": "text/plain"})
    assert response.status_code == 422 and response.json()["detail"][0]["loc"] == ["query", "published"]


def test_422_for_an_empty_raw_body(url):
    response = httpx.post(f"{url}/v1/extract", content=b" \n ", headers={"Content-Type": "text/plain"})
    assert response.status_code == 422 and response.json()["detail"][0]["msg"] == "empty input"


@pytest.mark.parametrize("content_type, body", [
    ("text/plain", "Profits rose 5 percent in Z\u00fcrich.".encode("latin-1")),
    ("application/json", b'{"text": "Z\xfcrich"}'),
])
def test_400_for_a_body_that_is_not_utf8(url, content_type, body):
    response = httpx.post(f"{url}/v1/extract", content=body, headers={"Content-Type": content_type})
    assert response.status_code == 400
    assert "not UTF-8" in response.json()["detail"]


def test_400_for_a_body_that_is_not_json(url):
    response = httpx.post(f"{url}/v1/extract", content=b'{"text": ', headers={"Content-Type": "application/json"})
    assert response.status_code == 400 and "not valid JSON" in response.json()["detail"]


# --------------------------------------------------------------------------- concurrency and the time limit


def test_health_answers_during_a_long_document_which_then_times_out(url):
    """A document near the 10 MB limit keeps a worker busy past the time limit: meanwhile
    /healthz answers, then the document gets 503 with the reason, and the worker is replaced."""
    sentence = "Orvalia Textiles said on Tuesday that exports rose 14 percent to $2.5 billion. "
    long_text = (sentence * (MAX_BYTES // len(sentence)))[: MAX_BYTES - 16]
    answer: dict[str, httpx.Response] = {}

    def post() -> None:
        answer["r"] = httpx.post(f"{url}/v1/extract", content=long_text.encode(),
                                 headers={"Content-Type": "text/plain"}, timeout=120)

    poster = threading.Thread(target=post)
    poster.start()
    with httpx.Client(base_url=url, timeout=30) as client:
        while client.get("/readyz").json()["busy"] == 0 and poster.is_alive():
            pass
        health = [client.get("/healthz") for _ in range(5)]
        busy = client.get("/readyz").json()["busy"]
    poster.join()
    assert busy >= 1 and [h.status_code for h in health] == [200] * 5
    response = answer["r"]
    assert response.status_code == 503
    assert f"longer than the limit of {SERVICE_TIMEOUT} s" in response.json()["detail"]
    # No input takes a worker away for good: both workers answer again.
    after = [httpx.post(f"{url}/v1/extract", json={"text": STORY}, timeout=120) for _ in range(4)]
    assert [r.status_code for r in after] == [200] * 4


def test_the_request_log_names_requests_but_never_article_text(service):
    url, log = service
    secret = "Zebulon Quartermaine of Ostravia Mills said 77 looms were idle."
    assert httpx.post(f"{url}/v1/extract", json={"text": secret}, timeout=60).status_code == 200
    text = log.read_text()
    assert "POST /v1/extract 200" in text
    assert "Zebulon" not in text and "Ostravia" not in text


# --------------------------------------------------------------------------- load (no timing asserted)


def _invented_texts() -> list[str]:
    places = ["GENEVA", "OSLO", "LIMA", "HANOI", "NAIROBI", "QUITO"]
    firms = ["Orvalia Textiles", "Brentmoor Rail", "Kestrel Foods", "Vantor Mining", "Lumea Power"]
    people = ["Mara Quillon", "Teodor Vask", "Ines Arbuth", "Paulo Renk"]
    texts = []
    for i in range(40):
        place, firm, person = places[i % 6], firms[i % 5], people[i % 4]
        texts.append(f"{place} - {firm} said on Monday its sales rose {i + 3} percent to ${i + 1}.{i % 10} million "
                     f"in {2000 + i}, and that {100 + 7 * i} workers would join by March. "
                     f'"We expect {i + 2} new plants," {person}, the chief executive, said.')
    return texts


def test_a_few_hundred_concurrent_requests_all_answer_valid_records(url):
    import jsonschema

    from conftest import ROOT

    texts = _invented_texts()
    validator = jsonschema.Draft202012Validator(json.loads((ROOT / "schemas" / "article_facts.schema.json").read_text()))

    async def run() -> list[tuple[str, httpx.Response]]:
        limit = asyncio.Semaphore(16)
        async with httpx.AsyncClient(base_url=url, timeout=120) as client:
            async def one(i: int) -> tuple[str, httpx.Response]:
                text = texts[i % len(texts)]
                async with limit:
                    if i % 2:
                        return text, await client.post("/v1/extract", json={"text": text, "published": "2023-05-02"})
                    return text, await client.post("/v1/extract", content=text.encode(),
                                                   headers={"Content-Type": "text/plain"})
            return await asyncio.gather(*(one(i) for i in range(300)))

    answers = asyncio.run(run())
    assert [r.status_code for _, r in answers] == [200] * 300
    for text, response in answers:
        data = response.json()
        validator.validate(data)
        facts = ArticleFacts.validate_against(data, text)
        assert facts.quantities and facts.quotations
