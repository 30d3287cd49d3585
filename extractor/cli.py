"""Command line: `extractor extract|audit|eval|schema` (also as `python -m extractor`)."""
from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Optional

import typer
from rich.console import Console
from rich.progress import Progress

from . import reading, write
from .models import BatchResult, DocumentResult, FileError
from .pipeline import extract

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="Trích xuất số liệu (số lượng, tỷ lệ, số tiền, chỉ tiêu) từ báo cáo công đoàn tiếng Việt và đối chiếu chúng.",
)
err = Console(stderr=True)
PROGRESS_FROM = 20  # files; fewer finish before a bar would help
EXIT_INCONSISTENT, EXIT_FILE_ERROR = 1, 3
CHECKS = {"parts_total": "tổng các phần", "part_exceeds_total": "phần vượt tổng", "percent_of_base": "tỷ lệ trên cơ số",
          "shares_100": "các tỷ lệ cộng 100%", "product": "số lượng × định mức", "balance": "cân đối đầu kỳ – cuối kỳ",
          "restated": "nêu lại số liệu"}
VERDICTS = {"consistent": "[green]khớp[/green]", "inconsistent": "[red]không khớp[/red]",
            "undecidable": "[yellow]không kết luận được[/yellow]"}

PATHS = typer.Argument(..., help="Tệp, thư mục (đọc mọi tệp .txt bên trong) hoặc - cho đầu vào chuẩn.")
ENCODING = typer.Option(None, "--encoding", help="Bảng mã của tệp đầu vào (mặc định: tự nhận).")
OUTPUT = typer.Option(None, "--output", "-o", help="Ghi ra tệp thay vì màn hình.")


def run_batch(paths: list[str], encoding: str | None, with_audit: bool = False) -> BatchResult:
    items = reading.inputs(paths)
    batch = BatchResult(documents=[])
    with Progress(console=err, transient=True, disable=len(items) < PROGRESS_FROM) as progress:
        task = progress.add_task("Đang xử lý", total=len(items))
        for name in items:
            item = reading.load(name, encoding)
            if isinstance(item, FileError):
                err.print(f"[red]Lỗi[/red] {item.path}: {item.error}", highlight=False)
                batch.errors.append(item)
            else:
                batch.documents.append(extract(item, with_audit=with_audit))
            progress.advance(task)
    return batch


def _emit(batch: BatchResult, output: Path | None, fmt: str) -> None:
    if output:
        with output.open("w", encoding="utf-8", newline="") as out:
            write.write(batch, out, fmt)
    else:
        write.write(batch, sys.stdout, fmt)


@app.command("extract")
def extract_cmd(
    paths: list[str] = PATHS,
    fmt: str = typer.Option("jsonl", "--format", "-f", help="jsonl | json | csv"),
    output: Optional[Path] = OUTPUT,
    encoding: Optional[str] = ENCODING,
    with_audit: bool = typer.Option(False, "--audit", help="Kèm kết quả đối chiếu (jsonl, json)."),
) -> None:
    """Trích xuất mọi số liệu của từng báo cáo, mỗi số liệu một bản ghi. Mã thoát 3 khi có tệp lỗi."""
    if fmt not in write.FORMATS:
        raise typer.BadParameter(f"định dạng phải là một trong {', '.join(write.FORMATS)}", param_hint="--format")
    batch = run_batch(paths, encoding, with_audit)
    _emit(batch, output, fmt)
    n = sum(len(d.figures) for d in batch.documents)
    err.print(f"{len(batch.documents)} tài liệu, {n} số liệu, {len(batch.errors)} tệp lỗi.", highlight=False)
    raise typer.Exit(EXIT_FILE_ERROR if batch.errors else 0)


@app.command("audit")
def audit_cmd(
    paths: list[str] = PATHS,
    fmt: str = typer.Option("table", "--format", "-f", help="table | jsonl | json"),
    output: Optional[Path] = OUTPUT,
    encoding: Optional[str] = ENCODING,
    show_all: bool = typer.Option(False, "--all", help="Dạng bảng: hiện cả các phép đối chiếu khớp."),
) -> None:
    """Đối chiếu từng báo cáo với chính nó. Mã thoát 1 khi có chỗ không khớp, 3 khi có tệp lỗi."""
    if fmt not in ("table", "jsonl", "json"):
        raise typer.BadParameter("định dạng phải là table, jsonl hoặc json", param_hint="--format")
    batch = run_batch(paths, encoding, with_audit=True)
    findings = [f for d in batch.documents for f in d.findings or []]
    if fmt == "table":
        _table(findings, show_all, output)
    else:
        out = output.open("w", encoding="utf-8") if output else sys.stdout
        if fmt == "json":
            out.write(json.dumps([f.model_dump(mode="json") for f in findings], ensure_ascii=False, indent=2) + "\n")
        else:
            out.writelines(json.dumps(f.model_dump(mode="json"), ensure_ascii=False) + "\n" for f in findings)
        if output:
            out.close()
    bad = sum(f.verdict == "inconsistent" for f in findings)
    err.print(f"{len(batch.documents)} tài liệu, {len(findings)} phép đối chiếu, {bad} chỗ không khớp, "
              f"{len(batch.errors)} tệp lỗi.", highlight=False)
    raise typer.Exit(EXIT_INCONSISTENT if bad else EXIT_FILE_ERROR if batch.errors else 0)


