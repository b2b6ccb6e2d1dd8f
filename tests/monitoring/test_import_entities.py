"""Entity import: organisations and estates inserted or updated in bulk, mergers resolved, and any
problem in either file rejecting both."""

from pathlib import Path

import pytest

from monitoring.importing import ImportFile, import_entities
from monitoring.models import Estate, ImportBatch, Organisation

DATA = Path(__file__).parent / "data"
ORG_HEADER = "org_no,name,seat_municipality_code,address"
ESTATE_HEADER = "org_no,estate_no,name,municipality_code,homes,area_m2,year_built"


def data_file(name):
    return ImportFile.from_path(DATA / name)


def csv_file(name, text):
    return ImportFile(name, text.encode())


def snapshot():
    return (
        list(Organisation.objects.values_list("org_no", "name", "supervising_municipality__code")),
        list(Estate.objects.values_list("organisation__org_no", "estate_no", "homes", "area_m2")),
    )


def test_entities_are_created_with_their_fields(db):
    batch = import_entities(data_file("organisations.csv"), data_file("estates.csv"))

    assert batch.status == ImportBatch.Status.SUCCEEDED, batch.errors
    assert batch.rows == 6
    assert batch.summary["organisations"] == {"created": 2, "updated": 0}
    assert batch.summary["estates"] == {"created": 4, "updated": 0}
    nord = Organisation.objects.get(org_no="0412")
    assert nord.supervising_municipality.code == 851
    assert (nord.postcode, nord.city, nord.cvr, nord.fiscal_year_end) == (
        "9000",
        "Aalborg",
        "12345678",
        "12-31",
    )
    toften = Estate.objects.get(organisation=nord, estate_no="007")
    assert toften.municipality.code == 860  # lies outside the supervising municipality
    assert (toften.homes, toften.area_m2, toften.year_built) == (212, 15900.0, 1992)
    assert (toften.home_type, toften.building_type, toften.maintenance_scheme) == (
        "youth",
        "block",
        "A",
    )
    havnen = Estate.objects.get(organisation__org_no="0413", estate_no="001")
    assert (havnen.home_type, havnen.building_type, havnen.maintenance_scheme) == (
        "family",
        "block",
        "A",
    )


def test_reimport_updates_in_place_and_keeps_optional_fields_not_in_the_file(db):
    import_entities(data_file("organisations.csv"), data_file("estates.csv"))
    estate_pk = Estate.objects.get(organisation__org_no="0412", estate_no="001").pk

    batch = import_entities(
        csv_file("organisations.csv", f"{ORG_HEADER}\n0412,Nord Bolig,851,Ny vej 3\n"),
        csv_file("estates.csv", f"{ESTATE_HEADER}\n0412,001,Parken,851,150,11500,1968\n"),
    )

    assert batch.status == ImportBatch.Status.SUCCEEDED, batch.errors
    assert batch.summary["organisations"] == {"created": 0, "updated": 1}
    nord = Organisation.objects.get(org_no="0412")
    assert (nord.name, nord.address, nord.cvr) == ("Nord Bolig", "Ny vej 3", "12345678")
    parken = Estate.objects.get(pk=estate_pk)
    assert (parken.homes, parken.area_m2) == (150, 11500.0)
    assert Organisation.objects.count() == 2 and Estate.objects.count() == 4


def test_mergers_point_at_organisations_and_estates_in_the_same_files(db):
    organisations = (
        f"{ORG_HEADER},merged_into_org_no,valid_to\n"
        "9916,Gammel,101,Vej 1,9917,2020-12-31\n"
        "9917,Ny,101,Vej 2,,\n"
    )
    estates = (
        f"{ESTATE_HEADER},merged_into\n"
        "9916,001,Gammel afdeling,101,10,700,1970,9917-010\n"
        "9917,010,Ny afdeling,101,40,3000,2023,\n"
        "9917,011,Lille,101,5,300,2023,010\n"
    )

    batch = import_entities(
        csv_file("organisations.csv", organisations), csv_file("estates.csv", estates)
    )

    assert batch.status == ImportBatch.Status.SUCCEEDED, batch.errors
    old = Organisation.objects.get(org_no="9916")
    assert old.merged_into.org_no == "9917"
    assert str(old.valid_to) == "2020-12-31"
    target = Estate.objects.get(organisation__org_no="9917", estate_no="010")
    assert set(target.merged_from.values_list("estate_no", flat=True)) == {"001", "011"}


