"""Organisation and estate files (domain brief §7): validated, then upserted in bulk."""

import datetime

import pandas as pd
from django.utils.translation import gettext as _

from monitoring.models import BuildingType, Estate, HomeType, Organisation
from portal.models import Municipality

from . import checks
from .reading import read_table

ORGANISATION_REQUIRED = ("org_no", "name", "seat_municipality_code", "address")
ORGANISATION_OPTIONAL = (
    "postcode",
    "city",
    "cvr",
    "fiscal_year_end",
    "valid_from",
    "valid_to",
    "merged_into_org_no",
)
ESTATE_REQUIRED = (
    "org_no",
    "estate_no",
    "name",
    "municipality_code",
    "homes",
    "area_m2",
    "year_built",
)
ESTATE_OPTIONAL = (
    "home_type",
    "building_type",
    "maintenance_scheme",
    "valid_from",
    "valid_to",
    "merged_into",
)
ORG_NO = r"\d{4}"
ESTATE_NO = r"\d{3}"


def read(source, problems):
    problems.file = source.name
    return read_table(
        source, problems, padded={"org_no": 4, "estate_no": 3, "merged_into_org_no": 4}
    )


def validate_organisations(frame, problems, municipalities):
    """The organisation rows as model field values, or None if the header is unusable."""
    if not checks.check_header(
        frame, problems, required=ORGANISATION_REQUIRED, optional=ORGANISATION_OPTIONAL
    ):
        return None
    frame = _with_optional(frame, ORGANISATION_OPTIONAL)
    for column in ORGANISATION_REQUIRED:
        checks.check_filled(frame, column, problems)
    valid_no = checks.check_pattern(
        frame, "org_no", problems, ORG_NO, _("«%(value)s» er ikke et firecifret nummer.")
    )
    checks.report_duplicates(frame, frame["org_no"], problems, "org_no", valid_no)
    for column, length in (("name", 200), ("address", 200), ("city", 100)):
        checks.check_length(frame, column, problems, length)
    checks.check_pattern(
        frame, "postcode", problems, r"\d{4}", _("«%(value)s» er ikke et postnummer.")
    )
    checks.check_pattern(
        frame, "cvr", problems, r"\d{8}", _("«%(value)s» er ikke et CVR-nummer (8 cifre).")
    )
    year_end = pd.to_datetime(
        "2000-" + frame["fiscal_year_end"], format="%Y-%m-%d", errors="coerce"
    )
    checks.report(
        frame,
        frame["fiscal_year_end"].ne("")
        & (year_end.isna() | ~frame["fiscal_year_end"].str.fullmatch(r"\d{2}-\d{2}")),
        "fiscal_year_end",
        problems,
        _("«%(value)s» er ikke en dato på formen MM-DD."),
    )
    checks.check_pattern(
        frame,
        "merged_into_org_no",
        problems,
        ORG_NO,
        _("«%(value)s» er ikke et firecifret nummer."),
    )
    fields = {
        "org_no": frame["org_no"],
        "name": frame["name"],
        "supervising_municipality_id": _municipality(
            frame, "seat_municipality_code", problems, municipalities
        ),
        "address": frame["address"],
        "postcode": frame["postcode"],
        "city": frame["city"],
        "cvr": frame["cvr"],
        "fiscal_year_end": frame["fiscal_year_end"].replace("", "12-31"),
        **_validity(frame, problems),
    }
    return pd.DataFrame(fields), frame


def validate_estates(frame, problems, municipalities, org_numbers):
    """The estate rows as model field values (with `org_no`), or None if the header is unusable.

    `org_numbers` are the organisations that exist in the database or the organisation file.
    """
    if not checks.check_header(frame, problems, required=ESTATE_REQUIRED, optional=ESTATE_OPTIONAL):
        return None
    frame = _with_optional(frame, ESTATE_OPTIONAL)
    for column in ESTATE_REQUIRED:
        checks.check_filled(frame, column, problems)
    valid_org = checks.check_pattern(
        frame, "org_no", problems, ORG_NO, _("«%(value)s» er ikke et firecifret nummer.")
    )
    checks.report(
        frame,
        valid_org & frame["org_no"].ne("") & ~frame["org_no"].isin(org_numbers),
        "org_no",
        problems,
        _(
            "Boligorganisation %(value)s findes hverken i filen med organisationer eller i portalen."
        ),
    )
    valid_no = checks.check_pattern(
        frame, "estate_no", problems, ESTATE_NO, _("«%(value)s» er ikke et trecifret nummer.")
    )
    key = frame["org_no"] + "-" + frame["estate_no"]
    checks.report_duplicates(frame, key, problems, "estate_no", valid_org & valid_no)
    checks.check_length(frame, "name", problems, 200)
    checks.check_choices(frame, "home_type", problems, HomeType.values)
    checks.check_choices(frame, "building_type", problems, BuildingType.values)
    checks.check_choices(frame, "maintenance_scheme", problems, ["A", "B"])
    checks.check_pattern(
        frame,
        "merged_into",
        problems,
        r"(\d{4}-)?\d{3}",
        _("«%(value)s» er ikke et afdelingsnummer (NNN eller NNNN-NNN)."),
    )
    fields = {
        "org_no": frame["org_no"],
        "estate_no": frame["estate_no"],
        "name": frame["name"],
        "municipality_id": _municipality(frame, "municipality_code", problems, municipalities),
        "homes": checks.parse_number(frame, "homes", problems, integer=True, positive=True),
        "area_m2": checks.parse_number(frame, "area_m2", problems, positive=True),
        "year_built": checks.parse_number(
            frame,
            "year_built",
            problems,
            integer=True,
            minimum=1800,
            maximum=datetime.date.today().year + 5,
        ),
        "home_type": frame["home_type"].replace("", HomeType.FAMILY),
        "building_type": frame["building_type"].replace("", BuildingType.BLOCK),
        "maintenance_scheme": frame["maintenance_scheme"].replace("", "A"),
        **_validity(frame, problems),
    }
    return pd.DataFrame(fields), frame


