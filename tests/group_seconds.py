"""The seconds each heavy pytest-xdist group takes, for `pytest_collection_modifyitems` to hand
out the longest first (tests/conftest.py). Refreshed from the junit report of a run of the
PostgreSQL suite: `make suite PYTEST_ARGS=--junitxml=run.xml`, then
`.venv/bin/python -m tests.group_seconds run.xml`. A group under five seconds is left out and
estimated from its number of tests."""

import collections
import pathlib
import sys
import xml.etree.ElementTree as ET

FILE = pathlib.Path(__file__).with_name("group_seconds.txt")
LISTED = 5.0
PER_TEST = 0.2


def read():
    """{group: seconds} as last written."""
    if not FILE.exists():
        return {}
    rows = (line.split("\t", 1) for line in FILE.read_text().splitlines() if line)
    return {group: float(seconds) for seconds, group in rows}


def estimate(seconds, group, tests):
    return seconds.get(group, PER_TEST * tests)


def write(report):
    """The groups of the junit report `report` (pytest-xdist names a test `name@group`) that
    took at least `LISTED` seconds, longest first."""
    seconds = collections.Counter()
    for case in ET.parse(report).iter("testcase"):
        seconds[case.get("name").rpartition("@")[2]] += float(case.get("time", 0))
    listed = [f"{total:.0f}\t{group}" for group, total in seconds.most_common() if total >= LISTED]
    FILE.write_text("".join(f"{line}\n" for line in listed))


if __name__ == "__main__":
    write(sys.argv[1])
