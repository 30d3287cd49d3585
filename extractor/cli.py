"""Command line: `extractor extract|eval|schema` (also as `python -m extractor`)."""
from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Optional

import typer
from rich.console import Console
from rich.progress import Progress

from . import read, write
from .models import BatchResult, DocumentResult, FileError
from .pipeline import extract

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="Trích xuất số liệu (số lượng, tỷ lệ, số tiền, chỉ tiêu) từ báo cáo công đoàn tiếng Việt.",
)
err = Console(stderr=True)
PROGRESS_FROM = 20  # files; fewer finish before a bar would help


def run_batch(paths: list[str], encoding: str | None) -> BatchResult:
    items = read.inputs(paths)
    batch = BatchResult(documents=[])
    with Progress(console=err, transient=True, disable=len(items) < PROGRESS_FROM) as progress:
        task = progress.add_task("Đang trích xuất", total=len(items))
        for name in items:
            item = read.load(name, encoding)
            if isinstance(item, FileError):
                err.print(f"[red]Lỗi[/red] {item.path}: {item.error}", highlight=False)
                batch.errors.append(item)
            else:
                batch.documents.append(extract(item))
            progress.advance(task)
    return batch


@app.command("extract")
def extract_cmd(
    paths: list[str] = typer.Argument(..., help="Tệp, thư mục (đọc mọi tệp .txt bên trong) hoặc - cho đầu vào chuẩn."),
    fmt: str = typer.Option("jsonl", "--format", "-f", help="jsonl | json | csv"),
    output: Optional[Path] = typer.Option(None, "--output", "-o", help="Ghi ra tệp thay vì màn hình."),
    encoding: Optional[str] = typer.Option(None, "--encoding", help="Bảng mã của tệp đầu vào (mặc định: tự nhận)."),
) -> None:
    """Trích xuất mọi số liệu của từng báo cáo, mỗi số liệu một bản ghi."""
    if fmt not in write.FORMATS:
        raise typer.BadParameter(f"định dạng phải là một trong {', '.join(write.FORMATS)}", param_hint="--format")
    batch = run_batch(paths, encoding)
    if output:
        with output.open("w", encoding="utf-8", newline="") as out:
            write.write(batch, out, fmt)
    else:
        write.write(batch, sys.stdout, fmt)
    n = sum(len(d.figures) for d in batch.documents)
    err.print(f"{len(batch.documents)} tài liệu, {n} số liệu, {len(batch.errors)} tệp lỗi.", highlight=False)
    raise typer.Exit(1 if batch.errors else 0)


@app.command("schema")
def schema_cmd() -> None:
    """In JSON Schema của kết quả một tài liệu (bản ghi Figure nằm trong đó)."""
    typer.echo(json.dumps(DocumentResult.model_json_schema(), ensure_ascii=False, indent=2))


@app.command("eval")
def eval_cmd(
    corpus: Path = typer.Argument(Path("corpus"), help="Thư mục chứa NAME.txt và NAME.gold.json."),
    out_dir: Path = typer.Option(Path("evaluation/results"), "--out", help="Nơi ghi bảng kết quả (JSON và Markdown)."),
    show_errors: bool = typer.Option(True, "--errors/--no-errors", help="Liệt kê từng lỗi bỏ sót và báo nhầm."),
) -> None:
    """Chấm điểm bộ trích xuất trên kho văn bản có nhãn vàng."""
    from evaluation import harness

    report = harness.evaluate(corpus)
    out_dir.mkdir(parents=True, exist_ok=True)
    (out_dir / "extraction.json").write_text(report.model_dump_json(indent=2), encoding="utf-8")
    (out_dir / "extraction.md").write_text(harness.markdown(report), encoding="utf-8")
    typer.echo(harness.markdown(report, errors=show_errors))
    err.print(f"Đã ghi {out_dir / 'extraction.json'} và {out_dir / 'extraction.md'}", highlight=False)
