"""Batch runs: shards of valid records, every failure in errors.jsonl, exact resume, both engines."""

import json
import os
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest

from extractor.batch import BatchError, LocalEngine, Shard, run_batch
from extractor.records import ArticleFacts

SUBJECTS = ["Wheat exports", "Ferry traffic", "Steel output", "Retail sales", "Hotel bookings",
            "Copper imports", "Bus ridership", "Milk production", "Car registrations", "Rice prices"]
VERBS = ["rose", "fell", "climbed", "dropped", "edged up"]
PLACES = ["LAGOS", "OSLO", "LIMA", "HANOI", "QUITO", "PERTH", "TUNIS"]


def story(i: int) -> str:
    """A short news-like text; varied so the tokenizer cache does not make runs trivially fast."""
    subject, verb, place = SUBJECTS[i % 10], VERBS[i % 5], PLACES[i % 7]
    return (f"{place} - {subject} {verb} {i % 40 + 1} percent in the quarter to March, "
            f"the statistics office said on Tuesday. \"Demand held up better than we expected,\" "
            f"said a spokesperson, adding that {i * 17 % 900 + 100} firms took part in survey {i}.")


def write_jsonl(path: Path, lines) -> None:
    with path.open("wb") as f:
        for line in lines:
            f.write((line if isinstance(line, bytes) else json.dumps(line).encode()) + b"\n")


def read_output(out: Path):
    records = [json.loads(line) for p in sorted(out.glob("shard-*.jsonl")) for line in p.open()]
    errors = [json.loads(line) for line in (out / "errors.jsonl").open()] if (out / "errors.jsonl").exists() else []
    return records, errors


def cli(*args, **kwargs):
    return subprocess.run([sys.executable, "-m", "extractor", *args], capture_output=True, text=True,
                          timeout=180, **kwargs)


