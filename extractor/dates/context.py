"""What the whole article says about its dates: the publication date when only the
dateline gives it, whether the text is Iranian, whether it is history rather than news.

Invented examples: "SPRINGFIELD, Apr. 14, 2015 - ..." gives a publication date of
2015-04-14; a text naming "Farvardin" or "the Iranian year" is Iranian (so "1400" is a
Solar Hijri year); a text whose years are 1861, 1863 and 1865 is history, so "June 10"
takes the year of the date before it.
"""

from __future__ import annotations

import datetime as dt
import re
import statistics

from ..layout.model import Layout
from ..normalize.timex import FEDERAL_FISCAL_END
from ..payloads import DocMeta
from .items import Item
from .lexicon import ContextWords, fill

_URL_YEAR = re.compile(r"/((?:19|20)\d\d)/")


# A dateline's day may follow an abbreviated month without a space ("Nov.29"): the layout
# found the dateline already, so the looser form cannot be a stray number.
_DATELINE_DAY = r"(?P<d>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?!\w)"
# Day first ("9 January 2022"): its parts carry other names, read back by ``dateline_parts``.
_DATELINE_DMY = r"(?P<d2>3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?[ \t]+{MONTH2}(?:,?[ \t]*(?P<y2>\d{4})(?!\d))?"


def dateline_date_regex(places: dict[str, str]) -> re.Pattern[str]:
    """The date of a dateline the layout found: "Apr. 14, 2015", "Friday, May 2", "Nov.29",
    "9 January 2022"."""
    month = places["MONTH"].removesuffix(r"(?!\w)")  # the name may touch its day after a period
    mdy = month + r"(?:[ \t]+|(?<=\.))" + _DATELINE_DAY + fill(r"(?:,[ \t]*{YEAR})?", places)
    return re.compile(fill(r"(?:{WEEKDAY},?[ \t]+)?", places) + f"(?:{mdy}|{fill(_DATELINE_DMY, places)})")


def dateline_parts(m: re.Match[str]) -> dict[str, str]:
    """A dateline date's parts under the names the date resolver reads (m, d, y, wd)."""
    g = {k: v for k, v in m.groupdict().items() if v is not None}
    for own, common in (("m2", "m"), ("d2", "d"), ("y2", "y")):
        if own in g:
            g[common] = g.pop(own)
    return g


def dateline_item(text: str, layout: Layout, dateline_date: re.Pattern[str], items: list[Item]) -> list[Item]:
    """The items with the dateline's date added as a date of its own when no pattern found it
    ("KABUL, Oct.12 (XNA) --"): a dateline's date is the article's date."""
    date = layout.dateline.date if layout.dateline else None
    m = dateline_date.fullmatch(text, *date) if date else None
    if m is None:
        return items
    s, e = m.span()
    overlapping = [it for it in items if it.start < e and s < it.end]
    if any(it.start <= s and e <= it.end for it in overlapping):
        return items  # a pattern found it whole (or more)
    if any(it.start < s or e < it.end for it in overlapping):
        return items  # a longer phrase runs across its edge: leave the patterns' reading
    groups = dateline_parts(m)
    kept = [it for it in items if it not in overlapping]  # parts of it ("2011" of "Nov.29, 2011")
    return sorted([*kept, Item(s, e, "date", groups)], key=lambda it: it.start)


def publication_date(meta: DocMeta, text: str, layout: Layout, dateline_date: re.Pattern[str],
                     month_names: dict[str, int]) -> dt.date | None:
    """The metadata's publication date, else the dateline's (then written into ``meta``)."""
    published = meta.published
    if isinstance(published, dt.datetime):
        published = published.date()
    if isinstance(published, dt.date):
        return published
    found = published_from_dateline(text, layout, meta, dateline_date, month_names)
    if found is not None:
        meta.published = found
    return found


def written_on(published: dt.date | None, text: str, layout: Layout, dateline_date: re.Pattern[str],
               month_names: dict[str, int]) -> dt.date | None:
    """The day "today" means: a dateline's full date ("WASHINGTON, Jan. 9, 2022 --") when the
    metadata dates the text otherwise (a release reposted later keeps its own "today"),
    else the publication date."""
    if published is None:
        return None
    own = published_from_dateline(text, layout, None, dateline_date, month_names)
    return own or published


