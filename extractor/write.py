"""Writes records as JSON Lines, one JSON document, or CSV with the spec's field names."""
from __future__ import annotations

import csv
import json
from typing import IO

from .models import BatchResult, Figure

FORMATS = ("jsonl", "json", "csv")


def write(batch: BatchResult, out: IO[str], fmt: str) -> None:
    if fmt == "json":
        out.write(batch.model_dump_json(indent=2))
        out.write("\n")
    elif fmt == "jsonl":
        for result in batch.documents:
            for figure in result.figures:
                out.write(json.dumps(figure.model_dump(mode="json"), ensure_ascii=False) + "\n")
            for finding in result.findings or []:
                out.write(json.dumps(finding.model_dump(mode="json"), ensure_ascii=False) + "\n")
        for error in batch.errors:
            out.write(json.dumps({"doc": error.doc, "error": error.error, "path": error.path}, ensure_ascii=False) + "\n")
    elif fmt == "csv":
        writer = csv.DictWriter(out, fieldnames=list(Figure.model_fields))
        writer.writeheader()
        for result in batch.documents:
            for figure in result.figures:
                writer.writerow(figure.model_dump(mode="json"))
    else:
        raise ValueError(f"định dạng không hỗ trợ: {fmt}")
