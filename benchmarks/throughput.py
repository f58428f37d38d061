"""Throughput of the full extraction against the bare spaCy tokenizer, on the same varied texts.

    python benchmarks/throughput.py [--json] [--eval-dir ../shared/eval] [--no-scaling]

Reads every text of the annotated sets (``../shared/eval/*.jsonl``), each once: repeating one
article would let the tokenizer serve its tokens from its cache. In one run it measures

- documents and words per second of ``spacy.blank("en").tokenizer`` and of the full
  extraction (tokenizer, fact components and the validated records), their ratio, and the
  time each component takes;
- the batch engine with 1 and 2 worker processes (pipelines loaded before the clock starts)
  and the speed-up of 2 over 1, with the peak resident memory of each worker;
- (unless ``--no-scaling``) the peak memory of a batch run over 1,000 and over 10,000
  documents, each in a fresh process, to show that memory does not grow with the input;
- (unless ``--no-big``) the time and peak memory of one 1 MB and one 10 MB document (the
  annotated texts one after another), each extracted in a fresh process (``--big-only``:
  just these).

The tokenizer and the extraction are timed text by text, alternately, so that other load on
the machine weighs on both alike; times are averaged over ``--rounds`` rounds.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_EVAL = ROOT.parent / "shared" / "eval"
MB = 1024 * 1024


def load_texts(eval_dir: Path, pattern: str = "*.jsonl") -> list[dict[str, Any]]:
    """Every non-empty text of the annotated sets matching ``pattern``, with its set and date."""
    texts = []
    for path in sorted(eval_dir.glob(pattern)):
        with path.open(encoding="utf-8") as f:
            for line in f:
                record = json.loads(line)
                if isinstance(record.get("text"), str) and record["text"].strip():
                    texts.append({"set": path.stem, "text": record["text"], "published": record.get("published")})
    return texts


def words(texts: list[dict[str, Any]]) -> int:
    return sum(len(t["text"].split()) for t in texts)


def time_both(texts: list[dict[str, Any]]) -> dict[str, Any]:
    """Time the bare tokenizer and the full extraction text by text, alternating.

    Each has its own freshly built vocab (cold caches). Alternating on every text makes other
    load on the machine weigh on both alike. The extraction is extract_doc's work split into
    its steps: tokenizer (make_doc), each component, and the validated records (from_doc).
    """
    import spacy

    from extractor.from_doc import from_doc
    from extractor.pipeline import build_pipeline, make_doc

    tokenizer = spacy.blank("en").tokenizer
    nlp = build_pipeline()
    steps = {"tokenizer": 0.0, **{name: 0.0 for name in nlp.pipe_names}, "records": 0.0}
    bare_set: dict[str, float] = {}
    ext_set: dict[str, float] = {}
    clock = time.perf_counter
    gc.collect()
    for t in texts:
        t0 = clock()
        tokenizer(t["text"])
        t1 = clock()
        bare_set[t["set"]] = bare_set.get(t["set"], 0.0) + t1 - t0
        start = t1
        doc = make_doc(nlp, t["text"], published=t["published"])
        t2 = clock()
        steps["tokenizer"] += t2 - t1
        t1 = t2
        for name, proc in nlp.pipeline:
            doc = proc(doc)
            t2 = clock()
            steps[name] += t2 - t1
            t1 = t2
        from_doc(doc)
        t2 = clock()
        steps["records"] += t2 - t1
        ext_set[t["set"]] = ext_set.get(t["set"], 0.0) + t2 - start
    return {"tokenizer": sum(bare_set.values()), "extraction": sum(ext_set.values()),
            "tokenizer_per_set": bare_set, "extraction_per_set": ext_set, "steps": steps}


def time_workers(texts: list[dict[str, Any]], workers: int, rounds: int) -> tuple[float, float, int]:
    """Best wall time of the local engine over ``texts`` with pipelines already loaded, the
    workers' CPU time in that round, and the peak resident memory of a worker."""
    from extractor.batch import LocalEngine, make_shards
    from extractor.io.readers import Document

    docs = [Document(text=t["text"], id=str(i), source="bench", key=str(i),
                     meta={"published": t["published"]} if t["published"] else {})
            for i, t in enumerate(texts)]
    best, best_cpu, rss = float("inf"), 0.0, 0
    for _ in range(rounds):
        with LocalEngine(workers) as engine:  # returns once every worker has built its pipeline
            start, cpu = time.perf_counter(), 0.0
            # Small shards so that two workers share the long articles evenly.
            for _shard, result in engine.run(make_shards(docs, shard_docs=4, shard_bytes=64 * 1024)):
                rss = max(rss, result["rss"])
                cpu += result["cpu"]
            wall = time.perf_counter() - start
            if wall < best:
                best, best_cpu = wall, cpu
    return best, best_cpu, rss


