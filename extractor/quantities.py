"""Turns candidates into quantities: scale words, range, unit, qualifier and rate around a number.

A candidate becomes a quantity only when something says what it measures: `%`, a currency,
a money cue before it, or a counted noun after it. Bare numbers are left to `tables`.
"""
from __future__ import annotations

from functools import cache

import regex
from pydantic import BaseModel

from . import numbers, rules, segment
from .candidates import Candidate

_BLANK = r"[^\S\n]"
_FRACTION = regex.compile(r"[^\S\n]*(?:/|trong số|trong tổng số|trên tổng số)[^\S\n]*")  # "86/92 CĐCS", "874 trong số 962 CĐCS"


class Quantity(BaseModel):
    kind: str
    value: float
    value_max: float | None = None
    qualifier: str = "exact"
    unit: str
    per: str | None = None
    start: int
    end: int
    number_start: int  # the number itself, without qualifier words or unit
    number_end: int


class _Grammar:
    """The regexes built once from the rule files."""

    def __init__(self) -> None:
        nums, units, quals = rules.data("numbers"), rules.data("units"), rules.data("qualifiers")
        alt = rules.alternation
        self.scales = {k.lower(): v for k, v in nums["scales"].items()}
        scale = alt(list(self.scales))
        self.scale_chain = regex.compile(
            rf"{_BLANK}*(?P<s1>{scale})(?!\p{{L}})(?P<more>(?:{_BLANK}+\d+(?:[.,]\d+)?{_BLANK}*(?:{scale})(?!\p{{L}}))*)",
            regex.IGNORECASE,
        )
        self.scale_pair = regex.compile(rf"(\d+(?:[.,]\d+)?){_BLANK}*({scale})", regex.IGNORECASE)
        self.percent = regex.compile(rf"{_BLANK}*(?:{alt(units['percent_words'])})", regex.IGNORECASE)
        self.currency = regex.compile(rf"{_BLANK}*(?:{alt(units['currency_words'])})(?!\p{{L}})")
        self.aliases = {k.lower(): v for k, v in units["aliases"].items()}
        nouns = units["counted_nouns"] + list(units["aliases"])
        self.counted = regex.compile(rf"{_BLANK}*[\"“]?(?P<noun>{alt(nouns)})(?!\p{{L}})[\"”]?", regex.IGNORECASE)
        self.counted_anywhere = regex.compile(rf"(?<!\p{{L}})(?P<noun>{alt(nouns)})(?!\p{{L}})", regex.IGNORECASE)
        self.canonical = {n.lower(): n for n in units["counted_nouns"]}
        self.not_counted = regex.compile(rf"{_BLANK}*(?:{alt(units['not_counted'])})(?!\p{{L}})")
        self.not_noun = regex.compile(rf"(?:{alt(units['not_counted'] + units['not_nouns'])})", regex.IGNORECASE)
        self.money_cue = regex.compile(
            rf"(?<!\p{{L}})(?:{alt(units['money_cues'])}){_BLANK}*(?:[:(]|là|khoảng|trên|gần|hơn|xấp xỉ|ước)?{_BLANK}*$",
            regex.IGNORECASE,
        )
        per_words = alt(units["per_words"])
        self.per = regex.compile(rf"{_BLANK}*/{_BLANK}*(?P<per>(?:\d+{_BLANK}*)?(?:{per_words})(?:{_BLANK}*/{_BLANK}*(?:{per_words}))*)(?!\p{{L}})", regex.IGNORECASE)
        not_after = rf"(?<!(?<!\p{{L}})(?:{alt(quals['not_after'])}){_BLANK}+)"
        self.before = [
            (q, regex.compile(rf"{not_after}(?<!\p{{L}})(?:{alt(cues)}){_BLANK}+$", regex.IGNORECASE))
            for q, cues in quals["before"].items()
        ]
        self.out_of = regex.compile(alt(quals["out_of"]), regex.IGNORECASE)
        self.after = [
            (q, regex.compile(rf"(?:{_BLANK}+[\p{{L}}]+){{0,4}}?{_BLANK}*(?:{alt(cues)})(?!\p{{L}})", regex.IGNORECASE))
            for q, cues in quals["after"].items()
        ]
        # "85% tổ công đoàn trở lên" (the noun only) is at_least; "100% giáo viên đạt chuẩn trở lên" is not
        self.stop_words = rules.cue_regex(rules.data("subjects")["phrase_stops"])
        self.range_open = regex.compile(rf"(?<!\p{{L}})(?:{alt(quals['range_open'])}){_BLANK}+$", regex.IGNORECASE)
        self.range_join = regex.compile(rf"{_BLANK}*(?:{alt(quals['range_join'])}){_BLANK}*", regex.IGNORECASE)


    def unit_of(self, noun: str) -> str:
        """The unit a counted noun stands for: lower case, abbreviations as written in the rules."""
        unit = self.aliases.get(noun.lower(), self.canonical.get(noun.lower(), noun))
        written = self.canonical.get(unit.lower(), unit)
        return written if any(ch.isupper() for ch in written) else unit.lower()


