"""Small hand-made data sets for the flag-rule tests: organisations, estates and figure values."""

import datetime

from monitoring import evaluation
from monitoring.models import Estate, Flag, FlagRule, KeyFigure, KeyFigureValue, Organisation
from portal.models import Municipality

EVALUATION_DATE = datetime.date(2025, 9, 30)


def organisation(org_no, municipality=101):
    return Organisation.objects.create(
        org_no=org_no,
        name=f"Boligorganisation {org_no}",
        supervising_municipality=Municipality.objects.get(code=municipality),
        address="Vej 1",
    )


def estate(org, estate_no, **attributes):
    built = unsaved_estate(org, estate_no, **attributes)
    built.save()
    return built


def estates(org, count, start=1, **attributes):
    """`count` estates in one bulk insert: no search indexing of the organisation again at each
    estate, which rule tests never read."""
    return Estate.objects.bulk_create(
        unsaved_estate(org, f"{number:03d}", **attributes) for number in range(start, start + count)
    )


def unsaved_estate(
    org, estate_no, homes=50, municipality=None, home_type="family", year_built=1970
):
    return Estate(
        organisation=org,
        estate_no=estate_no,
        name=f"Afdeling {estate_no}",
        municipality=Municipality.objects.get(
            code=municipality or org.supervising_municipality.code
        ),
        homes=homes,
        area_m2=homes * 75.0,
        year_built=year_built,
        home_type=home_type,
    )


def put(entity, year, batch=None, **figures):
    """Store figure values of an organisation or estate for a year."""
    codes = dict(KeyFigure.objects.values_list("code", "pk"))
    is_estate = isinstance(entity, Estate)
    KeyFigureValue.objects.bulk_create(
        KeyFigureValue(
            figure_id=codes[code],
            year=year,
            organisation_id=entity.organisation_id if is_estate else entity.pk,
            estate=entity if is_estate else None,
            value=value,
            batch=batch,
        )
        for code, value in figures.items()
    )


def only_rules(*codes):
    """Switch every other default rule off, so a test sees the rules it is about."""
    FlagRule.objects.exclude(code__in=codes).update(active=False)


def evaluate(**kwargs):
    return evaluation.evaluate(today=EVALUATION_DATE, **kwargs)


def raised(rule=None, **filters):
    """Current flags as {(entity number, year): severity} with "rød"/"gul" severities."""
    flags = Flag.objects.current().filter(**filters).select_related("organisation", "estate")
    if rule:
        flags = flags.filter(rule__code=rule)
    return {
        (flag.estate.number if flag.estate else flag.organisation.org_no, flag.year): (
            "rød" if flag.severity == "red" else "gul"
        )
        for flag in flags
    }


def epoch_days(date):
    return (date - datetime.date(1970, 1, 1)).days
