"""Finds a flow the text states in one paragraph: what there was, what came in and went out, what is left.

"Tồn quỹ đầu năm 312.400.000 đồng; thu trong năm 2.346.500.000 đồng; chi trong năm 1.880.000.000
đồng; tồn quỹ đến ngày 30/11/2024 là 778.900.000 đồng" must balance, as must "kết nạp mới 3.215
đoàn viên ..., giảm 2.986 người, nên số đoàn viên tăng thực tế chỉ đạt 229". Each role is the first
figure of the flow's kind right after one of its cue words (patterns/relations.yaml, `flows`).
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import regex

from . import rules
from .relations import Finder, comparable

_REACH = 80  # characters between a cue word and its figure


@dataclass
class Balance:
    name: str  # the flow's name in the rule file
    plus: list[int]  # what there was and what came in
    minus: list[int]  # what went out
    result: int  # what is left, or the net change
    opening_stated: bool = True  # a flow of stock needs its opening; a net change has none


@cache
def _flows() -> list[dict]:
    flows = []
    for name, spec in rules.data("relations")["flows"].items():
        roles = {role: (regex.compile(rf"{rules.whole_words(words)}{_BETWEEN}$", regex.IGNORECASE),
                        regex.compile(rules.whole_words(words), regex.IGNORECASE))
                 for role, words in spec.items() if role in _ROLES}
        flows.append({"name": name, "kind": spec["kind"], "needs": spec["needs"], **roles})
    return flows


# words, a date or a year may stand between a cue and its figure, not another number or a clause end
_BETWEEN = rf"(?:[^\d;.\n]|\d{{1,4}}(?:/\d{{1,4}})+|(?<=năm )\d{{4}}){{0,{_REACH}}}"
_ROLES = ("opening", "inflow", "transfer_in", "outflow", "result")


def balances(finder: Finder) -> list[Balance]:
    found = []
    for line in finder.layout.lines:
        inside = list(finder.between(line.start, line.end))
        for flow in _flows():
            roles = {role: _cued(finder, inside, flow, role) for role in _ROLES}
            opening = roles["opening"][0] if roles["opening"] else None
            inflow = next((j for j in roles["inflow"] if j != opening), None)
            inflows = [j for j in (inflow, *roles["transfer_in"][:1]) if j is not None]
            outflow = next((j for j in roles["outflow"] if j not in inflows), None)
            result = next((j for j in reversed(roles["result"]) if j not in (opening, *inflows, outflow)), None)
            chosen = {"opening": opening, "inflow": inflow, "outflow": outflow, "result": result}
            if any(chosen[role] is None for role in flow["needs"]) or inflow is None or outflow is None or result is None:
                continue
            plus = [j for j in (opening, *inflows) if j is not None]
            members = [*plus, outflow, result]
            if len(set(members)) == len(members) and all(comparable(finder.figures[members[0]], finder.figures[j]) for j in members):
                found.append(Balance(name=flow["name"], plus=plus, minus=[outflow], result=result,
                                     opening_stated=opening is not None or "opening" not in flow))
    return found


def _cued(finder: Finder, inside: list[int], flow: dict, role: str) -> list[int]:
    """The paragraph's figures of the flow's kind right after one of the role's cue words, or right before one
    ("từ 1.232 người đầu năm lên 1.253 người cuối năm": a cue right after a figure is that figure's, not the next)."""
    if role not in flow:
        return []
    cue, word = flow[role]
    f, text = finder.figures, finder.text
    ends = {f[k].end for k in inside}
    found = []
    for j in inside:
        if f[j].kind != flow["kind"] or finder.is_rate(j) or role == "opening" and finder.is_change(j):
            continue  # "So với đầu nhiệm kỳ, số đoàn viên tăng 41 người": a change, not the level at the start
        after = _AFTER.match(text, f[j].end)
        if after and (w := word.match(text, after.end())) and not _LEADS_ON.match(text, w.end()):
            found.append(j)  # not "80 triệu đồng tồn quỹ 20 triệu đồng": that cue is the next figure's
        elif (m := cue.search(text, max(0, f[j].start - _REACH - 30), f[j].start)) \
                and not any(e.start() < m.start() + 12 for e in _not_cues().finditer(text, m.start(), m.end())) \
                and _blank_back(text, m.start()) not in ends:
            found.append(j)
    return found


_AFTER = regex.compile(r"[^\S\n]+")
_LEADS_ON = regex.compile(r"[^\S\n]*(?:là|:)?[^\S\n]*\d")


def _blank_back(text: str, pos: int) -> int:
    while pos > 0 and text[pos - 1] in " \t":
        pos -= 1
    return pos


@cache
def _not_cues() -> regex.Pattern:
    return regex.compile(rules.whole_words(rules.data("relations")["flow_not_cues"]), regex.IGNORECASE)
