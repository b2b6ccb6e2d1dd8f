"""Benchmark of the search page (issue 12) as a signed-in member, side by side with hello world.

    python -m bench.search [--pages 5000] [--posts 10000] [--duration 10] [--concurrency 4]
        [--rounds 3] [--workers 2]

Builds 5,000 guidance pages (with news and publications) and about 10,000 network posts in an
open group (threads with their replies) in a temporary SQLite file or the PostgreSQL database
in DATABASE_URL, counts the search page's SQL queries, then serves the portal with gunicorn and
loads: a repeated query (its answers come from the results cache), the network tab of a
repeated query, and first-time queries (every request a query not asked before, so every tab
runs the whole pipeline). See docs/performance.md.
"""

import argparse
import itertools
import math
import os
import platform
import random
import sys
import time
from urllib.parse import urlencode

from bench import pages
from bench.monitoring import print_verdicts

P95_TARGET_MS = 50.0
HELLO_SHARE_TARGET = 0.1
REPEATED = [
    ("Search, repeated query", "/soeg/?q=styringsdialog"),
    ("Search, network tab, repeated", "/soeg/?q=dispositionsfonden&type=netvaerk"),
]
FIRST_TIME = "Search, first-time queries"


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, default=5000, help="guidance pages (default 5000)")
    parser.add_argument("--posts", type=int, default=10000, help="network posts (default 10000)")
    parser.add_argument("--duration", type=int, default=10, help="seconds per URL (default 10)")
    parser.add_argument("--concurrency", type=int, default=4, help="open connections (default 4)")
    parser.add_argument("--rounds", type=int, default=3, help="interleaved rounds (default 3)")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers (default 2)")
    args = parser.parse_args(argv)
    return pages.run_in_scratch_folder("tilsynsportalen-bench-search-", run, args)


def first_time_queries(seed=12):
    """Distinct two- and three-word queries from the content's own words, shuffled."""
    from bench import data, network_data

    words = [w.lower() for w in data.TITLE_WORDS] + [s.lower() for s in data.SUBJECTS]
    words += [t.split()[-1].lower() for t in network_data.TITLES]
    queries = [" ".join(c) for c in itertools.permutations(words, 2)]
    queries += [" ".join(c) for c in itertools.combinations(words, 3)]
    random.Random(seed).shuffle(queries)
    return queries


def run(args, tmp, env):
    import django

    django.setup()
    from django.db import connection

    from bench import data, load, server
    from bench import monitoring_session as session
    from bench import network as network_bench

    started = time.monotonic()
    print(f"Tilsynsportalen search benchmark, {time.strftime('%Y-%m-%d %H:%M')}")
    print(
        f"Machine: {platform.node()}, {os.cpu_count()} cores, Python {platform.python_version()}"
        f", database: {connection.vendor}, load tool: {load.tool()}"
    )
    pages.prepare_database(connection)
    pages.step(f"building the skeleton ({pages.elapsed(started)})", data.skeleton)
    pages.step(
        f"growing to {args.pages} guidance pages ({pages.elapsed(started)})", data.grow, args.pages
    )
    reader = pages.step(
        f"writing {args.posts} network posts ({pages.elapsed(started)})", grow_network, args.posts
    )
    pages.step(f"vacuum and analyse ({pages.elapsed(started)})", pages.settle, connection)
    client = network_bench.signed_in_client(reader)
    queries = first_time_queries()
    print_queries(client, queries)
    headers = session.cookie_header(client)
    connection.close()

    print(
        f"\nLoad: gunicorn with {args.workers} workers, {args.concurrency} connections, "
        f"{args.duration} s per URL in {args.rounds} rounds, as a signed-in member "
        f"({pages.elapsed(started)})"
    )
    try:
        with server.gunicorn(env, tmp / "gunicorn.log", pages.ROOT, args.workers) as base_url:
            rows = measure(load, base_url, args, headers, queries[20:])
    except server.ServerError as error:
        raise pages.BenchError(str(error)) from error
    pages.print_load(rows, {})
    hello = rows[0][2].per_second
    print_verdicts(
        [
            (f"{label}, p95", r.p95_ms if r.requests else math.inf, P95_TARGET_MS, "ms")
            for label, _path, r in rows[1:]
        ]
        + [
            (
                f"{label}, hello world's req/s per its req/s",
                hello / r.per_second if r.requests else math.inf,
                1 / HELLO_SHARE_TARGET,
                "×",
            )
            for label, _path, r in rows[1:]
        ],
        issue=12,
    )
    print(f"\nTotal time: {pages.elapsed(started)}")


def grow_network(posts):
    """An open group whose threads (with 0–4 replies each) hold about `posts` posts, indexed;
    returns the member who reads it."""
    from wagtail.search.backends import get_search_backends

    from bench import network_data
    from network.models import Reply, Thread

    reader, authors = network_data.people()
    group, _thread = network_data.main_group(reader, authors)
    network_data.grow_threads(group, posts // 3, authors)
    threads = list(Thread.objects.prefetch_related("replies"))
    for backend in get_search_backends():
        backend.add_bulk(Thread, threads)
    print(f"  {len(threads)} threads, {Reply.objects.count()} replies")
    return reader


def print_queries(client, queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from bench import queries as counting

    print("\nSQL queries of the search page, in-process, as the signed-in member")
    rows = [[label, counting.count(client, path, warmups=2)] for label, path in REPEATED]
    first = []
    for query in queries[:20]:
        with CaptureQueriesContext(connection) as context:
            client.get("/soeg/?" + urlencode({"q": query}))
        first.append(len(context))
    rows.append([f"{FIRST_TIME} (min–max of 20)", f"{min(first)}–{max(first)}"])
    pages.print_table(["Page", "Queries"], rows)


def measure(load, base_url, args, headers, queries):
    """Hello world, the repeated queries and first-time queries in interleaved rounds; no
    first-time query is asked twice."""
    first_urls = [f"{base_url}/soeg/?{urlencode({'q': q})}" for q in queries]
    plan = [(*pages.HELLO, None), *((label, path, headers) for label, path in REPEATED)]
    for label, path, sent in plan:
        failure = pages.check(base_url + path, sent)
        if failure:
            raise pages.BenchError(f"{label}: {failure}")
        load.measure(base_url + path, 1, args.concurrency, sent)
    seconds = max(1, round(args.duration / args.rounds))
    rounds = {label: [] for label in [*(p[0] for p in plan), FIRST_TIME]}
    per_round = len(first_urls) // args.rounds
    for n in range(args.rounds):
        print(f"- round {n + 1} of {args.rounds}", flush=True)
        for label, path, sent in plan:
            rounds[label].append(load.measure(base_url + path, seconds, args.concurrency, sent))
        own = first_urls[n * per_round : (n + 1) * per_round]
        rounds[FIRST_TIME].append(load.measure(own, seconds, args.concurrency, headers))
    paths = dict((label, path) for label, path, _sent in plan)
    paths[FIRST_TIME] = "/soeg/?q=<a new query each time>"
    return [(label, paths[label], load.combine(results)) for label, results in rounds.items()]


if __name__ == "__main__":
    sys.exit(main())