@cache
def grammar() -> _Grammar:
    return _Grammar()


def _value(c: Candidate, kind: str, scaled: bool) -> float:
    if c.spelled_value is not None:
        return float(c.spelled_value)
    return numbers.read_digits(c.literal, kind=kind, scaled=scaled)


def read_value(c: Candidate, kind: str, scaled: bool) -> float | None:
    try:
        return _value(c, kind, scaled)
    except numbers.NotANumber:
        return None


def _scale(text: str, pos: int) -> tuple[float, int, str | None]:
    """Multiplier and end of a scale chain at `pos` ("triệu", "tỷ 200 triệu")."""
    g = grammar()
    m = g.scale_chain.match(text, pos)
    if not m:
        return 1.0, pos, None
    return g.scales[m.group("s1").lower()], m.end(), m.group("more")


def read(text: str, candidates: list[Candidate]) -> tuple[list[Quantity], list[Candidate]]:
    """Quantities found, and the candidates that no unit claimed (for label and table reading)."""
    g = grammar()
    quantities: list[Quantity] = []
    unclaimed: list[Candidate] = []
    by_start = {c.start: c for c in candidates}
    covered = 0  # numbers inside a quantity already read ("2 triệu 500 nghìn đồng") are not read again
    for c in candidates:
        if c.start < covered:
            continue
        if (slash := _FRACTION.match(text, c.end)) and (whole := by_start.get(slash.end())):
            denominator = _quantity(text, whole, None, whole.end)
            if denominator and denominator.kind == "count" and (value := read_value(c, "count", False)) is not None:
                start, qualifier = _qualifier_before(text, c.start)
                quantities.append(Quantity(kind="count", value=value, qualifier=qualifier, unit=denominator.unit,
                                           start=start, end=c.end, number_start=c.start, number_end=c.end))
                continue
        upper = None
        pos = c.end
        join = g.range_join.match(text, pos)
        if join and join.end() in by_start and join.group().strip():
            upper = by_start[join.end()]
            pos = upper.end
        q = _quantity(text, c, upper, pos)
        if q is None:
            unclaimed.append(c)
            continue
        if upper is None:
            q = _range_of_quantities(text, q, by_start)
        covered = q.end
        quantities.append(q)
    return quantities, unclaimed


def _range_of_quantities(text: str, q: Quantity, by_start: dict[int, Candidate]) -> Quantity:
    """"từ 5% đến 20%": a range whose ends both carry the unit is one figure."""
    g = grammar()
    join = g.range_join.match(text, q.end)
    following = by_start.get(join.end()) if join and join.group().strip() else None
    if following is None:
        return q
    other = _quantity(text, following, None, following.end)
    if other is None or (other.kind, other.unit) != (q.kind, q.unit) or other.value < q.value or other.qualifier != "exact":
        return q
    start = q.start
    if q.qualifier == "exact" and (o := g.range_open.search(text, max(0, start - 10), start)):
        start = o.start()
    return q.model_copy(update={"value_max": other.value, "start": start, "end": other.end,
                                "number_end": other.number_end, "per": other.per})


