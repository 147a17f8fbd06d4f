"""Join neighbouring mentions that a news reader reads as one expression.

The scanner resolves each expression on its own; a few constructions span two of
them and change their meaning:

- a duration before a date with "after"/"before" between: "three days after
  January 12" is 2017-01-15, "two weeks before Christmas" a day too; "the day
  after the vote" needs a date and is left alone;
- a clock time before a day: "8am this morning", "3 p.m. tomorrow", "6 p.m. on
  Christmas Eve" are one TIME on that day;
- an hour range "5 to 6pm", "between 10 and 11:30": the bare first hour is a TIME
  too, with the meridiem of the second.

The words come from the language's lexicon (``shift_after``, ``shift_before``,
``time_date_links``, ``range_words``); a language without them joins nothing.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from .._resources import shortcut_table
from ._lexicon import Lexicon, fold
from ._resolve import _add_months

__all__ = ["Item", "combine"]

#: (start, end, value, type, mod, rule)
Item = tuple[int, int, str, str, "str | None", str]

_YEAR_IN_TEXT = re.compile(r"(?<!\d)(?:1[5-9]|20)\d\d(?!\d)")
_SENTENCE_END = re.compile(r"[.!?。！？\n](?=\s+[A-ZÀ-Ý\"“]|\s*$)|[!?。！？\n]")
_POST_WORD = re.compile(r"\s?(\w+)")
_CLOCK_RULES = frozenset({"R_time", "R_clockw"})
#: the rules of a clock time a bare hour before it may open a range with ("5 to 6pm")
_RANGE_HEAD_RULES = frozenset({"R_time", "R_clockw", "clock_day"})
#: the rules whose month and day may take the year of an earlier date in the sentence
_CARRY_RULES = frozenset({"R_mdy", "R_dmy", "R_cjk", "R_dm", "R_md"})
#: how far back a year is carried from: the last few dates, a sentence's length at most
_CARRY_LOOKBACK = 4
_CARRY_REACH = 300
_DURATION = re.compile(r"^P(\d{1,4})([DWMY])$")
_DAY = re.compile(r"^(\d{4})-(\d\d)-(\d\d)$")
_MONTH = re.compile(r"^(\d{4})-(\d\d)$")
_YEAR = re.compile(r"^\d{4}$")
_CLOCK = re.compile(r"^(?:\d{4}-\d\d-\d\d|XXXX-XX-XX)(T\d\d:\d\d(?::\d\d)?Z?)$")
_DAY_OR_PART = re.compile(r"^(\d{4}-\d\d-\d\d|XXXX-WXX-\d|XXXX-\d\d-\d\d)(?:T(?:MO|AF|EV|NI|DT|MI))?$")
_LEAD = re.compile(r"(?<!\S)(\S+)\s+(\S+)\s+(\S+)\s*$")
_HOUR = re.compile(r"(?<![\d:.,])(\d{1,2})\s*$")


def _gap_words(gap: str) -> str:
    return fold(gap.strip().strip(",").strip())


def _shift(value: str, n: int, unit: str, sign: int) -> str | None:
    """``value`` (a day, month or year) moved by ``n`` units; None when the precision does not allow it."""
    day = _DAY.match(value)
    if day is not None:
        d = dt.date(int(day.group(1)), int(day.group(2)), int(day.group(3)))
        if unit in ("D", "W"):
            return (d + dt.timedelta(days=sign * n * (7 if unit == "W" else 1))).isoformat()
        months = n * (12 if unit == "Y" else 1)
        y, mo = _add_months(d.year, d.month, sign * months)
        last = (dt.date(y + mo // 12, mo % 12 + 1, 1) - dt.timedelta(days=1)).day
        return dt.date(y, mo, min(d.day, last)).isoformat()
    month = _MONTH.match(value)
    if month is not None and unit in ("M", "Y"):
        y, mo = _add_months(int(month.group(1)), int(month.group(2)), sign * n * (12 if unit == "Y" else 1))
        return f"{y:04d}-{mo:02d}"
    if _YEAR.match(value) and unit == "Y":
        return f"{int(value) + sign * n:04d}"
    return None


def _unit_before(lex: Lexicon, words: list[str]) -> str | None:
    """The unit of "the day" / "a week" at the end of ``words`` (one of that unit), or None."""
    if len(words) < 2:
        return None
    unit = lex.words.get("units", {}).get(fold(words[-1]))
    head = fold(words[-2])
    if unit in ("D", "W", "M", "Y") and (head in lex.words.get("the", ()) or head in lex.words.get("numbers", {})):
        return str(unit)
    return None


#: language -> (its lexicon, postposed modifier word -> mod): a lock-free memo of :func:`_post_words`
_POST: dict[str, tuple[Lexicon, dict[str, str]]] = shortcut_table()


def _post_words(lex: Lexicon) -> dict[str, str]:
    """The language's postposed modifier words ("sonunda", "말") and their mods (START, MID, END)."""
    found = _POST.get(lex.lang)
    if found is not None and found[0] is lex:
        return found[1]
    post: dict[str, str] = {}
    for key, code in (("start_post", "START"), ("mid_post", "MID"), ("end_post", "END")):
        for w in lex.words.get(key, ()):
            post[w] = code
    _POST[lex.lang] = (lex, post)
    return post


