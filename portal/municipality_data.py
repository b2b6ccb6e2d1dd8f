"""The 98 municipalities with official codes, regions and e-mail domains, shipped as data.

The domains are a starting list for suggesting a municipality at sign-up; administrators keep
them up to date in the admin.
"""

import csv
from pathlib import Path

DATA_FILE = Path(__file__).parent / "data" / "municipalities.csv"


def rows():
    with DATA_FILE.open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            yield {
                "code": int(row["kommunekode"]),
                "name": row["navn"],
                "region": int(row["regionskode"]),
                "domains": [d for d in row["domaener"].split(";") if d],
            }


def install(Municipality, MunicipalityDomain):
    """Create or update every municipality and its domains (usable from a data migration)."""
    for row in rows():
        municipality, _created = Municipality.objects.update_or_create(
            code=row["code"], defaults={"name": row["name"], "region": row["region"]}
        )
        for domain in row["domains"]:
            MunicipalityDomain.objects.get_or_create(
                domain=domain, defaults={"municipality": municipality}
            )