def published_from_dateline(text: str, layout: Layout, meta: DocMeta | None, dateline_date: re.Pattern[str],
                            month_names: dict[str, int]) -> dt.date | None:
    """A publication date from the dateline's date ("Apr. 14, 2015", or "Jul. 3" with a
    year from the metadata; without metadata only a full date)."""
    date = layout.dateline.date if layout.dateline else None
    m = dateline_date.fullmatch(text, *date) if date else None
    if not m:
        return None
    g = dateline_parts(m)
    month = month_names.get(g["m"].rstrip(".").lower())
    year = int(g["y"]) if g.get("y") else (year_from_meta(meta) if meta is not None else None)
    if month is None or year is None:
        return None
    try:
        return dt.date(year, month, int(g["d"]))
    except ValueError:
        return None


def year_from_meta(meta: DocMeta) -> int | None:
    """The year the metadata gives, or that the URL or source path shows ("/2021/07/")."""
    year = meta.extra.get("year")
    if isinstance(year, int) or (isinstance(year, str) and year.isdigit()):
        return int(year)
    for where in (meta.extra.get("url"), meta.source):
        m = _URL_YEAR.search(str(where or ""))
        if m:
            return int(m.group(1))
    return None


def is_iranian(text: str, layout: Layout, words: ContextWords) -> bool:
    """Whether the text is Iranian: an Iranian phrase, a Solar Hijri month name that is no
    other word, or a dateline place in Iran."""
    if any(p in text for p in words.iran_phrases):
        return True
    if words.sh_safe.search(text):
        return True
    place = layout.dateline.place if layout.dateline else None
    return place is not None and text[place[0] : place[1]] in words.iran_places


def fiscal_end_regex(places: dict[str, str]) -> re.Pattern[str]:
    """Where a text states when its fiscal year ends: "its fiscal year ends June 30", "a fiscal
    year ending in March"."""
    return re.compile(fill(r"(?i:fiscal\s+year\s+(?:that\s+|which\s+)?(?:ends|ended|ending|closes|closed"
                           r"|runs\s+(?:through|to|until))\s+(?:on\s+|in\s+|at\s+the\s+end\s+of\s+)?){MONTH}",
                           places))


def fiscal_end_month(text: str, stated: re.Pattern[str], words: ContextWords,
                     month_names: dict[str, int]) -> int | None:
    """The month the text's fiscal years end in: the one it states, else September where it
    speaks for the U.S. federal government, else None."""
    m = stated.search(text)
    if m:
        return month_names.get(m.group("m").rstrip(".").lower())
    return FEDERAL_FISCAL_END if is_federal(text, words) else None


def is_federal(text: str, words: ContextWords) -> bool:
    """Whether the text speaks for or of the U.S. federal government ("the federal agency",
    "the U.S. Department of Energy"), whose fiscal year runs from October to September."""
    return words.federal is not None and words.federal.search(text) is not None


def era_year(groups: dict[str, str]) -> int:
    """ "490 BC" -> -489 (astronomical numbering), "AD 70" -> 70."""
    year = int(groups["y"])
    return 1 - year if groups["era"].replace(".", "").upper() in ("BC", "BCE") else year


def is_narrative(items: list[Item], published: dt.date | None, iranian: bool = False) -> bool:
    """History rather than news: the years the text names lie long before publication.

    A news item that looks back ("the 1980-1988 war") still names the present now and
    then: a third of its years near publication keeps it news. In Iranian text a year
    like 1400 is a Solar Hijri year, roughly 621 years on in Gregorian terms.

    Without a publication date nothing tells the two apart, and year-less dates stay
    unresolved unless their own sentence gives the year.
    """
    if published is None:
        return False
    years = [int(it.groups["y"]) for it in items
             if it.kind in ("date", "year") and len(it.groups.get("y", "")) == 4 and "era" not in it.groups]
    # Years with an era ("490 BC", "AD 70") are history's own: a BC year counts as negative.
    years += [era_year(it.groups) for it in items if it.kind == "year" and "era" in it.groups and "y" in it.groups]
    if iranian:
        years = [y + 621 if 1300 <= y <= 1499 else y for y in years]
    if not years:
        return False
    median = statistics.median(years)
    recent = sum(1 for y in years if y >= published.year - 1)
    # A news item that names one recent year among three old ones ("launched on April 12,
    # 1981", "lost in 1986 and 2003") still speaks of its own present.
    if median < published.year - 10 and 3 * recent < len(years) and (not recent or len(years) >= 6):
        return True
    return len(years) >= 8 and median < published.year - 1