def combine(lex: Lexicon, text: str, items: list[Item], pub: dt.date | None = None) -> list[Item]:
    """``items`` (in text order) with the joins above applied (``pub``: the publication date, for ranges)."""
    words: Any = lex.words
    after_w = words.get("shift_after", ())
    before_w = words.get("shift_before", ())
    links = words.get("time_date_links", ())
    ranges = words.get("range_words", ())
    if not items:
        return items
    post = _post_words(lex)
    out: list[Item] = []
    i = 0
    while i < len(items):
        cur = items[i]
        nxt = items[i + 1] if i + 1 < len(items) else None
        if nxt is not None:
            gap: str | None = None  # the words between the two, read only where a join needs them
            # "three days after January 12", "two weeks before Christmas"
            dur = _DURATION.match(cur[2]) if cur[3] == "DURATION" else None
            if dur is not None:
                prior = text[max(0, cur[0] - 12) : cur[0]].split()
                if prior and fold(prior[-1]) in words.get("the", ()):
                    dur = None  # "the two weeks before Christmas" is a period, not a day
            if dur is not None and nxt[3] == "DATE":
                gap = _gap_words(text[cur[1] : nxt[0]])
            if dur is not None and nxt[3] == "DATE" and (gap in after_w or gap in before_w):
                shifted = _shift(nxt[2], int(dur.group(1)), dur.group(2), 1 if gap in after_w else -1)
                if shifted is not None:
                    mod = cur[4] if cur[4] == "APPROX" else None
                    out.append((cur[0], nxt[1], shifted, "DATE", mod, "shift"))
                    i += 2
                    continue
            # "8am this morning", "3 p.m. tomorrow", "6 p.m. on Christmas Eve"
            clock = _CLOCK.match(cur[2]) if cur[5] in _CLOCK_RULES else None
            day = _DAY_OR_PART.match(nxt[2]) if clock is not None and nxt[3] in ("DATE", "TIME") else None
            if clock is not None and day is not None and gap is None:
                gap = _gap_words(text[cur[1] : nxt[0]])
            if clock is not None and day is not None and (gap == "" or gap in links):
                joined: Item = (cur[0], nxt[1], day.group(1) + clock.group(1), "TIME", None, "clock_day")
                out.extend(_range_head(lex, text, out, joined, ranges))
                prev = out[-1] if out else None
                prev_clock = _CLOCK.match(prev[2]) if prev is not None and prev[5] in _CLOCK_RULES else None
                if prev is not None and prev_clock is not None and _gap_words(text[prev[1] : cur[0]]) in ranges:
                    # "from 7 a.m. to 8 p.m. on Tuesday": both ends are on Tuesday
                    on = day.group(1)
                    if prev_clock.group(1)[:3] > clock.group(1)[:3] and _DAY.match(on):  # overnight: the day before
                        on = (dt.date.fromisoformat(on) - dt.timedelta(days=1)).isoformat()
                    out[-1] = (prev[0], prev[1], on + prev_clock.group(1), "TIME", None, "clock_day")
                out.append(joined)
                i += 2
                continue
        # "the day after the election" has no date to anchor; "the day after March 3" has
        if cur[3] == "DATE" and (after_w or before_w):
            floor = out[-1][1] if out else 0
            lo = max(floor, cur[0] - 40)
            last = text[lo : cur[0]].rsplit(None, 1)[-1:]  # the word "after"/"before" must end the lead
            lead = None
            if last and (fold(last[0]) in after_w or fold(last[0]) in before_w):
                lead = _LEAD.search(text, lo, cur[0])
            if lead is not None and (fold(lead.group(3)) in after_w or fold(lead.group(3)) in before_w):
                unit = _unit_before(lex, [lead.group(1), lead.group(2)])
                shifted = _shift(cur[2], 1, unit, 1 if fold(lead.group(3)) in after_w else -1) if unit else None
                if shifted is not None:
                    out.append((lead.start(1), cur[1], shifted, "DATE", None, "shift"))
                    i += 1
                    continue
        # "morgen früh um 8 Uhr", "Friday, at 3 p.m.": a day, then its clock time
        if nxt is not None and cur[5] not in _CLOCK_RULES and nxt[5] in _CLOCK_RULES:
            day2 = _DAY_OR_PART.match(cur[2]) if cur[3] in ("DATE", "TIME") else None
            clock2 = _CLOCK.match(nxt[2])
            if day2 is not None and clock2 is not None and _gap_words(text[cur[1] : nxt[0]]) == "":
                out.append((cur[0], nxt[1], day2.group(1) + clock2.group(1), "TIME", None, "clock_day"))
                i += 2
                continue
        # postposed modifiers: ko "2023년 말", tr "Ocak sonunda", ja "今月初め"
        if cur[3] == "DATE" and cur[4] is None and post:
            tail = text[cur[1] : cur[1] + 24]
            pm = _POST_WORD.match(tail)
            word = fold(pm.group(1)) if pm is not None else ""
            hit: str | None = word if word in post else None
            if hit is None and (lex.anchor_open_end or not lex.spaced):  # ko "말에", tr "sonunda", ja "中旬に"
                slack = 3 if lex.spaced else len(word)
                hit = next((p for p in post if word.startswith(p) and len(word) - len(p) <= slack), None)
            if pm is not None and hit is not None:
                cur = (cur[0], cur[1] + pm.start(1) + len(hit), cur[2], "DATE", post[hit], cur[5])
        # "Easter Monday 2019 fell on April 22": a month and day without a year take the year of a date with an
        # explicit year earlier in the same sentence
        if (
            cur[5] in _CARRY_RULES
            and cur[3] in ("DATE", "TIME")
            and _DAY.match(cur[2][:10])
            and not _YEAR_IN_TEXT.search(text[cur[0] : cur[1]])
        ):
            cur = _carry_year(text, out, cur)
        if cur[5] == "R_same":
            cur = _same(out, cur)
        if cur[5] in _RANGE_HEAD_RULES:
            out.extend(_range_head(lex, text, out, cur, ranges))
        out.append(cur)
        i += 1
    return _date_ranges(lex, text, out, ranges, pub) if ranges else out


