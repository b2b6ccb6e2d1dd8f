"""Benchmark of every page a signed-in member and caseworker open (issue 16), side by side with
hello world in one run, on PostgreSQL.

    DATABASE_URL=postgres://USER@HOST/EMPTY_DB python -m bench.signed_in [--scale 1]
        [--duration 10] [--concurrency 4] [--rounds 3] [--workers 2]

Builds, in bulk, the guidance pages of `bench.pages`, the networks of `bench.network`, the
generated country of `bench.monitoring` (evaluated) and a member's notifications; logs in a
network member (password) and a caseworker of the municipality supervising the organisation
with the most estates (password and TOTP); counts each page's SQL queries in-process; then
serves the portal with gunicorn and loads every page with each one's session cookie. The
verdict of a page is "met" at 1/10 of hello world's throughput or more. `--scale 0.1` builds a
tenth of everything (and three years of key figures) for quick iteration. See
docs/performance.md.
"""

import argparse
import math
import os
import platform
import sys
import time
from urllib.parse import urlencode

from bench import pages

HELLO_SHARE_TARGET = 0.1
FULL = {"pages": 5000, "groups": 60, "threads": 500, "replies": 200}
REPEATED_QUERY = "/soeg/?q=styringsdialog"
REPLIES_PER_PAGE = 25


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--scale", type=float, default=1.0, help="share of the full volume to build (default 1)"
    )
    parser.add_argument("--duration", type=int, default=10, help="seconds per URL (default 10)")
    parser.add_argument("--concurrency", type=int, default=4, help="open connections (default 4)")
    parser.add_argument("--rounds", type=int, default=3, help="interleaved rounds (default 3)")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers (default 2)")
    args = parser.parse_args(argv)
    if not os.environ.get("DATABASE_URL", "").startswith(("postgres://", "postgresql://")):
        print(
            "The signed-in benchmark needs PostgreSQL: set "
            "DATABASE_URL=postgres://USER@HOST:5432/EMPTY_DB (everything in it is dropped).",
            file=sys.stderr,
        )
        return 2
    return pages.run_in_scratch_folder("tilsynsportalen-bench-signed-in-", run, args)


def run(args, tmp, env):
    import django

    django.setup()
    from django.db import connection

    from bench import load, server
    from bench import monitoring_session as session

    started = time.monotonic()
    print(f"Tilsynsportalen signed-in benchmark, {time.strftime('%Y-%m-%d %H:%M')}")
    print(
        f"Machine: {platform.node()}, {os.cpu_count()} cores, Python {platform.python_version()}"
        f", database: {connection.vendor}, load tool: {load.tool()}, load average {load_average()}"
    )
    pages.prepare_database(connection)
    volume = {name: max(1, round(n * args.scale)) for name, n in FULL.items()}
    # The thread has a last page other than the first at any scale.
    volume["replies"] = max(volume["replies"], 2 * REPLIES_PER_PAGE)
    paths, queries, people = build(volume, args.scale, tmp, started)
    pages.step(f"vacuum and analyse ({pages.elapsed(started)})", pages.settle, connection)
    targets = {role: role_targets(role, paths, queries) for role in people}
    counts = count_queries(targets, people)
    connection.close()

    print(
        f"\nLoad: gunicorn with {args.workers} workers, {args.concurrency} connections, "
        f"{args.duration} s per URL in {args.rounds} rounds ({pages.elapsed(started)}, "
        f"load average {load_average()})"
    )
    try:
        with server.gunicorn(env, tmp / "gunicorn.log", pages.ROOT, args.workers) as base_url:
            rows, failures = [], {}
            for n, (role, client) in enumerate(people.items()):
                measured, failed = pages.measure_all(
                    load, base_url, args, targets[role], session.cookie_header(client)
                )
                rows += measured[1 if n else 0 :]
                failures.update(failed)
    except server.ServerError as error:
        raise pages.BenchError(str(error)) from error
    pages.print_load(rows, failures, [t for own in targets.values() for t in own])
    print_verdicts(rows, counts)
    print(f"\nTotal time: {pages.elapsed(started)}, load average {load_average()}")
    if failures:
        raise pages.BenchError("; ".join(f"{label} {why}" for label, why in failures.items()))


