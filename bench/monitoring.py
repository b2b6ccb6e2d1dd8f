"""Benchmark of the monitoring app on the generated country (issue 5), in one run on PostgreSQL.

    DATABASE_URL=postgres://USER@HOST/EMPTY_DB python -m bench.monitoring \
        [--seed 1] [--duration 10] [--concurrency 4] [--rounds 3] [--workers 2]

Builds the country (generated files, imported year by year), times the rule engine and the
whole evaluation, counts the pages' SQL queries for København and for a municipality with few
organisations, then serves the portal with gunicorn and loads the dashboard and an organisation
page as a logged-in caseworker, side by side with a Django "hello world". See
docs/performance.md.
"""

import argparse
import datetime
import math
import os
import platform
import statistics
import sys
import time

from bench import pages

# The generated figures are as if evaluated on this day (docs/synthetic-data.md).
EVALUATION_DATE = datetime.date(2025, 9, 30)
LARGEST = 101  # København
IMPORT_TARGET = 10.0
COMPUTE_TARGET = 2.0
EVALUATION_TARGET = 15.0
P95_TARGET_MS = 100.0
THROUGHPUT_TARGET = 0.1  # of hello world's requests per second (issue 16)
COMPUTE_RUNS = 3
DASHBOARD = "/monitorering/"
ORGANISATION = "/monitorering/organisation/{}/"
ESTATE = "/monitorering/organisation/{}/afdeling/{}/"
CASE = "/monitorering/flag/{}/"


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seed", type=int, default=1, help="generator seed (default 1)")
    parser.add_argument(
        "--duration", type=int, default=10, help="seconds per URL, over all rounds (default 10)"
    )
    parser.add_argument("--concurrency", type=int, default=4, help="open connections (default 4)")
    parser.add_argument("--rounds", type=int, default=3, help="interleaved rounds (default 3)")
    parser.add_argument("--workers", type=int, default=2, help="gunicorn workers (default 2)")
    args = parser.parse_args(argv)

    if not os.environ.get("DATABASE_URL", "").startswith(("postgres://", "postgresql://")):
        print(
            "The monitoring benchmark needs PostgreSQL, where issue 5's targets apply: set "
            "DATABASE_URL=postgres://USER@HOST:5432/EMPTY_DB (everything in it is dropped).",
            file=sys.stderr,
        )
        return 2
    return pages.run_in_scratch_folder("tilsynsportalen-bench-monitoring-", run, args)


def run(args, tmp, env):
    import django

    django.setup()
    from django.db import connection

    from bench import load

    started = time.monotonic()
    print(f"Tilsynsportalen monitoring benchmark, {time.strftime('%Y-%m-%d %H:%M')}")
    print(
        f"Machine: {platform.node()}, {os.cpu_count()} cores, Python {platform.python_version()}"
        f", database: {connection.vendor}, load tool: {load.tool()}"
    )
    pages.prepare_database(connection)
    verdicts = build_country(args.seed, tmp / "country", started)
    verdicts += evaluation(tmp / "country", started)
    targets, headers = page_targets(started)
    connection.close()

    print(
        f"\nLoad: gunicorn with {args.workers} workers, {args.concurrency} connections, "
        f"{args.duration} s per URL in {args.rounds} rounds, as København's caseworker "
        f"({pages.elapsed(started)})"
    )
    from bench import server

    try:
        with server.gunicorn(env, tmp / "gunicorn.log", pages.ROOT, args.workers) as base_url:
            rows, failures = pages.measure_all(load, base_url, args, targets, headers)
    except server.ServerError as error:
        raise pages.BenchError(str(error)) from error
    pages.print_load(rows, failures, targets)
    verdicts += [
        (f"{label}, p95", result.p95_ms if result.requests else math.inf, P95_TARGET_MS, "ms")
        for label, _path, result in rows[1:]
    ]
    print_verdicts(verdicts)
    print_throughput(rows)
    print(f"\nTotal time: {pages.elapsed(started)}")
    if failures:
        raise pages.BenchError("; ".join(f"{label} {why}" for label, why in failures.items()))


def build_country(seed, directory, started):
    """Generate, import entities and every year (timed); returns the import verdicts."""
    from bench import monitoring_country as country

    seconds = pages.step(
        f"generating the country, seed {seed} ({pages.elapsed(started)})",
        country.write_files,
        seed,
        directory,
    )
    print(f"  generated in {seconds:.1f} s")
    seconds = pages.step(
        "importing organisations and estates", country.import_entity_files, directory
    )
    print(f"  imported in {seconds:.1f} s")
    print("- importing key figures, year by year")
    rows = []
    for year in country.YEARS:
        seconds, lines = country.import_year(directory, year)
        rows.append([str(year), f"{lines:,}", f"{seconds:.1f}"])
    times = [float(row[2]) for row in rows]
    print("\nImport of one year's key figures (reading, validating, writing)")
    pages.print_table(["Year", "Rows", "Seconds"], rows)
    print(
        f"min {min(times):.1f} s, median {statistics.median(times):.1f} s, "
        f"max {max(times):.1f} s (target ≤ {IMPORT_TARGET:.0f} s)"
    )
    return [("Import of one year (slowest)", max(times), IMPORT_TARGET, "s")]