_DAY_RANGE_AFTER = re.compile(r"(\s*(?:[-–]|\s(\S+)\s))(\d{1,2})(?:st|nd|rd|th|\.)?(?![\d\w%])(?![.,]\d)")
_DAY_RANGE_BEFORE = re.compile(r"(?<![\d.,:/])(\d{1,2})(?:st|nd|rd|th|er|\.)?(\s*[-–]\s*|\s+(\S+)\s+)$")
_RANGE_DAY_RULES = frozenset({"R_mdy", "R_dmy"})
_MONTH_RULES = frozenset({"R_month", "R_mdy", "R_dmy", "R_md", "R_dm"})


def _is_link(link: str | None, ranges: Any) -> bool:
    """A range link: a dash or one of the language's range words ("to", "au", "bis")."""
    return link is None or fold(link) in ranges


def _date_ranges(lex: Lexicon, text: str, items: list[Item], ranges: Any, pub: dt.date | None) -> list[Item]:
    """Ranges of dates: "June 13-15", "13-15 June", "du 13 au 15 juin" give both days; in "from January to April
    2015" the first month takes the year of the second; "between Monday and Friday" ends after it starts."""
    out: list[Item] = []
    for k, cur in enumerate(items):
        prev = out[-1] if out else None
        day = _DAY.match(cur[2]) if cur[3] == "DATE" and cur[5] in _RANGE_DAY_RULES else None
        if day is not None:
            floor = prev[1] if prev is not None else 0
            before = _DAY_RANGE_BEFORE.search(text, max(floor, cur[0] - 16), cur[0])
            if before is not None and _is_link(before.group(3), ranges) and int(before.group(1)) < int(day.group(3)):
                first = _day_in(cur[2], int(before.group(1)))
                if first is not None:
                    out.append((before.start(1), before.end(1), first, "DATE", None, "range_day"))
        if prev is not None and cur[3] == "DATE" and prev[3] == "DATE":
            gap = text[prev[1] : cur[0]]
            link = gap.strip()
            if link in ("-", "–") or fold(link) in ranges:
                prev, cur = _weekday_range(_range_start(text, prev, cur), cur, pub)
                out[-1] = prev
        out.append(cur)
        if day is not None:
            nxt = items[k + 1][0] if k + 1 < len(items) else len(text)
            after = _DAY_RANGE_AFTER.match(text, cur[1], nxt)
            if after is not None and _is_link(after.group(2), ranges) and int(after.group(3)) > int(day.group(3)):
                words = text[after.end() : after.end() + 24].split()[:1]
                nxt_word = fold(words[0].strip(",.;:!?)")) if words else ""
                # "June 13-15 in Apulia", "from June 13 to 15," are ranges; "June 13 to 15 people" is none
                if after.group(2) is None or not nxt_word[:1].isalnum() or any(
                    nxt_word in lex.words.get(key, ()) for key in ("preps", "conn", "the")
                ):
                    last = _day_in(cur[2], int(after.group(3)))
                    if last is not None:
                        out.append((after.start(3), after.end(3), last, "DATE", None, "range_day"))
    return out


