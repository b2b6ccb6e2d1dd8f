"""Benchmark of the portal's pages against a Django "hello world" on the same server, in one run.

    python -m bench.pages [--pages 5000] [--duration 10] [--concurrency 4] [--workers 2]

Builds a database with realistic volume (a temporary SQLite file, or the PostgreSQL database in
DATABASE_URL), counts each page's SQL queries at a tenth of the volume and at the full volume,
then serves the portal with gunicorn and loads every URL in turn. Figures are ratios to hello
world measured in the same run, so they can be compared across machines. See
docs/performance.md.
"""

import argparse
import os
import platform
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

TOPIC = "/vejledning/emne/styringsdialog/"
GUIDANCE = "/vejledning/bench-vejledning/"
# A query string bypasses the anonymous page cache, so the page renders on every request.
UNCACHED = "?utm_source=bench"
CHECK_SECONDS = 30
HELLO = ("Hello world (Django)", "/bench/hello/")
TARGETS = [
    ("Home, cached", "/"),
    ("Home, rendered", "/" + UNCACHED),
    ("Guidance page, cached", GUIDANCE),
    ("Guidance page, rendered", GUIDANCE + UNCACHED),
    ("Topic page, cached", TOPIC),
    ("Topic page, rendered", TOPIC + UNCACHED),
    ("Search", "/soeg/?q=tilsyn"),
    ("Search, filtered", "/soeg/?q=tilsyn&type=vejledning&topic=styringsdialog"),
]

TARGET_PATHS = dict(TARGETS)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, default=5000, help="guidance pages (default 5000)")
    parser.add_argument(
        "--duration", type=int, default=10, help="seconds per URL, over all rounds (default 10)"
    )
    parser.add_argument("--concurrency", type=int, default=4, help="open connections (default 4)")
    parser.add_argument("--rounds", type=int, default=3, help="interleaved rounds (default 3)")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers (default 2)")
    args = parser.parse_args(argv)

    return run_in_scratch_folder("tilsynsportalen-bench-", run, args)


def run_in_scratch_folder(prefix, run, args):
    """Run a benchmark with its environment in a temporary folder; 1 if it failed, else 0."""
    with tempfile.TemporaryDirectory(prefix=prefix) as tmp:
        tmp = Path(tmp)
        env = environment(tmp)
        os.environ.update(env)
        try:
            run(args, tmp, env)
        except BenchError as error:
            print(f"\nBenchmark failed: {error}", file=sys.stderr)
            return 1
    return 0


class BenchError(RuntimeError):
    pass


def environment(tmp):
    """Settings for this process and the server: a temporary SQLite database unless told."""
    env = {
        "DJANGO_SETTINGS_MODULE": "bench.settings",
        "BENCH_STATIC_ROOT": str(tmp / "static"),
        "BENCH_MEDIA_ROOT": str(tmp / "media"),
        "DEBUG": "false",
    }
    if not os.environ.get("DATABASE_URL"):
        env["DATABASE_URL"] = f"sqlite:///{tmp / 'bench.sqlite3'}"
    return env


