"""Loads the rule files of `patterns/`: cue words and regexes live there as data, not in code."""
from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Any

import regex
import yaml
from pydantic import BaseModel


class Example(BaseModel):
    """A sentence and the figures it must yield (all of them, in text order)."""

    text: str
    expect: list[dict[str, Any]] = []


class RuleFile(BaseModel):
    name: str
    description: str = ""
    data: dict[str, Any]
    examples: list[Example] = []
    negatives: list[str] = []


EXTRACTION_RULE_FILES = ("numbers", "units", "qualifiers", "roles", "exclusions", "subjects", "tables")
AUDIT_RULE_FILES = ("relations",)


@cache
def load(name: str) -> RuleFile:
    raw = yaml.safe_load(resources.files("extractor.patterns").joinpath(f"{name}.yaml").read_text("utf-8"))
    return RuleFile(
        name=name,
        description=raw.pop("description", ""),
        examples=raw.pop("examples", []),
        negatives=raw.pop("negatives", []),
        data=raw,
    )


def data(name: str) -> dict[str, Any]:
    return load(name).data


def alternation(words: list[str]) -> str:
    """A regex alternation that prefers the longest cue, with spaces matching any run of blanks."""
    ordered = sorted(set(words), key=len, reverse=True)
    return "|".join(regex.escape(w).replace(r"\ ", r"\s+") for w in ordered)


def whole_words(words: list[str]) -> str:
    """A regex matching any cue as a whole word or phrase ("trên" but not inside "trêntrời")."""
    return rf"(?<!\p{{L}})(?:{alternation(words)})(?!\p{{L}})"


def cue_regex(words: list[str]) -> regex.Pattern:
    return regex.compile(whole_words(words), regex.IGNORECASE)