def _quantity(text: str, c: Candidate, upper: Candidate | None, pos: int) -> Quantity | None:
    g = grammar()
    multiplier, pos, more = _scale(text, pos)
    scaled = multiplier != 1.0
    kind = unit = None
    counted = g.counted.match(text, pos)
    if counted and (measure := g.not_counted.match(text, pos)) and measure.end() >= counted.end():
        counted = None  # "5 năm", but "3 điểm trường" is a count
    currency = g.currency.match(text, pos)
    if m := g.percent.match(text, pos):
        kind, unit, pos = "percent", "%", m.end()
    elif currency and not (counted and counted.end() > currency.end()):  # "03 đồng chí" is a count
        kind, unit, pos = "money", "VND", currency.end()
    elif counted:
        kind, unit, pos = "count", g.unit_of(counted.group("noun")), counted.end()
    if kind is None and g.money_cue.search(text, max(0, c.start - 40), c.start) and (scaled or _looks_large(c)):
        if not g.not_counted.match(text, pos):
            kind, unit = "money", "VND"
    if kind is None and multiplier >= 1e6 and _BARE_END.match(text, pos) and g.currency.search(_line_around(text, c)):
        kind, unit = "money", "VND"  # "tuyên truyền, vận động 436 triệu; khen thưởng … 285 triệu đồng": đồng is understood
    if kind is None and not scaled and (noun := _unlisted_noun(text, c, pos)):
        kind, unit, pos = "count", noun.lower(), pos + len(regex.match(r"\s*", text[pos:]).group()) + len(noun)
    if kind is None:
        return None
    try:
        value = _value(c, kind, scaled) * multiplier
        value_max = _value(upper, kind, scaled) * multiplier if upper else None
    except numbers.NotANumber:
        return None
    if more:
        value += sum(numbers.read_digits(n, kind=kind, scaled=True) * grammar().scales[s.lower()] for n, s in g.scale_pair.findall(more))
    if value_max is not None and value_max < value:
        return None
    start, qualifier = _qualifier_before(text, c.start)
    end = pos
    rate = None if kind == "percent" else g.per.match(text, pos)
    opened = g.range_open.search(text, max(0, start - 10), start)
    for q, pattern in g.after:
        # "95% trở lên"; words between only in "từ 03 đoàn viên ưu tú trở lên" ("100% giáo viên đạt chuẩn trở lên" is exact)
        if (m := pattern.match(text, pos)) and (opened or not g.stop_words.search(text, pos, m.end() - 7)):
            qualifier, end = q, m.end()
        elif rate and (m := pattern.match(text, rate.end())):  # "từ 11 triệu đồng/người/tháng trở lên"
            qualifier = q
        else:
            continue
        if o := g.range_open.search(text, max(0, start - 10), start):
            start = o.start()
        break
    if upper is not None and (o := g.range_open.search(text, max(0, start - 10), start)):
        start = o.start()
    per = None
    if kind != "percent" and (m := g.per.match(text, end)):
        per = m.group("per")
    if kind == "money":
        value = float(round(value))
    return Quantity(kind=kind, value=value, value_max=value_max, qualifier=qualifier, unit=unit, per=per,
                    start=start, end=end, number_start=c.start, number_end=(upper or c).end)


_NEXT_WORDS = regex.compile(r"[^\S\n]+(\p{Ll}[\p{L}\p{M}]*(?:[^\S\n]+[\p{L}\p{M}]+){0,3})")


def _unlisted_noun(text: str, c: Candidate, pos: int) -> str | None:
    """A lower-case noun right after the number, by part-of-speech tagging, unless the rules exclude it."""
    g = grammar()
    m = _NEXT_WORDS.match(text, pos)
    if c.spelled_value is not None or pos != c.end or not m or g.not_counted.match(text, pos):
        return None
    noun = segment.noun_after_number(c.literal + m.group())
    if not noun or not m.group(1).startswith(noun) or g.not_noun.fullmatch(noun):
        return None
    return noun


_BARE_END = regex.compile(r"[^\S\n]*(?:[;,.)]|$)", regex.MULTILINE)


def _line_around(text: str, c: Candidate) -> str:
    """The line a number stands in, where an amount beside it may name the currency."""
    end = text.find("\n", c.end)
    return text[text.rfind("\n", 0, c.start) + 1:end if end >= 0 else len(text)]


def _looks_large(c: Candidate) -> bool:
    return c.spelled_value is None and ("." in c.literal or len(c.literal) >= 4)


_COUNT_BEFORE = regex.compile(r"\d(?:[^\S\n]+\p{L}+){1,3}[^\S\n]+$")


def _qualifier_before(text: str, start: int) -> tuple[int, str]:
    best = (start, "exact")
    for q, pattern in grammar().before:
        if (m := pattern.search(text, max(0, start - 30), start)) and m.start() < best[0] \
                and not (grammar().out_of.fullmatch(m.group().strip()) and _COUNT_BEFORE.search(text, max(0, m.start() - 40), m.start())):
            best = (m.start(), q)  # not "1.975 đoàn viên trên 2.051 lao động": "trên" between two counts is "out of"
    return best