def build(volume, scale, tmp, started):
    """The content, in bulk; returns the (label, path) pairs and {role: logged-in client}."""
    from django.urls import reverse

    from bench import data, monitoring_country, network_data, signed_in_data
    from bench import monitoring_session as session
    from bench import network as network_bench
    from bench.search import first_time_queries

    step = pages.step
    step(f"building the skeleton ({pages.elapsed(started)})", data.skeleton)
    years = monitoring_country.YEARS if scale >= 1 else monitoring_country.YEARS[-3:]
    step(
        f"generating, importing and evaluating the country, {years[0]}–{years[-1]} "
        f"({pages.elapsed(started)})",
        signed_in_data.country,
        tmp / "country",
        years,
    )
    step(
        f"growing to {volume['pages']} guidance pages ({pages.elapsed(started)})",
        data.grow,
        volume["pages"],
    )
    reader, authors = step(f"network people ({pages.elapsed(started)})", network_data.people)
    group, thread = network_data.main_group(reader, authors)
    step(
        f"growing to {volume['groups']} groups, {volume['threads']} threads, "
        f"{volume['replies']} replies ({pages.elapsed(started)})",
        network_bench.grow,
        group,
        thread,
        authors,
        reader,
        volume["groups"],
        volume["threads"],
        volume["replies"],
    )
    signed_in_data.notifications(reader, group)
    code, organisation, estate, flag = signed_in_data.monitoring_pages()
    caseworker = session.caseworker(code)
    last_page = math.ceil(volume["replies"] / REPLIES_PER_PAGE)
    paths = [
        ("Home", "/"),
        ("Guidance page", pages.GUIDANCE),
        ("Topic page", pages.TOPIC),
        ("Search, repeated query", REPEATED_QUERY),
        (f"Network index, {volume['groups']} groups", reverse("network:index")),
        (f"Group, {volume['threads']} threads", group.get_absolute_url()),
        (f"Thread, {volume['replies']} replies, page 1", f"{thread.get_absolute_url()}?side=1"),
        (
            f"Thread, {volume['replies']} replies, page {last_page}",
            f"{thread.get_absolute_url()}?side={last_page}",
        ),
        ("Notification centre", reverse("network:notifications")),
        ("Monitoring dashboard", reverse("monitoring:dashboard")),
        (
            f"Organisation, {organisation.n} estates",
            reverse("monitoring:organisation", args=[organisation.org_no]),
        ),
        ("Estate", reverse("monitoring:estate", args=[organisation.org_no, estate.estate_no])),
        ("Case page", reverse("monitoring:flag", args=[flag.pk])),
    ]
    people = {
        "member": network_bench.signed_in_client(reader),
        "caseworker": session.logged_in_client(caseworker),
    }
    return paths, first_time_queries(), people


def search_paths(queries):
    return pages.Varying(f"/soeg/?{urlencode({'q': q})}" for q in queries)


def role_may(role, label):
    """A member has no monitoring pages (they answer 404); a caseworker opens them all."""
    monitoring = ("Monitoring", "Organisation", "Estate", "Case")
    return role == "caseworker" or not label.startswith(monitoring)


def role_targets(role, paths, queries):
    """The role's (label, path) pairs; each role asks its own first-time queries."""
    own = queries[::2] if role == "member" else queries[1::2]
    targets = [(f"{label}, {role}", path) for label, path in paths if role_may(role, label)]
    targets.insert(4, (f"Search, first-time queries, {role}", search_paths(own)))
    return targets


def count_queries(targets, people):
    """{label: SQL queries of one request}, in-process, after warm-ups (a first-time query is
    counted on one the load never asks)."""
    from bench import queries

    counts = {}
    for role, client in people.items():
        for label, path in targets[role]:
            if isinstance(path, pages.Varying):
                counts[label] = queries.count(client, path[-1], warmups=0)
            else:
                counts[label] = queries.count(client, path, warmups=2)
    return counts


def print_verdicts(rows, counts):
    hello = rows[0][2].per_second
    print(f"\nAgainst issue 16's target: at least {HELLO_SHARE_TARGET:g} × hello world's req/s")
    pages.print_table(
        ["Page", "SQL queries", "× hello", "Verdict"],
        [
            [
                label,
                str(counts[label]),
                f"{result.per_second / hello:.2f}",
                "met" if result.per_second >= HELLO_SHARE_TARGET * hello else "NOT met",
            ]
            for label, _path, result in rows[1:]
        ],
    )


def load_average():
    return " ".join(f"{n:.1f}" for n in os.getloadavg())


if __name__ == "__main__":
    sys.exit(main())
