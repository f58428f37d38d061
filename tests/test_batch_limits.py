"""Batch runs that nothing can make lose, repeat or corrupt a record: resume keys that do not
depend on how a path is spelled, one run per output directory, a bounded number of workers
that die with their parent, and a time limit per document."""

import json
import os
import signal
import subprocess
import sys
import threading
import time
from collections import Counter

import pytest

from extractor.batch import BatchError, LocalEngine, run_batch
from extractor.batch.runner import OutputDir

from test_batch import read_output, story, write_jsonl


def test_resume_recognises_an_input_however_its_path_is_spelled(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    write_jsonl(tmp_path / "small.jsonl", [{"id": f"s{i}", "text": story(i)} for i in range(4)])
    run_batch(["small.jsonl"], "out", workers=0, progress=False)
    again = run_batch(["./small.jsonl"], "out", workers=0, resume=True, progress=False)
    once_more = run_batch([str(tmp_path / "small.jsonl")], "out", workers=0, resume=True, progress=False)
    assert (again.written, again.skipped, once_more.written, once_more.skipped) == (0, 4, 0, 4)
    records, _ = read_output(tmp_path / "out")
    assert Counter(r["meta"]["id"] for r in records) == {f"s{i}": 1 for i in range(4)}


def test_a_second_run_on_the_same_output_directory_is_refused(tmp_path):
    first = OutputDir(tmp_path / "out")
    try:
        with pytest.raises(BatchError, match=rf"another batch run \(process {os.getpid()}\) is writing here"):
            OutputDir(tmp_path / "out", resume=True)
    finally:
        first.close()
    OutputDir(tmp_path / "out", resume=True).close()  # free again once the first run ends


def test_concurrent_runs_into_one_directory_lose_nothing(tmp_path):
    for name in ("a", "b"):
        write_jsonl(tmp_path / f"{name}.jsonl", [{"id": f"{name}{i}", "text": story(i)} for i in range(3)])
    args = [sys.executable, "-m", "extractor", "batch", "--out", str(tmp_path / "out"), "--workers", "0",
            "--no-progress", "--resume"]
    procs = [subprocess.Popen([*args, str(tmp_path / f"{n}.jsonl")], stderr=subprocess.PIPE, text=True)
             for n in ("a", "b")]
    results = [(p.wait(timeout=180), p.stderr.read()) for p in procs]
    refused = [err for code, err in results if code != 0]
    assert all("another batch run" in err for err in refused), results
    records, _ = read_output(tmp_path / "out")
    # Whatever ran, ran whole: a refused run wrote nothing, a finished one lost nothing.
    for name, (code, _) in zip(("a", "b"), results, strict=True):
        ids = sorted(r["meta"]["id"] for r in records if r["meta"]["id"].startswith(name))
        assert ids == ([f"{name}{i}" for i in range(3)] if code == 0 else []), (name, results)


def test_workers_are_capped_by_cores_and_memory_and_the_cap_is_said():
    from extractor.batch.engine import cap_workers, default_workers

    cores = default_workers()
    workers, note = cap_workers(1000)
    assert 1 <= workers <= cores
    assert note.startswith(f"--workers 1000 lowered to {workers}: {cores} cores, ")
    assert cap_workers(1) == (1, None) and cap_workers(0) == (0, None)
    assert LocalEngine(1000).workers == workers


def test_workers_die_with_their_parent(tmp_path):
    psutil = pytest.importorskip("psutil")
    archive = tmp_path / "long.jsonl"
    write_jsonl(archive, [{"id": f"d{i}", "text": " ".join(story(k) for k in range(300))} for i in range(50)])
    proc = subprocess.Popen([sys.executable, "-m", "extractor", "batch", str(archive), "--out",
                             str(tmp_path / "out"), "--workers", "1", "--no-progress", "--shard-size", "1"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    parent = psutil.Process(proc.pid)
    deadline = time.monotonic() + 120
    manifest = tmp_path / "out" / "manifest.jsonl"
    while not (manifest.exists() and manifest.read_bytes().count(b"\n")):  # workers are up and working
        assert proc.poll() is None and time.monotonic() < deadline
        time.sleep(0.05)
    workers = parent.children(recursive=True)
    assert workers
    proc.send_signal(signal.SIGKILL)  # the parent alone: it has no chance to stop its workers
    proc.wait(timeout=10)
    gone, alive = psutil.wait_procs(workers, timeout=10)
    assert alive == [], f"orphaned workers still running: {[p.pid for p in alive]}"


def test_a_document_over_the_time_limit_is_a_timeout_error_and_the_run_goes_on(tmp_path, monkeypatch):
    import extractor

    real = extractor.extract_doc

    def stuck_on_three(nlp, text, **kwargs):
        if "survey 3." in text:
            while True:
                pass
        return real(nlp, text, **kwargs)

    monkeypatch.setattr(extractor, "extract_doc", stuck_on_three)
    write_jsonl(tmp_path / "a.jsonl", [{"id": str(i), "text": story(i)} for i in range(6)])
    summary = run_batch([str(tmp_path / "a.jsonl")], tmp_path / "out", workers=0, timeout=0.5, progress=False)
    assert (summary.written, summary.failed) == (5, 1)
    _, errors = read_output(tmp_path / "out")
    assert [(e["id"], e["reason"]) for e in errors] == [("3", "timeout: extraction took over 0.5 s")]


def test_the_time_limit_also_stops_work_in_another_thread():
    from extractor.timeout import DocumentTimeout, time_limit

    outcome = []

    def work():
        try:
            with time_limit(0.3):
                while True:
                    pass
        except DocumentTimeout as exc:
            outcome.append(str(exc))

    t = threading.Thread(target=work)
    t.start()
    t.join(10)
    assert outcome == ["timeout: over 0.3 s"]


def test_a_repeated_document_id_is_kept_with_its_own_source(tmp_path):
    # Decided: ids are the input's own; two documents with one id are both extracted and told
    # apart by meta.source (README, "Archives and batch runs").
    write_jsonl(tmp_path / "a.jsonl", [{"id": "same", "text": story(1)}, {"id": "same", "text": story(2)}])
    run_batch([str(tmp_path / "a.jsonl")], tmp_path / "out", workers=0, progress=False)
    records, _ = read_output(tmp_path / "out")
    assert [(r["meta"]["id"], r["meta"]["source"]) for r in records] == [
        ("same", f"{tmp_path / 'a.jsonl'}:1"), ("same", f"{tmp_path / 'a.jsonl'}:2")]
