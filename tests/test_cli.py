import json
import subprocess
import sys

import pytest

from conftest import CORPUS

GOLDEN = CORPUS / "isipo_surge_in_production.txt"


def run(*args, stdin=None):
    return subprocess.run([sys.executable, "-m", "extractor", *args], capture_output=True,
                          text=True, input=stdin, timeout=120)


def test_extract_prints_valid_json():
    proc = run("extract", str(GOLDEN), "--published", "2020-06-01")
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    assert data["meta"]["published"] == "2020-06-01"


def test_extract_reads_stdin():
    proc = run("extract", "-", stdin="Exports rose 12 percent last year.")
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["schema_version"] == "1.0"


@pytest.mark.parametrize(
    "make, problem",
    [
        (lambda p: None, "no such file"),
        (lambda p: p.mkdir(), "is a directory"),
        (lambda p: p.write_bytes(b""), "empty input"),
        (lambda p: p.write_bytes(b"\x7fELF\x00\x01\x02\x00binary"), "binary data"),
        (lambda p: p.write_bytes("caf\xe9 au lait".encode("latin-1")), "not UTF-8"),
    ],
)
def test_bad_input_is_one_line_error_without_output(tmp_path, make, problem):
    src = tmp_path / "input.txt"
    make(src)
    out = tmp_path / "facts.json"
    proc = run("extract", str(src), "--out", str(out))
    assert proc.returncode != 0
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1, proc.stderr
    assert str(src) in lines[0] and problem in lines[0]
    assert not out.exists()
    assert list(tmp_path.glob(".facts.json*")) == []


def test_bad_published_date_is_refused():
    proc = run("extract", str(GOLDEN), "--published", "June 1st")
    assert proc.returncode == 2
    assert "--published" in proc.stderr


def test_schema_command_prints_schema():
    proc = run("schema")
    assert proc.returncode == 0
    assert json.loads(proc.stdout)["title"] == "ArticleFacts"


def test_out_file_gets_the_usual_permissions(tmp_path):
    import os

    out = tmp_path / "facts.json"
    proc = run("extract", "-", "--out", str(out), stdin="Exports rose 12 percent last year.")
    assert proc.returncode == 0, proc.stderr
    umask = os.umask(0)
    os.umask(umask)
    assert out.stat().st_mode & 0o777 == 0o666 & ~umask
