"""The golden article: every fact exactly right, nothing false beside them."""

import json

import pytest

import extractor
from conftest import CORPUS

ARTICLE = CORPUS / "isipo_surge_in_production.txt"
EXPECTED = CORPUS / "isipo_surge_in_production.facts.json"
PUBLISHED = "2020-06-01"


@pytest.fixture(scope="module")
def text():
    return ARTICLE.read_text(encoding="utf-8")


def test_output_equals_expected_records(text):
    got = extractor.extract(text, published=PUBLISHED).model_dump(mode="json")
    expected = json.loads(EXPECTED.read_text(encoding="utf-8"))
    for kind in ("meta", "entities", "quantities", "dates", "quotations", "terms"):
        assert got[kind] == expected[kind], f"{kind} differ from {EXPECTED.name}"
    assert got == expected


def test_expected_records_are_valid_against_the_article(text):
    extractor.ArticleFacts.validate_against(json.loads(EXPECTED.read_text(encoding="utf-8")), text)


def test_without_publication_date_values_stay_unresolved(text):
    facts = extractor.extract(text)
    values = {d.text: d.value for d in facts.dates}
    assert values["March 20"] == "XXXX-03-20"
    assert values["2019"] == "2019"
    iranian = [d for d in facts.dates if d.text == "the current Iranian calendar year"]
    assert len(iranian) == 2 and all(d.interval is None for d in iranian)
    assert facts.meta.published is None


def test_key_facts_read_like_the_issue(text):
    """The facts issue 2 lists, stated independently of the expected file."""
    facts = extractor.extract(text, published=PUBLISHED)
    quantities = {(q.value, q.unit, q.counted, q.approximate, q.bound) for q in facts.quantities}
    assert quantities == {
        (1500, None, "inactive production units", False, None),
        (90, None, "units", False, None),
        (43650, None, "Small and Medium-sized Enterprises", False, None),
        (800, None, "industrial parks", False, "lower"),
        (78, "percent", None, True, None),
        (33800, None, None, False, None),
        (900000, None, "job opportunities", True, None),
        (22, "percent", "SMEs", False, None),
        (710000, None, "people", False, None),
    }
    dates = {d.text: d for d in facts.dates}
    assert dates["March 20"].value == "2020-03-20"
    year = [d for d in facts.dates if d.text == "the current Iranian calendar year"]
    assert [(str(d.interval.start), str(d.interval.end)) for d in year] == [
        ("2020-03-20", "2021-03-20")] * 2
    direct = [q for q in facts.quotations if q.direct]
    assert [q.text.split(",")[0][:40] for q in direct] == [
        "In the current situation of the country",
        "In order to fulfill the slogan of the su",
        "Import management and export development",
    ]
    assert {q.speaker for q in direct} == {"Mohsen Salehinia"}
    assert [q.speaker_mention.text for q in direct] == ["the official", "he", "Salehinia"]
    assert {q.cue for q in direct} == {"said"}
    assert "“surge in production”" in direct[2].text
    assert all(q.via is None for q in direct)
    relayed = [q for q in facts.quotations if q.via is not None]
    assert [(q.text[:30], q.speaker, q.cue, q.via) for q in relayed] == [
        ("in order to realize the curren", "Mohsen Salehinia", "says", "IRIB")]
    assert [t.text for t in facts.terms] == ["surge in production"]
    names = {(e.name, e.label): e for e in facts.entities}
    assert set(names) == {
        ("Tehran", "GPE"), ("Iran Small Industries and Industrial Parks Organization", "ORG"),
        ("IRIB", "ORG"), ("East Azarbaijan Province", "GPE"), ("Mohsen Salehinia", "PERSON"),
        ("Industry Ministry", "ORG"), ("U.S.", "GPE"), ("Mehr News Agency", "ORG"),
        ("Iranian", "NORP"),
    }
    assert "ISIPO" in names[("Iran Small Industries and Industrial Parks Organization", "ORG")].aliases
    person = names[("Mohsen Salehinia", "PERSON")]
    assert "Salehinia" in person.aliases and "Head of ISIPO" in person.roles
    assert "industry ministry" in names[("Industry Ministry", "ORG")].aliases
    assert (facts.meta.dateline, facts.meta.publisher, facts.meta.license) == (
        "TEHRAN", "Mehr News Agency", "CC-BY-4.0")
    speaker_ids = {q.speaker_id for q in direct}
    assert speaker_ids == {person.id}


# Other real names, places and numbers in the same article: the changed facts must come out,
# which shows the rules are general rather than fitted to the golden text.
PERTURBATION = [
    ("Iran Small Industries and Industrial Parks Organization", "Iran Trade Promotion Organization"),
    ("ISIPO", "TPO"), ("TEHRAN", "MASHHAD"), ("IRIB", "IRNA"), ("East Azarbaijan", "Khuzestan"),
    ("Mohsen Salehinia", "Alireza Peymanpak"), ("Salehinia", "Peymanpak"),
    ("Industry Ministry", "Agriculture Ministry"), ("industry ministry", "agriculture ministry"),
    ("U.S.", "UK"), ("Mehr News Agency", "Tasnim News Agency"), ("1500", "2300"),
    ("90 units", "75 units"), ("43,650", "51,200"), ("over 800", "over 950"),
    ("78 percent", "64 percent"), ("33,800", "32,770"), ("900,000", "1,200,000"),
    ("22 percent", "36 percent"), ("710,000", "640,000"), ("2019", "2018"),
]


def test_perturbed_article_gives_the_changed_facts(text):
    for old, new in PERTURBATION:
        assert old in text
        text = text.replace(old, new)
    facts = extractor.extract(text, published="2021-07-01")
    assert sorted((q.value, q.unit, q.approximate, q.bound) for q in facts.quantities) == sorted([
        (2300, None, False, None), (75, None, False, None), (51200, None, False, None),
        (950, None, False, "lower"), (64, "percent", True, None), (32770, None, False, None),
        (1200000, None, True, None), (36, "percent", False, None), (640000, None, False, None),
    ])
    names = {(e.name, e.label) for e in facts.entities}
    assert names == {
        ("Mashhad", "GPE"), ("Iran Trade Promotion Organization", "ORG"), ("IRNA", "ORG"),
        ("Khuzestan Province", "GPE"), ("Alireza Peymanpak", "PERSON"),
        ("Agriculture Ministry", "ORG"), ("UK", "GPE"), ("Tasnim News Agency", "ORG"),
        ("Iranian", "NORP"),
    }
    person = next(e for e in facts.entities if e.label == "PERSON")
    assert "Peymanpak" in person.aliases and "Head of TPO" in person.roles
    direct = [q for q in facts.quotations if q.direct]
    assert len(direct) == 3 and {q.speaker for q in direct} == {"Alireza Peymanpak"}
    values = {d.text: d.value for d in facts.dates}
    assert values["March 20"] == "2021-03-20" and values["2018"] == "2018"
    assert (facts.meta.dateline, facts.meta.publisher) == ("MASHHAD", "Tasnim News Agency")