def test_broken_archive_writes_every_good_document_and_lists_every_bad_one(tmp_path):
    archive = tmp_path / "archive.jsonl"
    good = [{"id": f"g{i}", "text": story(i), "published": "2022-04-05"} for i in range(12)]
    bad = {
        3: b'{"id": "torn", "text": "Power demand ro',
        6: b"\x89PNG\r\x1a\x00\x00\x00\rIHDR\x00\x00\xff\xfe",
        9: json.dumps({"id": "blank", "text": ""}).encode(),
        12: json.dumps({"id": "giant", "text": "Output rose. " * (20 * 1024 * 1024 // 13)}).encode(),
    }
    lines, n = [], 0
    for i, record in enumerate(good):
        if i in bad:
            lines.append(bad[i])
        lines.append(record)
    lines.append(bad[12])
    write_jsonl(archive, lines)
    out = tmp_path / "out"
    proc = cli("batch", str(archive), "--out", str(out), "--workers", "1", "--shard-size", "4")
    assert proc.returncode == 0, proc.stderr
    assert "doc/s" in proc.stderr  # the progress bar reports documents per second

    records, errors = read_output(out)
    assert sorted(r["meta"]["id"] for r in records) == sorted(g["id"] for g in good)
    by_id = {g["id"]: g["text"] for g in good}
    for r in records:
        ArticleFacts.validate_against(r, by_id[r["meta"]["id"]])
        assert r["meta"]["source"].startswith(str(archive) + ":")
        assert r["meta"]["published"] == "2022-04-05"
    reasons = sorted(e["reason"].split(": ", 1)[1].split(" (")[0] for e in errors)
    assert reasons == ["empty text", "invalid JSON", "not UTF-8", "too large"]
    assert len({e["key"] for e in errors}) == 4
    assert not list(out.glob(".*.tmp"))


def test_extraction_error_is_recorded_and_the_rest_go_on(tmp_path, monkeypatch):
    import extractor

    real = extractor.extract_doc

    def flaky(nlp, text, **kwargs):
        if "survey 5." in text:
            raise RuntimeError("component blew up\nwith a long traceback")
        return real(nlp, text, **kwargs)

    monkeypatch.setattr(extractor, "extract_doc", flaky)
    archive = tmp_path / "a.jsonl"
    write_jsonl(archive, [{"id": str(i), "text": story(i)} for i in range(8)])
    summary = run_batch([str(archive)], tmp_path / "out", workers=0, shard_docs=3, progress=False)
    assert (summary.written, summary.failed) == (7, 1)
    records, errors = read_output(tmp_path / "out")
    assert len(records) == 7
    assert errors[0]["id"] == "5"
    assert errors[0]["reason"] == "extraction error: RuntimeError: component blew up"


def interrupt_when_manifest_has(out: Path, args: list, lines: int, sig: int) -> subprocess.CompletedProcess:
    """Start a batch run and send ``sig`` to it (and its workers) once ``lines`` shards are done."""
    proc = subprocess.Popen(args, start_new_session=True, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    manifest = out / "manifest.jsonl"
    deadline = time.monotonic() + 120
    while not (manifest.exists() and manifest.read_bytes().count(b"\n") >= lines):
        assert proc.poll() is None, proc.stderr.read().decode()
        assert time.monotonic() < deadline, "no shard finished in time"
        time.sleep(0.01)
    os.killpg(proc.pid, sig)
    proc.wait(timeout=60)
    return subprocess.CompletedProcess(args, proc.returncode, None, proc.stderr.read().decode())


def test_interrupted_runs_resume_with_nothing_lost_and_nothing_duplicated(tmp_path):
    archive = tmp_path / "archive.jsonl"
    # Enough documents that the runs cannot finish before the interrupts arrive, even when
    # this process is slow to be scheduled on a loaded machine (150 once proved too few).
    n_docs = 600
    lines = [{"id": f"d{i}", "text": story(i)} for i in range(n_docs)]
    for at in (20, 80, 140):
        lines.insert(at, b"{not json")
    write_jsonl(archive, lines)
    out = tmp_path / "out"
    args = [sys.executable, "-m", "extractor", "batch", str(archive), "--out", str(out),
            "--workers", "1", "--shard-size", "5", "--no-progress"]
    # Ctrl-C: a clean stop that says how to go on.
    stopped = interrupt_when_manifest_has(out, args, 2, signal.SIGINT)
    assert stopped.returncode == 130 and "--resume" in stopped.stderr, stopped.stderr
    # A resumed run killed outright: no chance to tidy up.
    done_before = len((out / "manifest.jsonl").read_text().splitlines())
    interrupt_when_manifest_has(out, [*args, "--resume"], done_before + 2, signal.SIGKILL)
    partial, _ = read_output(out)
    assert len(partial) < n_docs, "the runs finished before they could be interrupted"

    again = cli(*args[3:], "--resume")
    assert again.returncode == 0, again.stderr
    records, errors = read_output(out)
    counts = Counter(r["meta"]["id"] for r in records)
    assert [k for k, c in counts.items() if c > 1] == []
    assert set(counts) == {f"d{i}" for i in range(n_docs)}
    assert sorted(e["key"] for e in errors) == sorted(f"{archive}:{n}" for n in (21, 81, 141))


def test_resume_drops_output_that_a_crash_left_uncommitted(tmp_path):
    archive = tmp_path / "a.jsonl"
    write_jsonl(archive, [{"id": str(i), "text": story(i)} for i in range(6)] + [b"oops"])
    out = tmp_path / "out"
    run_batch([str(archive)], out, workers=0, shard_docs=4, progress=False)
    # Make it look as if the run died while committing its last shard: the shard file and
    # its errors are on disk, its manifest line is torn, and a temporary file lies about.
    manifest = (out / "manifest.jsonl").read_text().splitlines()
    (out / "manifest.jsonl").write_text("\n".join(manifest[:-1]) + "\n" + manifest[-1][:25])
    (out / ".shard-000009.jsonl.abc.tmp").write_text("partial")
    summary = run_batch([str(archive)], out, workers=0, shard_docs=4, resume=True, progress=False)
    assert (summary.skipped, summary.written, summary.failed) == (4, 2, 1)
    records, errors = read_output(out)
    assert sorted(r["meta"]["id"] for r in records) == [str(i) for i in range(6)]
    assert [e["key"] for e in errors] == [f"{archive}:7"]
    assert not list(out.glob(".*.tmp"))
    assert all(json.loads(line) for line in (out / "manifest.jsonl").open())


def test_an_earlier_run_is_not_overwritten_without_resume(tmp_path):
    archive = tmp_path / "a.jsonl"
    write_jsonl(archive, [{"text": story(1)}])
    run_batch([str(archive)], tmp_path / "out", workers=0, progress=False)
    with pytest.raises(BatchError, match="--resume"):
        run_batch([str(archive)], tmp_path / "out", workers=0, progress=False)


def test_local_engine_keeps_a_bounded_number_of_shards_in_flight():
    pulled = 0

    def shards():
        nonlocal pulled
        for n in range(1, 13):
            pulled += 1
            yield Shard(n, items=[{"key": f"k{n}", "id": str(n), "text": story(n), "meta": {}}])

    with LocalEngine(1) as engine:
        results = []
        for shard, result in engine.run(shards()):
            assert pulled - len(results) <= 3  # window of 2 per worker, plus the one being added
            results.append((shard.number, result))
    assert sorted(n for n, _ in results) == list(range(1, 13))
    assert all(r["preloaded"] and len(r["records"]) == 1 for _, r in results)


def test_an_aborted_run_stops_its_workers_mid_shard(tmp_path):
    import multiprocessing

    archive = tmp_path / "a.jsonl"
    # A quick first shard, then one long enough to keep a worker busy for many seconds.
    write_jsonl(archive, [{"id": "quick", "text": story(0)},
                          {"id": "long", "text": " ".join(story(i) for i in range(4000))}])
    pids = []

    def stop_after_first(shard, result):
        pids.append(result["pid"])
        raise RuntimeError("stop here")

    with pytest.raises(RuntimeError, match="stop here"):
        run_batch([str(archive)], tmp_path / "out", workers=1, shard_docs=1, progress=False,
                  on_shard=stop_after_first)
    deadline = time.monotonic() + 3
    while pids[0] in {p.pid for p in multiprocessing.active_children()}:
        assert time.monotonic() < deadline, "the worker went on with the long shard"
        time.sleep(0.05)


def test_a_failed_start_leaves_no_worker_behind():
    import multiprocessing

    before = {p.pid for p in multiprocessing.active_children()}
    # Building the pipeline takes far longer than this, so start-up times out while the
    # workers are still loading.
    with pytest.raises(BatchError, match="did not start in time"):
        with LocalEngine(workers=2, startup_timeout=0.05):
            pass
    deadline = time.monotonic() + 5
    while {p.pid for p in multiprocessing.active_children()} - before:
        assert time.monotonic() < deadline, "a worker that was loading was left running"
        time.sleep(0.05)


def test_batch_reads_standard_input(tmp_path):
    from typer.testing import CliRunner

    from extractor.cli import app

    out = tmp_path / "out"
    data = "".join(json.dumps({"id": f"s{i}", "text": story(i)}) + "\n" for i in range(3))
    result = CliRunner().invoke(app, ["batch", "-", "--out", str(out), "--workers", "0", "--no-progress"],
                                input=data)
    assert result.exit_code == 0, result.output
    records, _ = read_output(out)
    assert [r["meta"]["id"] for r in records] == ["s0", "s1", "s2"]


def test_dask_engine_on_a_local_cluster_of_two_workers(tmp_path):
    pytest.importorskip("distributed")
    archive = tmp_path / "a.jsonl"
    write_jsonl(archive, [{"id": f"d{i}", "text": story(i)} for i in range(24)] + [b"\xff\xfe"])
    results = []
    summary = run_batch([str(archive)], tmp_path / "out", engine="dask", workers=2, shard_docs=3,
                        progress=False, on_shard=lambda shard, result: results.append(result))
    assert (summary.written, summary.failed) == (24, 1)
    records, errors = read_output(tmp_path / "out")
    assert sorted(r["meta"]["id"] for r in records) == sorted(f"d{i}" for i in range(24))
    assert errors[0]["reason"].startswith("line 25: not UTF-8")
    worked = [r for r in results if r["pid"] is not None]
    # The worker plugin built each worker's pipeline before any shard arrived.
    assert worked and all(r["preloaded"] for r in worked)
    assert len({r["pid"] for r in worked}) <= 2 and os.getpid() not in {r["pid"] for r in worked}