def _table(findings, show_all: bool, output: Path | None) -> None:
    """One block per finding: what was checked, the verdict, the figures with their offsets, why."""
    console = Console(file=output.open("w", encoding="utf-8"), width=120) if output else Console()
    shown = [f for f in findings if show_all or f.verdict != "consistent"]
    for f in shown:
        console.print(f"[bold]{f.doc}[/bold] · {CHECKS.get(f.check, f.check)} · {VERDICTS[f.verdict]}", highlight=False)
        console.print("  số liệu: " + ", ".join(f"«{r.text}» @{r.start}" for r in f.figures), highlight=False)
        console.print(f"  kỳ vọng {f.expected} · báo cáo {f.reported} · chênh lệch {f.difference}", highlight=False)
        console.print(f"  {f.message}\n", highlight=False)
    if not shown:
        console.print("Không có chỗ nào không khớp hay không kết luận được.")


@app.command("text")
def text_cmd(
    path: Path = typer.Argument(..., help="Tệp cần xem (txt, pdf, docx, doc, rtf, html, ảnh)."),
    encoding: Optional[str] = ENCODING,
    parts: bool = typer.Option(False, "--parts", help="In cả nguồn gốc từng đoạn (trang, bảng) ra stderr."),
) -> None:
    """In đúng văn bản mà bộ trích xuất nhìn thấy: mọi vị trí start/end đều tính trên văn bản này."""
    item = reading.load(str(path), encoding)
    if isinstance(item, FileError):
        err.print(f"[red]Lỗi[/red] {item.path}: {item.error}", highlight=False)
        raise typer.Exit(EXIT_FILE_ERROR)
    sys.stdout.write(item.text)
    err.print(f"định dạng {item.format}, bảng mã {item.encoding}, {len(item.text)} ký tự", highlight=False)
    if parts:
        for part in item.parts:
            err.print(f"{part.start}-{part.end} trang {part.page} bảng {part.table}", highlight=False)


@app.command("schema")
def schema_cmd() -> None:
    """In JSON Schema của kết quả một tài liệu (bản ghi Figure và Finding nằm trong đó)."""
    typer.echo(json.dumps(DocumentResult.model_json_schema(), ensure_ascii=False, indent=2))


@app.command("eval")
def eval_cmd(
    corpus: Path = typer.Argument(Path("corpus"), help="Thư mục chứa NAME.txt và NAME.gold.json (thư mục con là kho riêng, chấm riêng)."),
    out_dir: Path = typer.Option(Path("evaluation/results"), "--out", help="Nơi ghi bảng kết quả (JSON và Markdown)."),
    show_errors: bool = typer.Option(True, "--errors/--no-errors", help="Liệt kê từng lỗi bỏ sót và báo nhầm."),
) -> None:
    """Chấm điểm bộ trích xuất (và phép đối chiếu) trên kho văn bản có nhãn vàng."""
    from evaluation import audit_eval, harness

    report = harness.evaluate(corpus)
    audit_report = audit_eval.evaluate(corpus)
    out_dir.mkdir(parents=True, exist_ok=True)
    (out_dir / "extraction.json").write_text(report.model_dump_json(indent=2), encoding="utf-8")
    (out_dir / "extraction.md").write_text(harness.markdown(report), encoding="utf-8")
    (out_dir / "audit.json").write_text(audit_report.model_dump_json(indent=2), encoding="utf-8")
    (out_dir / "audit.md").write_text(audit_eval.markdown(audit_report), encoding="utf-8")
    typer.echo(harness.markdown(report, errors=show_errors))
    typer.echo(audit_eval.markdown(audit_report, errors=show_errors))
    err.print(f"Đã ghi kết quả vào {out_dir}/ (extraction.json, extraction.md, audit.json, audit.md)", highlight=False)