def memory_scaling(texts: list[dict[str, Any]], sizes: tuple[int, ...], workers: int) -> list[dict[str, Any]]:
    """Peak memory of a batch run over ``n`` documents, for each n, each run in a fresh process."""
    short = [t for t in texts if len(t["text"]) < 4000] or texts
    rows = []
    with tempfile.TemporaryDirectory(prefix="extractor-bench-") as tmp:
        for n in sizes:
            archive = Path(tmp) / f"docs-{n}.jsonl"
            with archive.open("w", encoding="utf-8") as f:
                for i in range(n):
                    t = short[i % len(short)]
                    # Every document differs, as in a real archive.
                    f.write(json.dumps({"id": f"doc{i}", "text": f"Bulletin {i}. {t['text']}",
                                        "published": t["published"]}) + "\n")
            code = ("import json, sys; from dataclasses import asdict; from extractor.batch import run_batch; "
                    "s = run_batch([sys.argv[1]], sys.argv[2], workers=int(sys.argv[3]), progress=False); "
                    "print(json.dumps(asdict(s)))")
            proc = subprocess.run([sys.executable, "-c", code, str(archive), str(Path(tmp) / f"out-{n}"),
                                   str(workers)], capture_output=True, text=True)
            if proc.returncode != 0:
                raise SystemExit(f"batch run over {n} documents failed:\n{proc.stderr[-3000:]}")
            summary = json.loads(proc.stdout.strip().splitlines()[-1])
            rows.append({"documents": n, "docs_per_s": round((summary["written"] + summary["failed"]) / summary["seconds"], 1),
                         "main_peak_rss_mb": round(summary["main_peak_rss"] / MB, 1),
                         "worker_peak_rss_mb": round(summary["worker_peak_rss"] / MB, 1)})
    return rows


_BIG_CODE = """
import json, sys, time
from extractor.batch import peak_rss
from extractor.pipeline import build_pipeline
from extractor import extract_doc
nlp = build_pipeline()
text = open(sys.argv[1], encoding="utf-8").read()
before = peak_rss()
start, cpu = time.perf_counter(), time.process_time()
facts = extract_doc(nlp, text)
print(json.dumps({"seconds": time.perf_counter() - start, "cpu": time.process_time() - cpu,
                  "pipeline_rss": before, "peak_rss": peak_rss(),
                  "facts": sum(len(getattr(facts, k)) for k in ("entities", "quantities", "dates", "quotations"))}))
"""