def run(args, tmp, env):
    import django

    django.setup()
    from django.db import connection

    from bench import data, load, queries, server

    started = time.monotonic()
    print(f"Tilsynsportalen benchmark, {time.strftime('%Y-%m-%d %H:%M')}")
    print(
        f"Machine: {platform.node()}, {os.cpu_count()} cores, Python {platform.python_version()}"
        f", database: {connection.vendor}, load tool: {load.tool()}"
    )
    prepare_database(connection)
    step(f"building the skeleton ({elapsed(started)})", data.skeleton)

    counts = {}
    for volume in sorted({max(1, args.pages // 10), args.pages}):
        step(f"growing to {volume} guidance pages ({elapsed(started)})", data.grow, volume)
        settle(connection)
        counts[volume] = queries.count_all(TARGETS)
    connection.close()
    print_queries(counts)

    print(
        f"\nLoad: gunicorn with {args.workers} workers, {args.concurrency} connections, "
        f"{args.duration} s per URL in {args.rounds} rounds ({elapsed(started)})"
    )
    try:
        with server.gunicorn(env, tmp / "gunicorn.log", ROOT, args.workers) as base_url:
            rows, failures = measure_all(load, base_url, args)
    except server.ServerError as error:
        raise BenchError(str(error)) from error
    print_load(rows, failures)
    print(f"\nTotal time: {elapsed(started)}")
    if failures:
        raise BenchError(
            "; ".join(f"{label} ({TARGET_PATHS[label]}) {why}" for label, why in failures.items())
        )


def prepare_database(connection):
    """Migrate a fresh database; a PostgreSQL database must be empty or an earlier benchmark's."""
    from django.core.management import call_command

    tables = connection.introspection.table_names()
    if connection.vendor == "postgresql" and tables:
        if "bench_marker" not in tables:
            raise BenchError(
                f"database {connection.settings_dict['NAME']} has tables but was not built by the "
                "benchmark. Give it an empty database: the benchmark drops everything in it."
            )
        with connection.cursor() as cursor:
            cursor.execute("DROP SCHEMA public CASCADE; CREATE SCHEMA public;")
    step("migrating", call_command, "migrate", verbosity=0, interactive=False)
    with connection.cursor() as cursor:
        cursor.execute("CREATE TABLE bench_marker (id integer)")
    step("collecting static files", call_command, "collectstatic", verbosity=0, interactive=False)


def settle(connection):
    """Statistics and no dead rows, as autovacuum keeps them in production (this machine's
    PostgreSQL runs without it): without statistics PostgreSQL guesses how many index entries a
    search matches, and a bulk-built index entry table holds many dead rows."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")


def step(label, function, *args, **kwargs):
    print(f"- {label} …", flush=True)
    return function(*args, **kwargs)


def elapsed(started):
    seconds = int(time.monotonic() - started)
    return f"{seconds // 60}:{seconds % 60:02d}"


def print_queries(counts):
    volumes = sorted(counts)
    print("\nSQL queries per page (anonymous reader, in-process test client)")
    header = ["Page", *(f"{v} guidance pages" for v in volumes)]
    rows = [[label, *(counts[v][label] for v in volumes)] for label, _path in TARGETS]
    print_table(header, rows)


def measure_all(load, base_url, args, targets=TARGETS, headers=None):
    """Every URL in turn, in interleaved rounds, so a busy moment on the machine hits them all.

    Each round measures hello world and then every page; each URL is warmed up once first.
    A URL that does not answer 200 OK within CHECK_SECONDS is reported and left out. `headers`
    go with every request to a page (not to hello world), e.g. a session cookie. A path may be
    a `Varying` list instead: each round (and the warm-up) then asks its own share of it in
    turn, so no path of it is asked twice.
    """
    plan, failures = [], {}
    for label, path in [HELLO, *targets]:
        sent = headers if (label, path) != HELLO else None
        first = round_urls(base_url, path, 0, args.rounds)
        failure = check(first if isinstance(first, str) else first[0], sent)
        if failure:
            failures[label] = failure
            print(f"  {label}: {failure}", flush=True)
            continue
        load.measure(first, 1, args.concurrency, sent)  # fills every worker's caches
        plan.append((label, path, sent))
    if HELLO[0] in failures:
        raise BenchError(f"hello world failed: {failures[HELLO[0]]}")
    seconds = max(1, round(args.duration / args.rounds))
    rounds = {label: [] for label, _path, _sent in plan}
    for n in range(1, args.rounds + 1):
        print(f"- round {n} of {args.rounds}", flush=True)
        for label, path, sent in plan:
            urls = round_urls(base_url, path, n, args.rounds)
            rounds[label].append(load.measure(urls, seconds, args.concurrency, sent))
    return [(label, path, load.combine(rounds[label])) for label, path, _sent in plan], failures


class Varying(list):
    """Paths of which every request asks the next one (e.g. a query never asked before)."""

    def __str__(self):
        return f"{self[0]} … ({len(self)} different)"


def round_urls(base_url, path, n, rounds):
    """The URL of a fixed path, or round `n`'s share of a `Varying` one (round 0: warm-up)."""
    if not isinstance(path, Varying):
        return base_url + path
    share = len(path) // (rounds + 1)
    return [base_url + p for p in path[n * share : (n + 1) * share]]


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def check(url, headers=None):
    """None if the URL answers 200 OK in time, otherwise what went wrong.

    A redirect is a failure, as it is under load: a page that sends a reader to the log-in
    page must not pass for the page itself.
    """
    opener = urllib.request.build_opener(_NoRedirect)
    request = urllib.request.Request(url, headers=headers or {})
    try:
        with opener.open(request, timeout=CHECK_SECONDS) as response:
            return None if response.status == 200 else f"answered {response.status}"
    except urllib.error.HTTPError as error:
        return f"answered {error.code}"
    except OSError as error:
        return f"no answer within {CHECK_SECONDS} s ({error})"


def print_load(rows, failures, targets=TARGETS):
    hello = rows[0][2]
    if not hello.requests:
        raise BenchError("hello world got no answer under load: a slow URL holds every worker")
    hello_rps, hello_p95 = hello.per_second, hello.p95_ms
    print("\nSide by side (req/s over all rounds; percentiles: the median of the rounds')")
    header = [
        "Page",
        "URL",
        "req/s",
        "× hello",
        "p50 ms",
        "p95 ms",
        "p99 ms",
        "p95/hello",
        "errors",
    ]
    table = [
        [
            label,
            str(path),
            f"{r.per_second:.0f}",
            f"{r.per_second / hello_rps:.2f}",
            f"{r.p50_ms:.1f}",
            f"{r.p95_ms:.1f}",
            f"{r.p99_ms:.1f}",
            f"{r.p95_ms / hello_p95:.1f}",
            r.errors,
        ]
        for label, path, r in rows
    ]
    print_table(header, table)
    for label, why in failures.items():
        print(f"Not measured: {label} ({dict(targets)[label]}): {why}")


def print_table(header, rows):
    cells = [header, *[[str(c) for c in row] for row in rows]]
    widths = [max(len(row[i]) for row in cells) for i in range(len(header))]
    for n, row in enumerate(cells):
        print(
            "  ".join(
                c.ljust(w) if i < 2 else c.rjust(w)
                for i, (c, w) in enumerate(zip(row, widths, strict=True))
            )
        )
        if n == 0:
            print("  ".join("-" * w for w in widths))


if __name__ == "__main__":
    sys.exit(main())
