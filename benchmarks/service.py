"""Load on the HTTP service against `extractor batch` on the same texts, in one run.

    pip install -e '.[bench]' && python benchmarks/service.py [--seconds 30] [--clients 32] [--workers 2]
        [--requests 10000] [--json]

1. ``extractor batch --workers 2`` over the texts of the dev sets (``../shared/eval/news_dev*.jsonl``),
   repeated to some ``--batch-docs`` documents: its documents per second (the batch's own figure,
   counted from when its workers are ready).
2. ``extractor serve --workers 2`` on loopback; once ready, ``--clients`` concurrent clients
   (one asyncio process, keep-alive connections) post the same texts as JSON for ``--seconds``:
   requests per second, p50 and p99 latency, errors (any answer but 200, or no answer).
3. The clients go on to ``--requests`` requests in all; the server's resident memory (the
   uvicorn process and each worker) is sampled every 1,000 requests.
4. A document just under 10 MB is posted; meanwhile /healthz is asked every 50 ms for
   ``--health-seconds``: its latency while a worker is busy with that document.

The clients share the machine's cores with the server, as they would on one box; the batch
run does not pay for clients, which weighs against the service in the ratio.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import re
import resource
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

import aiohttp
import httpx
import psutil

sys.path.insert(0, str(Path(__file__).resolve().parent))
import throughput  # noqa: E402  (the benchmarks are scripts, run from anywhere)

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_EVAL = ROOT.parent / "shared" / "eval"
MB = 1024 * 1024


def load_texts(eval_dir: Path) -> list[dict[str, Any]]:
    """The news texts (news_dev*.jsonl): what the service is built to receive."""
    texts = throughput.load_texts(eval_dir, "news_dev*.jsonl")
    if not texts:
        sys.exit(f"error: {eval_dir}: no news_dev*.jsonl with texts")
    return texts


def run_batch(texts: list[dict[str, Any]], docs: int, workers: int) -> dict[str, Any]:
    """The batch's docs/s, and its CPU per document without its start-up (a run of 2 documents
    measures that)."""
    startup = _batch_once(texts, 2, workers)
    run = _batch_once(texts, docs, workers)
    run["cpu_ms_per_doc"] = (run.pop("cpu") - startup["cpu"]) / (docs - 2) * 1000
    return run


def _batch_once(texts: list[dict[str, Any]], docs: int, workers: int) -> dict[str, Any]:
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "texts.jsonl"
        with source.open("w", encoding="utf-8") as f:
            for i in range(docs):
                t = texts[i % len(texts)]
                f.write(json.dumps({"id": f"d{i}", "text": t["text"], "meta": {"published": t["published"]}}) + "\n")
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        done = subprocess.run([sys.executable, "-m", "extractor", "batch", str(source), "--out", f"{tmp}/out",
                               "--workers", str(workers), "--no-progress"], capture_output=True, text=True)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        if done.returncode != 0:
            sys.exit(f"error: extractor batch failed: {done.stderr[-2000:]}")
        found = re.search(r"(\d+) documents written.*\[([\d.]+) docs/s\]", done.stderr)
        if not found:
            sys.exit(f"error: cannot read the batch summary: {done.stderr[-500:]}")
        # CPU of the whole run (the batch process and its workers), which other load on the
        # machine does not change.
        cpu = (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)
        return {"documents": int(found.group(1)), "docs_per_second": float(found.group(2)), "cpu": cpu}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start_server(workers: int, timeout: float, log: Path) -> tuple[subprocess.Popen[bytes], str]:
    port = free_port()
    env = {k: v for k, v in os.environ.items() if k != "EXTRACTOR_API_KEY"}
    with log.open("wb") as out:  # the server's own log; stopping it cancels the 10 MB document
        proc = subprocess.Popen([sys.executable, "-m", "extractor", "serve", "--port", str(port), "--workers",
                                 str(workers), "--timeout", str(timeout), "--log-level", "warning"], env=env,
                                stdout=out, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            sys.exit(f"error: extractor serve exited with {proc.returncode}: {log.read_text()[-2000:]}")
        try:
            if httpx.get(f"{url}/readyz", timeout=2).status_code == 200:
                return proc, url
        except httpx.TransportError:
            pass
        time.sleep(0.3)
    proc.kill()
    sys.exit("error: extractor serve was not ready in 300 s")


def server_cpu(pid: int) -> dict[str, float]:
    """CPU seconds so far of the server process and of its workers together."""
    main = psutil.Process(pid)
    def cpu(p: psutil.Process) -> float:
        times = p.cpu_times()
        return times.user + times.system
    return {"main": cpu(main), "workers": sum(cpu(c) for c in main.children(recursive=True))}


def server_memory(pid: int) -> dict[str, float]:
    """Resident memory in MB of the server process and of each of its worker processes."""
    main = psutil.Process(pid)
    # The spawn start method adds a resource tracker process beside the workers; it is tiny.
    children = [c for c in main.children(recursive=True) if "resource_tracker" not in " ".join(c.cmdline())]
    return {"main_mb": main.memory_info().rss / MB,
            "workers_mb": sorted(round(c.memory_info().rss / MB, 1) for c in children)}


class Load:
    """Clients posting texts in turn; latencies of the answers in a time window, errors, memory.

    aiohttp, with each body encoded once: the clients share the cores with the server, and
    a heavier client (httpx costs some 7 ms of CPU a request here) would be measured too.
    """

    def __init__(self, url: str, texts: list[dict[str, Any]], clients: int, pid: int) -> None:
        self.url, self.clients, self.pid = url, clients, pid
        self.bodies = [json.dumps({"text": t["text"], "published": t["published"]}).encode() for t in texts]
        self.sent = 0
        self.errors: list[str] = []
        self.latencies: list[float] = []
        self.memory: list[dict[str, Any]] = []

    async def client(self, http: aiohttp.ClientSession, number: int, stop: float, total: int) -> None:
        i = number
        headers = {"Content-Type": "application/json"}
        while time.perf_counter() < stop and self.sent < total:
            self.sent += 1
            if self.sent % 1000 == 0:
                self.memory.append({"requests": self.sent, **server_memory(self.pid)})
            body = self.bodies[i % len(self.bodies)]
            i += self.clients
            started = time.perf_counter()
            try:
                async with http.post(f"{self.url}/v1/extract", data=body, headers=headers) as response:
                    payload = await response.read()
                    if response.status != 200 or b'"quantities"' not in payload:
                        self.errors.append(f"{response.status}: {payload[:200]!r}")
            except (aiohttp.ClientError, asyncio.TimeoutError) as exc:
                self.errors.append(f"{type(exc).__name__}: {exc}")
            self.latencies.append(time.perf_counter() - started)

    async def run(self, seconds: float | None, total: int) -> float:
        """Run until ``seconds`` have passed (None: no limit) or ``total`` requests were sent."""
        connector = aiohttp.TCPConnector(limit=self.clients)
        async with aiohttp.ClientSession(connector=connector, timeout=aiohttp.ClientTimeout(total=300)) as http:
            started = time.perf_counter()
            stop = started + seconds if seconds is not None else float("inf")
            await asyncio.gather(*(self.client(http, n, stop, total) for n in range(self.clients)))
            return time.perf_counter() - started


def percentile(values: list[float], q: float) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[q - 1] if len(values) > 1 else values[0]


def health_during_long_document(url: str, texts: list[dict[str, Any]], seconds: float) -> dict[str, Any]:
    joined = "\n\n".join(t["text"] for t in texts).encode("utf-8")
    body = (joined * (10 * MB // len(joined) + 1))[: 10 * MB - 1024].decode("utf-8", "ignore").encode("utf-8")
    answer: list[int] = []

    def post() -> None:
        try:
            answer.append(httpx.post(f"{url}/v1/extract", content=body, headers={"Content-Type": "text/plain"},
                                     timeout=seconds + 5).status_code)
        except httpx.HTTPError:
            pass  # the benchmark stops the server before the document's time limit

    poster = threading.Thread(target=post, daemon=True)
    poster.start()
    with httpx.Client(base_url=url, timeout=10) as client:
        while client.get("/readyz").json()["busy"] == 0:
            if not poster.is_alive():
                sys.exit(f"error: the 10 MB document was answered {answer} before a worker took it")
            time.sleep(0.01)
        latencies, deadline = [], time.monotonic() + seconds
        while time.monotonic() < deadline:
            started = time.perf_counter()
            ok = client.get("/healthz").status_code == 200
            latencies.append((time.perf_counter() - started) if ok else float("inf"))
            time.sleep(0.05)
    return {"requests": len(latencies), "p50_ms": percentile(latencies, 50) * 1000,
            "p99_ms": percentile(latencies, 99) * 1000, "max_ms": max(latencies) * 1000}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--eval-dir", type=Path, default=DEFAULT_EVAL)
    parser.add_argument("--seconds", type=float, default=30)
    parser.add_argument("--clients", type=int, default=32)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--requests", type=int, default=10_000, help="requests in all, for the memory figure")
    parser.add_argument("--batch-docs", type=int, default=3000)
    parser.add_argument("--health-seconds", type=float, default=10)
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args()

    texts = load_texts(args.eval_dir)
    batch = run_batch(texts, args.batch_docs, args.workers)
    print(f"batch: {batch}", file=sys.stderr)
    log = Path(tempfile.mkdtemp()) / "server.log"
    proc, url = start_server(args.workers, timeout=max(60.0, args.health_seconds + 30), log=log)
    try:
        load = Load(url, texts, args.clients, proc.pid)
        load.memory.append({"requests": 0, **server_memory(proc.pid)})
        cpu_before, client_before = server_cpu(proc.pid), time.process_time()
        elapsed = asyncio.run(load.run(args.seconds, args.requests))
        cpu_after, client_after = server_cpu(proc.pid), time.process_time()
        done = len(load.latencies)
        timed = {"requests": done, "seconds": elapsed,
                 "server_cpu_ms_per_request": (cpu_after["main"] - cpu_before["main"]) / done * 1000,
                 "workers_cpu_ms_per_request": (cpu_after["workers"] - cpu_before["workers"]) / done * 1000,
                 "client_cpu_ms_per_request": (client_after - client_before) / done * 1000,
                 "requests_per_second": len(load.latencies) / elapsed,
                 "p50_ms": percentile(load.latencies, 50) * 1000, "p99_ms": percentile(load.latencies, 99) * 1000,
                 "errors": len(load.errors)}
        print(f"service: {timed}", file=sys.stderr)
        asyncio.run(load.run(None, args.requests))
        if load.memory[-1]["requests"] != load.sent:
            load.memory.append({"requests": load.sent, **server_memory(proc.pid)})
        health = health_during_long_document(url, texts, args.health_seconds)
    finally:
        proc.terminate()
        proc.wait(timeout=30)
    report = {"texts": len(texts), "clients": args.clients, "workers": args.workers, "batch": batch,
              "service": timed, "ratio": timed["requests_per_second"] / batch["docs_per_second"],
              "total_requests": load.sent, "total_errors": len(load.errors), "first_errors": load.errors[:5],
              "memory": load.memory, "health_during_10mb_document": health}
    if args.json:
        print(json.dumps(report, indent=2))
        return
    print(f"texts: {len(texts)} (dev sets), {args.clients} clients, {args.workers} workers")
    print(f"extractor batch --workers {args.workers}: {batch['docs_per_second']:.1f} docs/s "
          f"({batch['documents']} documents)")
    print(f"service, {timed['seconds']:.0f} s: {timed['requests_per_second']:.1f} requests/s, p50 "
          f"{timed['p50_ms']:.0f} ms, p99 {timed['p99_ms']:.0f} ms, errors {timed['errors']} "
          f"of {timed['requests']}")
    print(f"service / batch: {report['ratio']:.2f}")
    print(f"CPU per document: batch {batch['cpu_ms_per_doc']:.1f} ms (past start-up); service workers "
          f"{timed['workers_cpu_ms_per_request']:.1f} ms + server {timed['server_cpu_ms_per_request']:.1f} ms "
          f"(+ clients {timed['client_cpu_ms_per_request']:.1f} ms)")
    for m in load.memory:
        print(f"  after {m['requests']:>6} requests: server {m['main_mb']:.0f} MB, workers {m['workers_mb']} MB")
    print(f"errors over all {load.sent} requests: {len(load.errors)}")
    print(f"/healthz while a 10 MB document is extracted: p50 {health['p50_ms']:.1f} ms, p99 "
          f"{health['p99_ms']:.1f} ms, max {health['max_ms']:.1f} ms ({health['requests']} requests)")


if __name__ == "__main__":
    main()
