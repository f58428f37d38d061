"""extractor export: batch shards flattened into SQLite, Parquet and CSV tables that join on doc."""

import csv
import json
import sqlite3
import subprocess
import sys

import pytest

from extractor.io.export import TABLES, ExportError, export

STORIES = [
    ("w1", 'LAGOS - Wheat exports rose 12 percent in March, Finance Minister Ada Obi said on Tuesday. '
           '"Demand held up better than we expected," she said.'),
    ("w2", "OSLO - Ferry traffic fell 3 percent in 2021, the port board said."),
    ("w1", "LIMA - Copper output climbed to 2.5 million tonnes, the mining ministry said on Friday."),
]


@pytest.fixture(scope="module")
def facts_dir(tmp_path_factory, nlp):
    """Batch output as `extractor batch` writes it: two shards and their manifest."""
    import extractor

    root = tmp_path_factory.mktemp("export") / "facts"
    root.mkdir()
    lines = []
    for number, stories in ((1, STORIES[:2]), (2, STORIES[2:])):
        records = []
        for k, (doc_id, text) in enumerate(stories):
            facts = extractor.extract_doc(nlp, text)
            facts.meta.id, facts.meta.source = doc_id, f"wire.jsonl:{2 * number + k - 1}"
            records.append(facts.model_dump_json())
        (root / f"shard-{number:06d}.jsonl").write_text("\n".join(records) + "\n")
        lines.append(json.dumps({"shard": number, "file": f"shard-{number:06d}.jsonl", "done": [], "failed": []}))
    (root / "manifest.jsonl").write_text("\n".join(lines) + "\n")
    return root


def cli(*args):
    return subprocess.run([sys.executable, "-m", "extractor", *args], capture_output=True, text=True, timeout=120)


def test_sqlite_tables_join_on_doc_and_hold_every_fact(facts_dir, tmp_path):
    target = tmp_path / "facts.sqlite"
    proc = cli("export", str(facts_dir), "--to", str(target))
    assert proc.returncode == 0, proc.stderr
    assert "1 document ids occur more than once" in proc.stderr  # w1 twice: both kept
    con = sqlite3.connect(target)
    docs = con.execute("SELECT doc, id, shard, line FROM documents ORDER BY doc").fetchall()
    assert docs == [(1, "w1", "shard-000001.jsonl", 1), (2, "w2", "shard-000001.jsonl", 2),
                    (3, "w1", "shard-000002.jsonl", 1)]
    rows = con.execute("SELECT d.id, q.text, q.value, q.unit, q.kind FROM quantities q "
                       "JOIN documents d USING (doc) ORDER BY d.doc, q.start").fetchall()
    assert ("w1", "12 percent", 12.0, "percent", "percent") in rows
    assert ("w2", "3 percent", 3.0, "percent", "percent") in rows
    assert any(r[0] == "w1" and r[2] == 2_500_000 for r in rows)
    speaker = con.execute("SELECT q.speaker, e.label, q.speaker_mention_text FROM quotations q "
                          "JOIN entities e ON e.doc = q.doc AND e.entity = q.speaker_id "
                          "WHERE q.doc = 1 AND q.direct = 1").fetchone()
    assert speaker == ("Ada Obi", "PERSON", "she")
    mentions = con.execute("SELECT m.text, m.start, m.end FROM mentions m JOIN entities e "
                           "ON e.doc = m.doc AND e.entity = m.entity WHERE e.name = 'Ada Obi'").fetchall()
    assert mentions and all(STORIES[0][1][s:e] == t for t, s, e in mentions)
    assert con.execute("SELECT value FROM dates WHERE doc = 2").fetchall() == [("2021",)]


def test_parquet_and_csv_hold_the_same_rows(facts_dir, tmp_path):
    pq = pytest.importorskip("pyarrow.parquet")
    sqlite_summary = export(facts_dir, tmp_path / "facts.db")
    summary = export(facts_dir, tmp_path / "facts.parquet")
    assert summary.rows == sqlite_summary.rows
    for table, columns in TABLES.items():
        data = pq.read_table(tmp_path / "facts.parquet" / f"{table}.parquet")
        assert data.column_names == [c.name for c in columns]
        assert data.num_rows == summary.rows[table]
    quantities = pq.read_table(tmp_path / "facts.parquet" / "quantities.parquet").to_pylist()
    assert {(q["doc"], q["text"], q["value"]) for q in quantities} >= {(1, "12 percent", 12.0), (2, "3 percent", 3.0)}

    export(facts_dir, tmp_path / "tables", "csv")
    with (tmp_path / "tables" / "documents.csv").open(newline="") as f:
        docs = list(csv.DictReader(f))
    assert [(d["doc"], d["id"]) for d in docs] == [("1", "w1"), ("2", "w2"), ("3", "w1")]


def test_export_is_atomic_and_refuses_bad_targets(facts_dir, tmp_path):
    (facts_dir.parent / "broken").mkdir()
    (facts_dir.parent / "broken" / "shard-000001.jsonl").write_text('{"meta": {}}\n{torn')
    with pytest.raises(ExportError, match=r"shard-000001.jsonl:2: not a JSON record"):
        export(facts_dir.parent / "broken", tmp_path / "x.sqlite")
    assert list(tmp_path.iterdir()) == []  # nothing half-written is left
    with pytest.raises(ExportError, match="cannot tell the format"):
        export(facts_dir, tmp_path / "facts.txt")
    with pytest.raises(ExportError, match="holds no shards"):
        export(tmp_path, tmp_path / "x.sqlite")
    proc = cli("export", str(facts_dir), "--to", str(tmp_path / "t"), "--format", "xml")
    assert proc.returncode == 2 and proc.stderr.strip().splitlines() == [
        "error: unknown format 'xml' (choose from sqlite, parquet, csv)"]


def test_shards_a_crashed_run_left_unlisted_are_not_exported(facts_dir, tmp_path):
    import shutil

    copy = tmp_path / "facts"
    shutil.copytree(facts_dir, copy)
    (copy / "shard-000003.jsonl").write_text((copy / "shard-000002.jsonl").read_text())  # not in the manifest
    assert export(copy, tmp_path / "f.sqlite").rows["documents"] == 3


@pytest.mark.parametrize("fmt", ["sqlite", "csv"])
def test_memory_stays_flat_however_many_shards(facts_dir, tmp_path, monkeypatch, fmt):
    # (Parquet keeps each row group's metadata for the file's footer: a few hundred bytes
    # per 5,000 rows, inherent in the format.)
    import shutil
    import tracemalloc

    import extractor.io.export as export_module

    monkeypatch.setattr(export_module, "BATCH_ROWS", 20)  # many batches even in a small test
    peaks = []
    for copies in (4, 25, 250):  # the first run pays for one-time set-up
        root = tmp_path / f"facts{copies}"
        root.mkdir()
        lines = []
        for n in range(1, copies + 1):
            shutil.copyfile(facts_dir / "shard-000001.jsonl", root / f"shard-{n:06d}.jsonl")
            lines.append(json.dumps({"shard": n, "file": f"shard-{n:06d}.jsonl"}) + "\n")
        (root / "manifest.jsonl").write_text("".join(lines))
        tracemalloc.start()
        summary = export(root, tmp_path / f"out{copies}.{fmt}", fmt)
        peaks.append(tracemalloc.get_traced_memory()[1])
        tracemalloc.stop()
        assert summary.rows["documents"] == 2 * copies
    assert peaks[2] < 1.25 * peaks[1], peaks