BAD_ORGANISATIONS = {
    "missing column": ("org_no,name,address\n0500,A,Vej\n", "seat_municipality_code", "mangler"),
    "unknown column": (f"{ORG_HEADER},colour\n0500,A,101,Vej,blue\n", "colour", "Ukendt"),
    "bad number": (f"{ORG_HEADER}\n500,A,101,Vej\n", "org_no", "firecifret"),
    "unknown municipality": (
        f"{ORG_HEADER}\n0500,A,999,Vej\n",
        "seat_municipality_code",
        "kommunekode",
    ),
    "duplicate": (f"{ORG_HEADER}\n0500,A,101,Vej\n0500,B,101,Vej\n", "org_no", "flere gange"),
    "empty name": (f"{ORG_HEADER}\n0500,,101,Vej\n", "name", "udfyldes"),
    "bad cvr": (f"{ORG_HEADER},cvr\n0500,A,101,Vej,123\n", "cvr", "CVR"),
    "bad year end": (
        f"{ORG_HEADER},fiscal_year_end\n0500,A,101,Vej,13-01\n",
        "fiscal_year_end",
        "MM-DD",
    ),
    "unknown merger": (
        f"{ORG_HEADER},merged_into_org_no\n0500,A,101,Vej,0777\n",
        "merged_into_org_no",
        "0777",
    ),
    "validity reversed": (
        f"{ORG_HEADER},valid_from,valid_to\n0500,A,101,Vej,2024-01-01,2023-01-01\n",
        "valid_to",
        "før",
    ),
}
BAD_ESTATES = {
    "unknown organisation": (f"{ESTATE_HEADER}\n0777,001,A,101,10,700,1970\n", "org_no", "0777"),
    "negative homes": (f"{ESTATE_HEADER}\n0412,009,A,101,-10,700,1970\n", "homes", "større end 0"),
    "zero area": (f"{ESTATE_HEADER}\n0412,009,A,101,10,0,1970\n", "area_m2", "større end 0"),
    "impossible year": (
        f"{ESTATE_HEADER}\n0412,009,A,101,10,700,1492\n",
        "year_built",
        "mindre end 1800",
    ),
    "bad home type": (
        f"{ESTATE_HEADER},home_type\n0412,009,A,101,10,700,1970,villa\n",
        "home_type",
        "ikke en af",
    ),
    "bad scheme": (
        f"{ESTATE_HEADER},maintenance_scheme\n0412,009,A,101,10,700,1970,C\n",
        "maintenance_scheme",
        "ikke en af",
    ),
    "unknown merged estate": (
        f"{ESTATE_HEADER},merged_into\n0412,009,A,101,10,700,1970,0412-555\n",
        "merged_into",
        "0412-555",
    ),
    "decimal comma": (
        f'{ESTATE_HEADER}\n0412,009,A,101,10,"700,5",1970\n',
        "area_m2",
        "decimalkomma",
    ),
}


@pytest.mark.parametrize(
    "organisations,estates,column,fragment",
    [
        (text, f"{ESTATE_HEADER}\n0412,009,A,101,10,700,1970\n", column, fragment)
        for text, column, fragment in BAD_ORGANISATIONS.values()
    ]
    + [
        (f"{ORG_HEADER}\n0500,A,101,Vej\n", text, column, fragment)
        for text, column, fragment in BAD_ESTATES.values()
    ],
    ids=list(BAD_ORGANISATIONS) + list(BAD_ESTATES),
)
def test_a_problem_in_either_file_rejects_both_and_changes_nothing(
    db, organisations, estates, column, fragment
):
    import_entities(data_file("organisations.csv"), data_file("estates.csv"))
    before = snapshot()

    batch = import_entities(
        csv_file("organisations.csv", organisations), csv_file("estates.csv", estates)
    )

    assert batch.status == ImportBatch.Status.FAILED
    assert snapshot() == before
    assert any(
        error["column"] == column and fragment in error["message"] for error in batch.errors
    ), batch.errors
