"""Benchmark of the networks (issue 6) as a signed-in member, side by side with hello world.

    python -m bench.network [--replies 200] [--threads 500] [--groups 60] [--duration 10]
        [--concurrency 4] [--rounds 3] [--workers 2]

Builds the portal's skeleton and the networks' content (a temporary SQLite file, or the
PostgreSQL database in DATABASE_URL), counts each page's SQL queries at a tenth of the volume and
at the full volume, then serves the portal with gunicorn and loads the list of networks, a group
with many threads and a thread of 200 replies (its first and last page) with the session cookie
of a member who logged in through the real log-in form. See docs/performance.md.
"""

import argparse
import math
import os
import platform
import sys
import time

from bench import pages
from bench.monitoring import print_verdicts

P95_TARGET_MS = 80.0
REPLIES_PER_PAGE = 25


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--replies", type=int, default=200, help="replies in the long thread")
    parser.add_argument("--threads", type=int, default=500, help="threads in the measured group")
    parser.add_argument("--groups", type=int, default=60, help="groups of all kinds")
    parser.add_argument(
        "--duration", type=int, default=10, help="seconds per URL, over all rounds (default 10)"
    )
    parser.add_argument("--concurrency", type=int, default=4, help="open connections (default 4)")
    parser.add_argument("--rounds", type=int, default=3, help="interleaved rounds (default 3)")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers (default 2)")
    args = parser.parse_args(argv)

    return pages.run_in_scratch_folder("tilsynsportalen-bench-network-", run, args)


def run(args, tmp, env):
    import django

    django.setup()
    from django.db import connection

    from bench import data, load, server

    started = time.monotonic()
    print(f"Tilsynsportalen network benchmark, {time.strftime('%Y-%m-%d %H:%M')}")
    print(
        f"Machine: {platform.node()}, {os.cpu_count()} cores, Python {platform.python_version()}"
        f", database: {connection.vendor}, load tool: {load.tool()}"
    )
    pages.prepare_database(connection)
    pages.step(f"building the skeleton ({pages.elapsed(started)})", data.skeleton)
    targets, headers = build_and_count(args, started)
    connection.close()

    print(
        f"\nLoad: gunicorn with {args.workers} workers, {args.concurrency} connections, "
        f"{args.duration} s per URL in {args.rounds} rounds, as a signed-in member "
        f"({pages.elapsed(started)})"
    )
    try:
        with server.gunicorn(env, tmp / "gunicorn.log", pages.ROOT, args.workers) as base_url:
            rows, failures = pages.measure_all(load, base_url, args, targets, headers)
    except server.ServerError as error:
        raise pages.BenchError(str(error)) from error
    pages.print_load(rows, failures, targets)
    print_verdicts(
        [
            (f"{label}, p95", result.p95_ms if result.requests else math.inf, P95_TARGET_MS, "ms")
            for label, _path, result in rows[1:]
            if label.startswith("Thread")
        ],
        issue=6,
    )
    print(f"\nTotal time: {pages.elapsed(started)}")
    if failures:
        raise pages.BenchError("; ".join(f"{label} {why}" for label, why in failures.items()))


def build_and_count(args, started):
    """Grow the content to a tenth and to the full volume, counting the pages' queries at each;
    returns the measured (label, path) pairs and the member's session cookie."""
    from bench import monitoring_session as session
    from bench import network_data, queries

    reader, authors = pages.step("people", network_data.people)
    group, thread = network_data.main_group(reader, authors)
    client = signed_in_client(reader)
    last_page = math.ceil(args.replies / REPLIES_PER_PAGE)
    targets = [
        (f"Network index, {args.groups} groups", "/netvaerk/"),
        (f"Group page, {args.threads} threads", group.get_absolute_url()),
        (f"Thread, {args.replies} replies, page 1", thread.get_absolute_url()),
        (
            f"Thread, {args.replies} replies, page {last_page}",
            f"{thread.get_absolute_url()}?side={last_page}",
        ),
    ]
    counts, columns = {label: [] for label, _path in targets}, []
    for fraction in (10, 1):
        volume = [max(1, n // fraction) for n in (args.groups, args.threads, args.replies)]
        pages.step(
            f"growing to {volume[0]} groups, {volume[1]} threads, {volume[2]} replies "
            f"({pages.elapsed(started)})",
            grow,
            group,
            thread,
            authors,
            reader,
            *volume,
        )
        columns.append("{} groups, {} threads, {} replies".format(*volume))
        for label, path in targets:
            # The last page's number grows with the thread: at a tenth it is the thread's last.
            path = path.replace(f"side={last_page}", f"side={math.ceil(volume[2] / 25)}")
            counts[label].append(queries.count(client, path, warmups=2))
    print("\nSQL queries per page, in-process, as the signed-in member")
    pages.print_table(
        ["Page", *columns, "Equal"],
        [[label, *row, "yes" if len(set(row)) == 1 else "NO"] for label, row in counts.items()],
    )
    return targets, session.cookie_header(client)


def grow(group, thread, authors, reader, groups, threads, replies):
    from bench import network_data

    network_data.grow_groups(groups, reader, authors)
    network_data.grow_threads(group, threads, authors)
    network_data.grow_replies(thread, replies, authors)


def signed_in_client(user):
    """A test client logged in through allauth's log-in form (members need no second factor)."""
    from django.test import Client

    from bench import monitoring_session as session
    from bench import network_data

    client = Client()
    response = client.post(
        session.LOGIN_URL, {"login": user.email, "password": network_data.PASSWORD}
    )
    if response.status_code != 302 or client.session.get("_auth_user_id") != str(user.pk):
        raise pages.BenchError(f"the member's log-in answered {response.status_code}")
    return client


if __name__ == "__main__":
    sys.exit(main())