def _day_in(value: str, d: int) -> str | None:
    """The day ``d`` of the month of day value ``value`` (None when it does not exist)."""
    try:
        return dt.date(int(value[:4]), int(value[5:7]), d).isoformat()
    except ValueError:
        return None


def _range_start(text: str, prev: Item, cur: Item) -> Item:
    """The first end of a range without a year takes the year of the second ("from January to April 2015")."""
    year = _YEAR_IN_TEXT.search(text[cur[0] : cur[1]])
    if prev[5] not in _MONTH_RULES or year is None or _YEAR_IN_TEXT.search(text[prev[0] : prev[1]]):
        return prev
    if not (_DAY.match(prev[2][:10]) or _MONTH.match(prev[2][:7])) or not _MONTH.match(cur[2][:7]):
        return prev  # the end must name a month too: "in March and 2000 more" is no range
    if cur[2][:4] != year.group():
        return prev
    y = int(year.group())
    moved = f"{y:04d}{prev[2][4:]}"
    if moved[:7] > cur[2][:7]:  # "from December to March 2015": December 2014
        moved = f"{y - 1:04d}{prev[2][4:]}"
    try:
        if len(moved) >= 10:
            dt.date.fromisoformat(moved[:10])
    except ValueError:
        return prev
    return (prev[0], prev[1], moved, prev[3], prev[4], prev[5])


