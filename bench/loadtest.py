"""Load test: the portal as in production under mixed journeys, with figures against hello world.

    python -m bench.loadtest [--users 50] [--duration 300] [--workers 4]

Serves the portal with gunicorn and production's settings (PostgreSQL from DATABASE_URL, a Redis
cache of its own, the django-tasks database worker), drives it with locust through the journeys
of bench/loadtest_journeys.py, and prints each request kind's latency percentiles with its p99
as a ratio to hello world's, measured in the same run. Afterwards every write the portal
acknowledged must be in the database exactly once and every queued task must have run.
Exits non-zero on a request error, a lost or duplicated write, or a task not run.
bench/faults.py runs the same load with faults. See docs/performance.md.
"""

import argparse
import contextlib
import csv
import json
import os
import platform
import secrets
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit

from bench.pages import BenchError, elapsed, prepare_database, print_table

ROOT = Path(__file__).resolve().parent.parent
JOURNEYS = Path(__file__).with_name("loadtest_journeys.py")
HELLO = "Hello world"
QUEUE_SECONDS = 300
# Four workers importing Wagtail at once take over a minute on a busy two-core machine.
SERVER_READY_SECONDS = 300


def arguments(argv, description):
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--users", type=int, default=int(os.environ.get("USERS") or 50))
    parser.add_argument(
        "--duration",
        type=int,
        default=int(os.environ.get("DURATION") or 300),
        help="seconds of load (default 300)",
    )
    parser.add_argument("--workers", type=int, default=4, help="gunicorn workers (default 4)")
    return parser.parse_args(argv)


def main(argv=None):
    return run(arguments(argv, __doc__.split("\n\n")[0]))


def run(args, faults=None):
    """The whole load test; `faults(services, duration)`, if given, runs beside the load."""
    sys.stdout.reconfigure(line_buffering=True)
    database_url = os.environ.get("DATABASE_URL", "")
    if not database_url.startswith(("postgres://", "postgresql://")):
        print("The load test needs DATABASE_URL=postgres://…/<a database of its own>")
        return 1
    if urlsplit(database_url).path.lstrip("/") in ("", "test", "postgres"):
        print("Give the load test a database of its own: it drops everything in it.")
        return 1
    ensure_database(database_url)
    with tempfile.TemporaryDirectory(prefix="tilsynsportalen-loadtest-") as tmp:
        try:
            return load_test(args, Path(tmp), faults)
        except BenchError as error:
            print(f"\nLoad test failed: {error}", file=sys.stderr)
            return 1


def ensure_database(database_url):
    """Create the load test's database on its server when it does not exist yet."""
    import psycopg

    parts = urlsplit(database_url)
    name = parts.path.lstrip("/")
    with psycopg.connect(parts._replace(path="/postgres").geturl(), autocommit=True) as db:
        if not db.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone():
            db.execute(f'CREATE DATABASE "{name}"')


def environment(tmp, redis_url):
    for folder in ("static", "media", "imports", "network-files", "outbox", "country"):
        (tmp / folder).mkdir()
    return {
        "DJANGO_SETTINGS_MODULE": "bench.loadtest_settings",
        "SECRET_KEY": secrets.token_urlsafe(40),
        "REDIS_URL": redis_url,
        "ALLOWED_HOSTS": "127.0.0.1,localhost,testserver",  # testserver: the set-up's log-ins
        "BENCH_STATIC_ROOT": str(tmp / "static"),
        "MEDIA_ROOT": str(tmp / "media"),
        "IMPORT_ROOT": str(tmp / "imports"),
        "NETWORK_FILES_ROOT": str(tmp / "network-files"),
        "LOADTEST_OUTBOX": str(tmp / "outbox"),
        "LOADTEST_ACKS": str(tmp / "acknowledged.jsonl"),
        "LOADTEST_CONFIG": str(tmp / "journeys.json"),
    }


class Services:
    """What a fault may hit: the gunicorn master, the task worker and Redis."""

    def __init__(self, gunicorn, worker, redis):
        self.gunicorn, self.worker, self.redis = gunicorn, worker, redis


