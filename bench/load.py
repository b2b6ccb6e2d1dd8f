"""HTTP load against one URL for a fixed time: requests per second and latency percentiles.

wrk (Debian's `wrk` package) is used when it is installed: it is written in C and leaves the
two cores to the server. Without it a small Python driver (threads, keep-alive connections)
does the same job; it spends CPU of its own, so its figures are lower, but every URL in a run
is measured with the same tool, so the ratios stay comparable. A list of URLs (e.g. queries never
asked before) is asked in turn by either tool.
"""

import http.client
import itertools
import shutil
import statistics
import subprocess
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from bench.pages import BenchError

WRK_SCRIPT = Path(__file__).with_name("wrk_report.lua")


@dataclass
class Result:
    requests: int
    errors: int
    seconds: float
    p50_ms: float
    p95_ms: float
    p99_ms: float

    @property
    def per_second(self):
        return self.requests / self.seconds


def combine(results):
    """One result from rounds of the same URL: total throughput, median of each percentile."""
    return Result(
        sum(r.requests for r in results),
        sum(r.errors for r in results),
        sum(r.seconds for r in results),
        statistics.median(r.p50_ms for r in results),
        statistics.median(r.p95_ms for r in results),
        statistics.median(r.p99_ms for r in results),
    )


def tool():
    return "wrk" if shutil.which("wrk") else "python"


def measure(url, seconds, concurrency, headers=None):
    """`headers` (a dict) go with every request, e.g. a logged-in user's session cookie. `url`
    may be a list of URLs on one server: the requests then go to them in turn."""
    if tool() == "wrk":
        return measure_with_wrk(url, seconds, concurrency, headers or {})
    return measure_with_threads(url, seconds, concurrency, headers or {})


def measure_with_wrk(url, seconds, concurrency, headers):
    if isinstance(url, str):
        return run_wrk(url, seconds, concurrency, headers)
    with tempfile.NamedTemporaryFile("w", suffix=".txt") as listed:
        listed.write("".join(f"{path_of(u)}\n" for u in url))
        listed.flush()
        return run_wrk(url[0], seconds, concurrency, headers, listed.name)


def path_of(url):
    parts = urlsplit(url)
    return parts.path + (f"?{parts.query}" if parts.query else "")


def run_wrk(url, seconds, concurrency, headers, paths_file=None):
    """wrk against `url`, or against the paths listed in `paths_file` on its server."""
    threads = min(2, concurrency)
    command = [
        "wrk",
        f"--threads={threads}",
        f"--connections={concurrency}",
        f"--duration={seconds}s",
        "--timeout=10s",
        f"--script={WRK_SCRIPT}",
        *(f"--header={name}: {value}" for name, value in headers.items()),
        url,
        *(["--", paths_file, str(threads)] if paths_file else []),
    ]
    output = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    if "REPEATED" in output.splitlines():
        raise BenchError(f"too few paths for {seconds} s of load: one was asked twice")
    line = next(line for line in output.splitlines() if line.startswith("BENCH "))
    requests, errors, micros, p50, p95, p99 = (int(v) for v in line.split()[1:])
    return Result(requests, errors, micros / 1e6, p50 / 1000, p95 / 1000, p99 / 1000)


def measure_with_threads(url, seconds, concurrency, headers):
    urls = [url] if isinstance(url, str) else url
    parts = urlsplit(urls[0])
    targets = [path_of(u) for u in urls]
    turn = itertools.count()
    latencies, errors = [], []
    deadline = time.perf_counter() + seconds

    def client():
        own, failed = [], 0
        connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=10)
        while (start := time.perf_counter()) < deadline:
            try:
                target = targets[next(turn) % len(targets)]
                connection.request("GET", target, headers=headers)
                response = connection.getresponse()
                response.read()
                if response.status != 200:
                    failed += 1
            except (OSError, http.client.HTTPException):
                failed += 1
                connection.close()
            own.append(time.perf_counter() - start)
        connection.close()
        latencies.extend(own)
        errors.append(failed)

    started = time.perf_counter()
    threads = [threading.Thread(target=client) for _ in range(concurrency)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - started
    cuts = statistics.quantiles(latencies, n=100, method="inclusive")
    return Result(
        len(latencies), sum(errors), elapsed, cuts[49] * 1e3, cuts[94] * 1e3, cuts[98] * 1e3
    )