def evaluation(directory, started):
    """Time reading, computing and the whole evaluation; returns the evaluation verdicts."""
    from bench import monitoring_country as country
    from monitoring import evaluation as flags_evaluation
    from monitoring import peer_statistics
    from monitoring.models import Flag, FlagRule
    from monitoring.rules import engine
    from monitoring.rules.spec import RuleSpec

    print(f"\nEvaluation of the active (default) rules ({pages.elapsed(started)})")
    rules = list(
        FlagRule.objects.active().select_related("figure").prefetch_related("combined_rules")
    )
    specs = [RuleSpec.from_rule(rule) for rule in rules]
    reading, (data, _batches) = clock(flags_evaluation.load_dataset, EVALUATION_DATE)
    compute = []
    for _ in range(COMPUTE_RUNS):
        seconds, flags = clock(engine.evaluate, specs, data)
        compute.append(seconds)
    bands, _ = clock(peer_statistics.refresh)
    if Flag.objects.exists():
        raise pages.BenchError("flags exist before the first evaluation")
    scratch, summary = clock(flags_evaluation.evaluate, today=EVALUATION_DATE)
    again, _ = clock(flags_evaluation.evaluate, today=EVALUATION_DATE)
    reimport, _lines = country.import_year(directory, country.YEARS[-1])
    after_import, _ = clock(flags_evaluation.evaluate, today=EVALUATION_DATE)

    values = sum(int(frame.notna().to_numpy().sum()) for frame in data.values.values())
    entity_years = sum(len(frame) for frame in data.values.values())
    rows = [
        ["Reading every value (load_dataset)", f"{reading:.1f}"],
        [
            f"Rule engine, {len(specs)} rules (median of {COMPUTE_RUNS}; min {min(compute):.2f})",
            f"{statistics.median(compute):.2f}",
        ],
        ["Peer bands for the charts (peer_statistics.refresh)", f"{bands:.1f}"],
        ["Whole evaluation, no flags yet (evaluate)", f"{scratch:.1f}"],
        ["Whole evaluation again, nothing changed", f"{again:.1f}"],
        [f"Re-import of {country.YEARS[-1]} (replacing its values)", f"{reimport:.1f}"],
        ["Whole evaluation after that re-import", f"{after_import:.1f}"],
    ]
    print(
        f"{len(flags):,} flags ({summary.red:,} red, {summary.yellow:,} yellow) from "
        f"{len(rules)} rules over {values:,} values of {entity_years:,} entity-years, judged "
        f"on {EVALUATION_DATE}"
    )
    print(assessment_volume(country.YEARS[-1]))
    pages.print_table(["Step", "Seconds"], rows)
    print_volumes(country.YEARS)
    worst = max(scratch, again, after_import)
    return [
        ("Re-import of one year", reimport, IMPORT_TARGET, "s"),
        ("Rule engine compute (median)", statistics.median(compute), COMPUTE_TARGET, "s"),
        ("Whole evaluation (slowest of the three)", worst, EVALUATION_TARGET, "s"),
    ]


def assessment_volume(year):
    """The shares of organisations the evaluation assessed rød (issue 10: 2–6 %) and gul (at most
    30 %, docs/assessment.md) in `year`."""
    from monitoring.models import Assessment, OrganisationAssessment

    assessed = OrganisationAssessment.objects.filter(year=year)
    total = max(assessed.count(), 1)
    red = assessed.filter(assessment=Assessment.RED).count()
    yellow = assessed.filter(assessment=Assessment.YELLOW).count()
    return (
        f"Organisations assessed in {year}: {red:,} rød ({red / total:.1%}), "
        f"{yellow:,} gul ({yellow / total:.1%}) of {assessed.count():,}"
    )


def print_volumes(years):
    """How loud the default rules are (issue 10): red estates and new cases per year."""
    from monitoring import volumes

    print("\nVolumes of the default rules (planted test organisations 99NN left out)")
    pages.print_table(
        ["Year", "Estates with a red flag", "Flags that are new cases"],
        [
            [
                str(year),
                f"{volumes.red_estate_share(year):.1%}",
                f"{volumes.new_case_share(year):.1%}",
            ]
            for year in years[1:]
        ],
    )