def load_test(args, tmp, faults):
    from bench import loadtest_services as services

    started = time.monotonic()
    print(f"Tilsynsportalen load test, {time.strftime('%Y-%m-%d %H:%M')}")
    print(
        f"Machine: {platform.node()}, {os.cpu_count()} cores, load average "
        f"{os.getloadavg()[0]:.1f}, Python {platform.python_version()}"
    )
    with services.RedisServer(tmp) as redis:
        env = environment(tmp, redis.url)
        os.environ.update(env)
        config = build(args, tmp)
        Path(env["LOADTEST_CONFIG"]).write_text(json.dumps(config))
        from bench import server

        print(
            f"\nLoad: {args.users} users for {args.duration} s, gunicorn with {args.workers} "
            f"workers, the task worker, Redis on port {redis.port} ({elapsed(started)})"
        )
        try:
            with (
                server.serve(
                    env, tmp / "gunicorn.log", ROOT, args.workers, SERVER_READY_SECONDS
                ) as (master, url),
                services.TaskWorker(env, tmp / "worker.log", ROOT) as worker,
            ):
                with fault_thread(faults, Services(master, worker, redis), args.duration):
                    locust(url, args, tmp)
                if worker.process.poll() is not None:
                    raise BenchError(f"the task worker exited: {server.tail(tmp / 'worker.log')}")
                problems = settle(tmp)
        except server.ServerError as error:
            raise BenchError(str(error)) from error
    errors = print_figures(tmp, args, faults is not None)
    print(f"\nTotal time: {elapsed(started)}")
    for problem in problems:
        print(f"PROBLEM: {problem}")
    if problems or (errors and faults is None):
        return 1
    return 0


def build(args, tmp):
    import django

    django.setup()
    from django.db import connection

    from bench import loadtest_data

    print(f"Database: {connection.settings_dict['NAME']} on PostgreSQL")
    prepare_database(connection)
    config = loadtest_data.build(
        tmp / "country",
        members=max(2, args.users * 3 // 10 + 1),
        caseworkers=max(2, args.users * 2 // 10 + 1),
    )
    connection.close()
    return config


@contextlib.contextmanager
def fault_thread(faults, services, duration):
    """Run `faults` in a thread beside the load; re-raise what it raised once the load is done."""
    if faults is None:
        yield
        return
    import threading

    failure = []

    def target():
        try:
            faults(services, duration)
        except BaseException as error:  # reported after the load, never lost in the thread
            failure.append(error)

    thread = threading.Thread(target=target)
    thread.start()
    try:
        yield
    finally:
        thread.join()
    if failure:
        raise BenchError(f"a fault could not be made: {failure[0]}") from failure[0]


def locust(url, args, tmp):
    command = [
        str(Path(sys.executable).with_name("locust")),
        "-f", str(JOURNEYS),
        "--headless",
        "--host", url,
        "--users", str(args.users),
        "--spawn-rate", str(max(1, args.users // 10)),
        "--run-time", f"{args.duration}s",
        "--stop-timeout", "10",
        "--csv", str(tmp / "locust"),
        "--only-summary",
        "--loglevel", "WARNING",
    ]  # fmt: skip
    with open(tmp / "locust.log", "wb") as log:
        subprocess.run(command, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT, check=False)
    if not (tmp / "locust_stats.csv").exists():
        raise BenchError("locust wrote no figures:\n" + (tmp / "locust.log").read_text()[-3000:])


def settle(tmp):
    """After the load: wait for the task queue, then compare acknowledged with stored."""
    from django.db import connection

    from bench import loadtest_ledger as ledger

    print("\nWaiting for the task worker to empty the queue …", flush=True)
    connection.close()
    ledger.wait_for_queue(QUEUE_SECONDS)
    acks = ledger.acknowledged(Path(os.environ["LOADTEST_ACKS"]))
    return ledger.report(acks, Path(os.environ["LOADTEST_OUTBOX"]))


def print_figures(tmp, args, with_faults):
    """The locust figures per request kind, p99 as a ratio to hello world's; returns the
    number of failed requests."""
    with open(tmp / "locust_stats.csv", newline="") as file:
        rows = list(csv.DictReader(file))
    hello = next((r for r in rows if r["Name"] == HELLO), None)
    if hello is None or not int(hello["Request Count"]):
        raise BenchError("hello world was not measured")
    hello_p99 = float(hello["99%"])
    table = [
        [
            r["Name"] if r["Name"] != "Aggregated" else "All requests",
            r["Type"],
            r["Request Count"],
            r["Failure Count"],
            r["50%"],
            r["95%"],
            r["99%"],
            f"{float(r['99%']) / hello_p99:.1f}",
        ]
        for r in sorted(rows, key=lambda r: (r["Name"] == "Aggregated", r["Name"] != HELLO))
    ]
    print(
        f"\n{args.users} users, {args.duration} s; latency in ms; p99/hello is each p99 divided "
        f"by hello world's ({hello_p99:.0f} ms) in the same run"
    )
    print_table(
        ["Request", "Method", "requests", "errors", "p50", "p95", "p99", "p99/hello"], table
    )
    total = next(r for r in rows if r["Name"] == "Aggregated")
    errors = int(total["Failure Count"])
    if errors:
        print(f"\n{errors} failed requests" + (" (during the faults)" if with_faults else ""))
        with open(tmp / "locust_failures.csv", newline="") as file:
            for failure in csv.DictReader(file):
                print(
                    f"  {failure['Occurrences']:>5} × {failure['Method']} {failure['Name']}: "
                    f"{failure['Error'][:160]}"
                )
    return errors


if __name__ == "__main__":
    sys.exit(main())