def merged_estate_keys(frame):
    """`merged_into` as full keys: "007" means estate 007 of the same organisation."""
    target = frame["merged_into"]
    return target.where(target.str.contains("-") | target.eq(""), frame["org_no"] + "-" + target)


def report_unknown_targets(frame, column, targets, known, problems, message):
    """Merger targets that exist neither in the files nor in the portal."""
    checks.report(frame, targets.ne("") & ~targets.isin(known), column, problems, message, targets)


def _with_optional(frame, optional):
    """Absent optional columns as empty ones, so checks need no special case."""
    return frame.assign(**{column: "" for column in optional if column not in frame})


def _municipality(frame, column, problems, municipalities):
    codes = pd.to_numeric(frame[column].where(frame[column].str.fullmatch(r"\d{3,4}")))
    ids = codes.map(municipalities)
    checks.report(
        frame,
        frame[column].ne("") & ids.isna(),
        column,
        problems,
        _("«%(value)s» er ikke en kommunekode."),
    )
    return ids


def _validity(frame, problems):
    valid_from = checks.parse_date(frame, "valid_from", problems)
    valid_to = checks.parse_date(frame, "valid_to", problems)
    checks.report(
        frame,
        valid_to < valid_from,
        "valid_to",
        problems,
        _("«%(value)s» ligger før gyldig fra-datoen."),
    )
    return {"valid_from": valid_from, "valid_to": valid_to}


def estate_keys():
    """Every stored estate as "org_no-estate_no" mapped to its id."""
    return {
        f"{org_no}-{estate_no}": pk
        for org_no, estate_no, pk in Estate.objects.values_list(
            "organisation__org_no", "estate_no", "id"
        )
    }


def municipality_ids():
    return dict(Municipality.objects.values_list("code", "id"))


def upsert_organisations(fields, present, merged_into):
    """Insert new organisations and update known ones; returns (created, updated).

    Optional columns absent from the file keep their stored values. Mergers are set in a second
    pass, because the organisation merged into may be new in the same file.
    """
    existing = set(Organisation.objects.values_list("org_no", flat=True))
    update = ["name", "supervising_municipality", "address"]
    update += [column for column in ORGANISATION_OPTIONAL if column in present]
    update = [ORGANISATION_FIELDS.get(column, column) for column in update]
    objects = [Organisation(**row) for row in _records(fields)]
    _upsert(Organisation, objects, ["org_no"], [f for f in update if f != "merged_into"])
    if merged_into is not None:
        ids = dict(Organisation.objects.values_list("org_no", "id"))
        for organisation, target in zip(objects, merged_into, strict=True):
            organisation.merged_into_id = ids.get(target)
        _upsert(Organisation, objects, ["org_no"], ["merged_into"])
    created = len(set(fields["org_no"]) - existing)
    return created, len(objects) - created


def upsert_estates(fields, present, merged_into):
    """Like upsert_organisations, for estates keyed by organisation and estate number."""
    org_ids = dict(Organisation.objects.values_list("org_no", "id"))
    existing = set(Estate.objects.values_list("organisation__org_no", "estate_no").iterator())
    update = ["name", "municipality", "homes", "area_m2", "year_built"]
    update += [column for column in ESTATE_OPTIONAL if column in present]
    fields = fields.assign(organisation_id=fields["org_no"].map(org_ids))
    objects = [Estate(**row) for row in _records(fields.drop(columns="org_no"))]
    unique = ["organisation", "estate_no"]
    _upsert(Estate, objects, unique, [f for f in update if f != "merged_into"])
    if merged_into is not None:
        ids = estate_keys()
        for estate, target in zip(objects, merged_into, strict=True):
            estate.merged_into_id = ids.get(target)
        _upsert(Estate, objects, unique, ["merged_into"])
    keys = set(zip(fields["org_no"], fields["estate_no"], strict=True))
    created = len(keys - existing)
    return created, len(objects) - created


ORGANISATION_FIELDS = {
    "seat_municipality_code": "supervising_municipality",
    "merged_into_org_no": "merged_into",
}


def _upsert(model, objects, unique_fields, update_fields):
    model.objects.bulk_create(
        objects,
        batch_size=1000,
        update_conflicts=True,
        unique_fields=unique_fields,
        update_fields=update_fields,
    )


def _records(fields):
    """Rows as dicts of Python values: dates as dates, whole numbers as ints, missing as None."""
    fields = fields.copy()
    for column in fields:
        if pd.api.types.is_datetime64_any_dtype(fields[column]):
            fields[column] = fields[column].dt.date
        elif column.endswith("_id") or column in ("homes", "year_built"):
            fields[column] = fields[column].astype("Int64")
    return fields.astype(object).where(fields.notna(), None).to_dict("records")
