"""The command line as a user runs it: files, folders, formats, bad files, exit codes."""
import csv
import io
import json

from typer.testing import CliRunner

from extractor.cli import app

runner = CliRunner()
REPORT = "Công đoàn có 29 đoàn viên, trong đó có 14 đoàn viên là nữ. Phấn đấu 100% đoàn viên học tập."


def test_extract_writes_one_jsonl_record_per_figure(tmp_path):
    (tmp_path / "a.txt").write_text(REPORT, encoding="utf-8")
    result = runner.invoke(app, ["extract", str(tmp_path / "a.txt")])
    assert result.exit_code == 0
    records = [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]
    assert [(r["doc"], r["value"], r["role"]) for r in records] == [("a.txt", 29, "actual"), ("a.txt", 14, "actual"), ("a.txt", 100, "target")]


def test_a_bad_file_is_reported_and_the_others_are_processed(tmp_path):
    (tmp_path / "good.txt").write_text(REPORT, encoding="utf-8")
    (tmp_path / "junk.txt").write_bytes(b"\x00\x01\x02binary")
    (tmp_path / "noise.txt").write_bytes(bytes(range(128, 256)) * 4)
    (tmp_path / "empty.txt").write_bytes(b"")
    result = runner.invoke(app, ["extract", str(tmp_path), "--format", "json"])
    assert result.exit_code == 3
    batch = json.loads(result.stdout[: result.stdout.rindex("}") + 1])
    assert [d["doc"] for d in batch["documents"]] == ["good.txt"]
    assert {e["doc"] for e in batch["errors"]} == {"junk.txt", "noise.txt", "empty.txt"}
    assert "nhị phân" in result.stderr and "bảng mã" in result.stderr and "rỗng" in result.stderr


def test_missing_file_is_an_error_not_a_crash(tmp_path):
    result = runner.invoke(app, ["extract", str(tmp_path / "khong-co.txt")])
    assert result.exit_code == 3
    assert "không đọc được" in result.stderr


def test_csv_has_the_spec_fields(tmp_path):
    (tmp_path / "a.txt").write_text(REPORT, encoding="utf-8")
    out = tmp_path / "out.csv"
    assert runner.invoke(app, ["extract", str(tmp_path / "a.txt"), "-f", "csv", "-o", str(out)]).exit_code == 0
    rows = list(csv.DictReader(io.StringIO(out.read_text("utf-8"))))
    assert list(rows[0]) == ["doc", "kind", "role", "value", "value_max", "qualifier", "unit", "subject", "per", "text", "start", "end", "page"]


def test_stdin_is_read_with_dash():
    result = runner.invoke(app, ["extract", "-"], input="Tặng 50 suất quà.")
    assert json.loads(result.stdout.splitlines()[0])["text"] == "50 suất quà"


def test_schema_describes_the_figure_record():
    result = runner.invoke(app, ["schema"])
    schema = json.loads(result.stdout)
    assert set(schema["$defs"]["Figure"]["properties"]) >= {"kind", "role", "qualifier", "unit", "subject", "per", "start", "end"}


def test_unknown_format_is_refused(tmp_path):
    (tmp_path / "a.txt").write_text(REPORT, encoding="utf-8")
    assert runner.invoke(app, ["extract", str(tmp_path / "a.txt"), "-f", "xml"]).exit_code == 2


def test_every_check_the_audit_gives_has_a_vietnamese_name():
    from pathlib import Path

    from extractor import extract_text
    from extractor.audit import audit
    from extractor.cli import CHECKS

    text = ("Tồn quỹ đầu năm 312.400.000 đồng; thu trong năm 2.346.500.000 đồng; chi trong năm 1.880.000.000 đồng; "
            "tồn quỹ cuối năm 778.900.000 đồng.\nTặng quà 241 chị, mỗi chị 200.000 đồng, tổng 48.200.000 đồng.\n"
            "Có 19 người, trong đó nữ 10 người, chiếm 53%; nam 9 người, chiếm 47%.")
    corpus = Path(__file__).parents[1] / "corpus"
    texts = [text] + [p.read_text(encoding="utf-8") for p in sorted(corpus.glob("1*.txt"))]
    checks = {f.check for t in texts for f in audit("t", t, extract_text(t).figures)}
    assert {"balance", "product", "parts_total", "percent_of_base", "shares_100"} <= checks
    assert checks <= CHECKS.keys()