def clock(function, *args, **kwargs):
    started = time.perf_counter()
    result = function(*args, **kwargs)
    return time.perf_counter() - started, result


def page_targets(started):
    """The measured pages and the caseworker's session cookie, after printing their queries.

    Queries are counted for København, the largest municipality, and for the municipality with
    the fewest organisations, each with its organisation of the most estates: the counts must
    be equal, since they may not grow with the number of organisations.
    """
    from bench import monitoring_session as session
    from bench import queries

    print(
        f"\nSQL queries per page, in-process, logged in as each municipality's caseworker "
        f"({pages.elapsed(started)})"
    )
    largest, smallest = LARGEST, fewest_organisations()
    columns, counts = [], {}
    for code in (largest, smallest):
        name, organisations, estates, org_no = municipality_facts(code)
        columns.append(f"{name} ({organisations} org., {estates:,} est.)")
        client = session.logged_in_client(session.caseworker(code))
        estate_no, flag = flagged_estate(org_no)
        paths = {
            "Dashboard": DASHBOARD,
            "Organisation page": ORGANISATION.format(org_no),
            "Estate page": ESTATE.format(org_no, estate_no),
            "Case page": CASE.format(flag),
        }
        for label, path in paths.items():
            counts.setdefault(label, []).append(queries.count(client, path, warmups=2))
        if code == largest:
            targets = [
                ("Dashboard, København", paths["Dashboard"]),
                (f"Organisation {org_no}, København", paths["Organisation page"]),
                (f"Estate {org_no}-{estate_no}, København", paths["Estate page"]),
                (f"Case (flag {flag}), København", paths["Case page"]),
            ]
            headers = session.cookie_header(client)
    pages.print_table(
        ["Page", *columns, "Equal"],
        [[label, *row, "yes" if len(set(row)) == 1 else "NO"] for label, row in counts.items()],
    )
    return targets, headers


def fewest_organisations():
    """The code of a municipality supervising the fewest (but some) organisations."""
    from django.db.models import Count

    from portal.models import Municipality

    return (
        Municipality.objects.annotate(n=Count("supervised_organisations"))
        .filter(n__gt=0)
        .order_by("n", "code")
        .values_list("code", flat=True)
        .first()
    )


def flagged_estate(org_no):
    """(estate_no, flag pk): the organisation's estate with the most current flags, and its
    latest red flag (else its latest flag), whose case page the caseworker opens."""
    from django.db.models import Count, Q

    from monitoring.models import Estate, Flag

    estate = (
        Estate.objects.filter(organisation__org_no=org_no)
        .annotate(n=Count("flags", filter=Q(flags__is_current=True)))
        .order_by("-n", "estate_no")
        .first()
    )
    flag = (
        Flag.objects.filter(estate=estate, is_current=True)
        .order_by("-year", "severity", "pk")  # "red" sorts before "yellow"
        .values_list("pk", flat=True)
        .first()
    )
    return estate.estate_no, flag


def municipality_facts(code):
    """(name, organisations, estates, org_no of the organisation with the most estates)."""
    from django.db.models import Count

    from monitoring.models import Estate, Organisation
    from portal.models import Municipality

    organisations = Organisation.objects.filter(supervising_municipality__code=code)
    biggest = organisations.annotate(n=Count("estates")).order_by("-n", "org_no").first()
    return (
        Municipality.objects.get(code=code).name,
        organisations.count(),
        Estate.objects.filter(organisation__in=organisations).count(),
        biggest.org_no,
    )


def print_verdicts(verdicts, issue=5):
    print(f"\nAgainst issue {issue}'s targets")
    pages.print_table(
        ["Figure", "Measured", "Target", "Met"],
        [
            [
                label,
                measured(value, unit),
                f"≤ {target:g} {unit}",
                "yes" if value <= target else f"NO ({value / target:.1f} × the target)",
            ]
            for label, value, target, unit in verdicts
        ],
    )


def print_throughput(rows):
    """Issue 16: every caseworker page at no less than a tenth of hello world's throughput."""
    hello = rows[0][2].per_second
    print(f"\nAgainst issue 16's target (≥ {THROUGHPUT_TARGET:g} × hello world, same run)")
    pages.print_table(
        ["Page", "× hello", "Met"],
        [
            [
                label,
                f"{result.per_second / hello:.3f}",
                "yes" if result.per_second / hello >= THROUGHPUT_TARGET else "NO",
            ]
            for label, _path, result in rows[1:]
        ],
    )


def measured(value, unit):
    if value == math.inf:
        return "no request finished"
    return f"{value:.2f} {unit}" if unit == "s" else f"{value:.0f} {unit}"


if __name__ == "__main__":
    sys.exit(main())