def _weekday_range(prev: Item, cur: Item, pub: dt.date | None) -> tuple[Item, Item]:
    """"from Monday to Friday": the second weekday is not before the first; in a past range the first moves a week
    back, in a coming one the second a week on."""
    if prev[5] != "R_wd" or cur[5] != "R_wd" or pub is None:
        return prev, cur
    if _DAY.match(prev[2]) is None or _DAY.match(cur[2]) is None or cur[2] >= prev[2]:
        return prev, cur
    a, b = dt.date.fromisoformat(prev[2]), dt.date.fromisoformat(cur[2])
    if a <= pub:
        return (prev[0], prev[1], (a - dt.timedelta(days=7)).isoformat(), *prev[3:]), cur
    return prev, (cur[0], cur[1], (b + dt.timedelta(days=7)).isoformat(), *cur[3:])


def _carry_year(text: str, out: list[Item], cur: Item) -> Item:
    """``cur`` in the year of the last explicit-year date before it in its sentence (when one differs)."""
    if cur[5] not in _CARRY_RULES:
        return cur
    floor = cur[0] - _CARRY_REACH
    for prev in out[: -_CARRY_LOOKBACK - 1 : -1]:  # a bounded look back keeps long texts linear
        if prev[1] < floor or _SENTENCE_END.search(text, prev[1], cur[0]):
            return cur
        year = _YEAR_IN_TEXT.search(text[prev[0] : prev[1]])
        if year is not None and prev[2][:4] == year.group() and prev[3] in ("DATE", "TIME"):
            y = int(year.group())
            if cur[2][:4] == year.group():
                return cur
            try:
                moved = dt.date(y, int(cur[2][5:7]), int(cur[2][8:10]))
            except ValueError:
                return cur
            return (cur[0], cur[1], moved.isoformat() + cur[2][10:], cur[3], cur[4], cur[5])
    return cur


def _same(out: list[Item], cur: Item) -> Item:
    """"the same day": the last day named before it (its month, year), else the publication's."""
    size = {10: 10, 7: 7, 4: 4}.get(len(cur[2]))
    for prev in reversed(out):
        if prev[3] == "DATE" and _DAY.match(prev[2][:10]) and size is not None and "W" not in cur[2]:
            return (cur[0], cur[1], prev[2][:size], "DATE", None, "R_same")
    return cur


def _range_head(lex: Lexicon, text: str, out: list[Item], cur: Item, ranges: Any) -> list[Item]:
    """"5 to 6pm", "between 10 and 11:30": the bare first hour before clock time ``cur``, as a TIME."""
    if cur[5] not in _RANGE_HEAD_RULES or not ranges:
        return []
    floor = out[-1][1] if out else 0
    lo = max(floor, cur[0] - 24)
    before = text[lo : cur[0]].rstrip()
    parts = before.rsplit(None, 1)
    link = parts[-1] if parts else ""
    if not (fold(link) in ranges or link in ("-", "–")):
        return []
    hm = _HOUR.search(before[: len(before) - len(link)])
    if hm is None:
        return []
    first = _first_hour(int(hm.group(1)), cur[2], text[cur[0] : cur[1]])
    if first is None:
        return []
    return [(lo + hm.start(1), lo + hm.end(1), first, "TIME", None, "R_time")]


def _first_hour(h: int, second: str, second_text: str) -> str | None:
    """The value of the bare hour ``h`` opening a range that ends at TIME ``second``."""
    m = re.search(r"T(\d\d):(\d\d)", second)
    if m is None or h > 23:
        return None
    h2 = int(m.group(1))
    has_meridiem = any(ch.isalpha() for ch in second_text)
    if has_meridiem and h <= 12:
        if h2 >= 12 and h < 12 and h + 12 <= h2:
            h += 12
        elif h2 < 12 and h == 12:
            h = 0
    elif not has_meridiem and ":" not in second_text:
        return None
    return second[: m.start()] + f"T{h:02d}:00"
