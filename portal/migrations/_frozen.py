"""What the portal's data migrations install, as it was when they were written.

A migration must install the same rows whenever it runs, so it reads this module and the files
in `data/`, never the live `portal.roles` or `portal.municipality_data`: changing those later
needs a new migration. (A leading underscore keeps Django from loading this as a migration.)
"""

import csv
from pathlib import Path

MEMBER = "Netværksmedlem"
CASEWORKER = "Kommunal sagsbehandler"
EDITOR = "Styrelsesredaktør"
APPROVER = "Ansvarlig godkender"
ADMINISTRATOR = "Styrelsesadministrator"

MUNICIPALITIES = Path(__file__).parent / "data" / "0004_municipalities.csv"


def install_groups(Group):
    """Create the role groups that do not exist yet."""
    for name in (MEMBER, CASEWORKER, EDITOR, APPROVER, ADMINISTRATOR):
        Group.objects.get_or_create(name=name)


def install_municipalities(Municipality, MunicipalityDomain):
    """Create or update the 98 municipalities and their e-mail domains."""
    with MUNICIPALITIES.open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            municipality, _created = Municipality.objects.update_or_create(
                code=int(row["kommunekode"]),
                defaults={"name": row["navn"], "region": int(row["regionskode"])},
            )
            for domain in filter(None, row["domaener"].split(";")):
                MunicipalityDomain.objects.get_or_create(
                    domain=domain, defaults={"municipality": municipality}
                )