def big_documents(texts: list[dict[str, Any]], sizes_mb: tuple[int, ...] = (1, 10)) -> list[dict[str, Any]]:
    """Time and peak memory of one document of each size, each extracted in a fresh process."""
    rows = []
    with tempfile.TemporaryDirectory(prefix="extractor-big-") as tmp:
        for size in sizes_mb:
            path = Path(tmp) / f"doc-{size}mb.txt"
            with path.open("w", encoding="utf-8") as f:
                written, i = 0, 0
                while written < size * MB:
                    # Numbered, so that the tokenizer's cache does not serve repeats.
                    chunk = f"Bulletin {i}.\n{texts[i % len(texts)]['text']}\n\n"
                    chunk = chunk[: size * MB - written]
                    f.write(chunk)
                    written += len(chunk.encode("utf-8"))
                    i += 1
            proc = subprocess.run([sys.executable, "-c", _BIG_CODE, str(path)], capture_output=True, text=True)
            if proc.returncode != 0:
                raise SystemExit(f"the {size} MB document failed:\n{proc.stderr[-3000:]}")
            got = json.loads(proc.stdout.strip().splitlines()[-1])
            rows.append({"megabytes": size, "seconds": round(got["seconds"], 1), "cpu_seconds": round(got["cpu"], 1),
                         "facts": got["facts"],
                         "pipeline_rss_mb": round(got["pipeline_rss"] / MB), "peak_rss_mb": round(got["peak_rss"] / MB)})
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--eval-dir", type=Path, default=DEFAULT_EVAL)
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--rounds", type=int, default=2, help="rounds to average (worker runs: best of)")
    parser.add_argument("--no-workers", action="store_true", help="skip the 1- and 2-worker runs")
    parser.add_argument("--no-scaling", action="store_true", help="skip the 1,000 vs 10,000 documents memory run")
    parser.add_argument("--no-big", action="store_true", help="skip the 1 MB and 10 MB documents")
    parser.add_argument("--big-only", action="store_true", help="only the 1 MB and 10 MB documents")
    args = parser.parse_args(argv)

    texts = load_texts(args.eval_dir) if args.eval_dir.is_dir() else []
    if not texts:
        print(f"skipped: no texts in {args.eval_dir}/*.jsonl (the annotated sets live beside the project)",
              file=sys.stderr)
        return 0
    if args.big_only:
        return _print_big(big_documents(texts), args.json)
    n_docs, n_words = len(texts), words(texts)
    sets = sorted({t["set"] for t in texts})

    load_before = os.getloadavg()[0] if hasattr(os, "getloadavg") else None
    runs = [time_both(texts) for _ in range(max(1, args.rounds))]

    def mean(key: str) -> Any:
        if isinstance(runs[0][key], dict):
            return {k: sum(r[key][k] for r in runs) / len(runs) for k in runs[0][key]}
        return sum(r[key] for r in runs) / len(runs)

    tok_s, ext_s, steps = mean("tokenizer"), mean("extraction"), mean("steps")
    tok_set, per_set = mean("tokenizer_per_set"), mean("extraction_per_set")
    from extractor.batch import peak_rss

    report: dict[str, Any] = {
        "documents": n_docs,
        "words": n_words,
        "sets": {s: sum(t["set"] == s for t in texts) for s in sets},
        "tokenizer": {"seconds": round(tok_s, 3), "docs_per_s": round(n_docs / tok_s, 1),
                      "words_per_s": round(n_words / tok_s)},
        "extraction": {"seconds": round(ext_s, 3), "docs_per_s": round(n_docs / ext_s, 1),
                       "words_per_s": round(n_words / ext_s)},
        "ratio": round(tok_s / ext_s, 3),
        "ratio_per_set": {s: round(tok_set[s] / per_set[s], 3) for s in sets},
        # Each step's time relative to the bare tokenizer's: 1.0 costs as much as tokenizing.
        "steps_vs_tokenizer": {k: round(v / tok_s, 2) for k, v in sorted(steps.items(), key=lambda kv: -kv[1])},
        "process_peak_rss_mb": round(peak_rss() / MB, 1),
        "load_average_before": load_before,
    }
    if not args.no_workers:
        one, cpu1, rss1 = time_workers(texts, 1, args.rounds)
        two, cpu2, rss2 = time_workers(texts, 2, args.rounds)
        report["workers"] = {"1": {"seconds": round(one, 3), "docs_per_s": round(n_docs / one, 1),
                                   "worker_cpu_seconds": round(cpu1, 3)},
                             "2": {"seconds": round(two, 3), "docs_per_s": round(n_docs / two, 1),
                                   "worker_cpu_seconds": round(cpu2, 3)},
                             "speedup_2_over_1": round(one / two, 2),
                             # Wall-clock speed-up needs two idle cores; this ratio does not: 1.0
                             # means two workers spend no more CPU per document than one.
                             "cpu_per_doc_1_over_2": round(cpu1 / cpu2, 2) if cpu2 else None,
                             "worker_peak_rss_mb": round(max(rss1, rss2) / MB, 1),
                             "cores": len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count()}
    if not args.no_scaling:
        report["scaling"] = memory_scaling(texts, (1000, 10000), workers=2)
    if not args.no_big:
        report["big_documents"] = big_documents(texts)

    if args.json:
        print(json.dumps(report, indent=2))
        return 0
    print(f"{n_docs} texts, {n_words} words ({', '.join(f'{s}: {c}' for s, c in report['sets'].items())})"
          + (f"; load average {load_before:.1f} before the run" if load_before is not None else ""))
    print(f"{'':12}{'docs/s':>10}{'words/s':>12}")
    for name in ("tokenizer", "extraction"):
        row = report[name]
        print(f"{name:12}{row['docs_per_s']:>10.1f}{row['words_per_s']:>12,}")
    print(f"ratio extraction/tokenizer: {report['ratio']:.3f} (target >= 0.3); per set: "
          + ", ".join(f"{s} {r:.3f}" for s, r in report["ratio_per_set"].items()))
    print("time per step, in tokenizer-times: "
          + ", ".join(f"{k} {v:.2f}" for k, v in report["steps_vs_tokenizer"].items()))
    print(f"peak RSS of this process: {report['process_peak_rss_mb']:.0f} MB")
    if "workers" in report:
        w = report["workers"]
        print(f"batch engine: 1 worker {w['1']['docs_per_s']:.1f} docs/s, 2 workers {w['2']['docs_per_s']:.1f} docs/s, "
              f"speed-up {w['speedup_2_over_1']:.2f}x (target >= 1.7; {w['cores']} cores); "
              f"worker peak RSS {w['worker_peak_rss_mb']:.0f} MB (target < 300)")
        print(f"  worker CPU per document, 1 worker over 2 workers: {w['cpu_per_doc_1_over_2']} "
              "(1.0: no parallel overhead; the wall-clock speed-up also needs two idle cores)")
    for row in report.get("scaling", []):
        print(f"batch of {row['documents']:>6} docs: {row['docs_per_s']:.0f} docs/s, main peak RSS "
              f"{row['main_peak_rss_mb']:.0f} MB, worker peak RSS {row['worker_peak_rss_mb']:.0f} MB")
    _print_big(report.get("big_documents", []), False)
    return 0


def _print_big(rows: list[dict[str, Any]], as_json: bool) -> int:
    if as_json:
        print(json.dumps({"big_documents": rows}, indent=2))
        return 0
    for row in rows:
        print(f"one {row['megabytes']} MB document: {row['seconds']:.1f} s ({row['cpu_seconds']:.1f} s of CPU), "
              f"{row['facts']} facts, peak RSS "
              f"{row['peak_rss_mb']} MB (the pipeline alone {row['pipeline_rss_mb']} MB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
