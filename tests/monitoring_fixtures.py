"""Monitoring data built directly in the database: organisations, estates, values and flags.

Two organisations in København (one with an estate lying in Tårnby) and one in Aarhus, key figures
for 2023 and 2024, and a flag that persists from 2023 to 2024, so that pages have something to
show and access rules something to refuse.
"""

import contextlib
import itertools

import pytest
from django.db import connection, transaction
from django.test import Client

from monitoring import assessment, evaluation, formatting, generator, peer_statistics
from monitoring.importing import ImportFile, import_entities, import_key_figures
from monitoring.models import (
    Estate,
    Flag,
    FlagCase,
    FlagRule,
    ImportBatch,
    KeyFigure,
    KeyFigureValue,
    Organisation,
    RuleKind,
    Severity,
)
from portal import roles
from portal.models import Municipality

_numbers = itertools.count(100)


def make_organisation(code, org_no=None, name=None, estates=1, homes=40, estate_municipality=None):
    municipality = Municipality.objects.get(code=code)
    org_no = org_no or f"{next(_numbers):04d}"
    organisation = Organisation.objects.create(
        org_no=org_no,
        name=name or f"Boligselskabet {org_no}",
        supervising_municipality=municipality,
        address="Tilsynsvej 1",
    )
    located = Municipality.objects.get(code=estate_municipality) if estate_municipality else None
    for number in range(1, estates + 1):
        Estate.objects.create(
            organisation=organisation,
            estate_no=f"{number:03d}",
            name=f"Afdeling {number}",
            municipality=located if located and number == estates else municipality,
            homes=homes,
            area_m2=homes * 75.0,
            year_built=1970,
        )
    return organisation


def add_organisations(code, count, estates=3, homes=40):
    """`count` organisations supervised by municipality `code`, with `estates` estates each, in
    bulk: no per-row signals, so no search indexing (which tests of pages and the API do not
    read, and which per-row saves repeat for the organisation at every estate)."""
    municipality = Municipality.objects.get(code=code)
    numbers = [f"{next(_numbers):04d}" for _ in range(count)]
    organisations = Organisation.objects.bulk_create(
        Organisation(
            org_no=org_no,
            name=f"Boligselskabet {org_no}",
            supervising_municipality=municipality,
            address="Tilsynsvej 1",
        )
        for org_no in numbers
    )
    for organisation in organisations:
        add_estates(organisation, range(1, estates + 1), homes=homes)
    return organisations


def add_estates(organisation, numbers, homes=40, name="Afdeling"):
    """Estates of `organisation` numbered `numbers`, lying in its municipality, in bulk."""
    return Estate.objects.bulk_create(
        Estate(
            organisation=organisation,
            estate_no=f"{number:03d}",
            name=f"{name} {number}",
            municipality_id=organisation.supervising_municipality_id,
            homes=homes,
            area_m2=homes * 75.0,
            year_built=1970,
        )
        for number in numbers
    )


def add_values(code, entities, years, value):
    """`code`'s `value` for each of `entities` (organisations or estates) in each of `years`, in
    bulk, as set_value stores one."""
    figure = KeyFigure.objects.get(code=code)
    batches = {year: import_batch(year) for year in years}
    return KeyFigureValue.objects.bulk_create(
        KeyFigureValue(
            figure=figure,
            year=year,
            organisation_id=_owner_id(entity),
            estate=_estate(entity),
            value=value,
            batch=batches[year],
        )
        for entity in entities
        for year in years
    )


def add_flags(rule, entities, years, value, severity=Severity.RED):
    """A case of `rule` for each of `entities` running through `years`, with a flag a year each
    continuing the year before's, in bulk, as raise_flag raises them one by one."""
    cases = FlagCase.objects.bulk_create(
        FlagCase(
            rule=rule,
            organisation_id=_owner_id(entity),
            estate=_estate(entity),
            first_year=years[0],
            last_year=years[-1],
        )
        for entity in entities
    )
    flags = [None] * len(cases)
    for year in years:
        flags = Flag.objects.bulk_create(
            unsaved_flag(case, rule, year, severity, value, previous)
            for case, previous in zip(cases, flags, strict=True)
        )
    return cases


def add_flagged_organisations(rule, count, estates=3, year=2024):
    """`count` more København organisations with figures for `year`, every estate flagged."""
    organisations = add_organisations(101, count, estates=estates)
    flagged = list(Estate.objects.filter(organisation__in=organisations))
    add_values("disp_fund_free_per_unit", organisations, [year], 1000.0)
    add_values("vacancy_rate_pct", flagged, [year], 6.0)
    add_flags(rule, flagged, [year], 6.0)
    return organisations


def _estate(entity):
    return entity if isinstance(entity, Estate) else None


def _owner_id(entity):
    return entity.organisation_id if isinstance(entity, Estate) else entity.pk


def import_batch(year):
    """The year's successful key-figure import, as the importer records it."""
    batch, _created = ImportBatch.objects.get_or_create(
        kind=ImportBatch.Kind.KEY_FIGURES,
        year=year,
        defaults={
            "file_name": f"key_figures_{year}.csv",
            "checksum": "0" * 64,
            "status": ImportBatch.Status.SUCCEEDED,
        },
    )
    return batch


def set_value(code, entity, year, value):
    figure = KeyFigure.objects.get(code=code)
    estate = entity if isinstance(entity, Estate) else None
    organisation = entity.organisation if estate else entity
    return KeyFigureValue.objects.create(
        figure=figure,
        year=year,
        organisation=organisation,
        estate=estate,
        value=value,
        batch=import_batch(year),
    )


def raise_flag(rule, entity, year, severity=Severity.RED, previous=None, value=None):
    estate = entity if isinstance(entity, Estate) else None
    organisation = entity.organisation if estate else entity
    case = previous.case if previous else None
    if case is None:
        case = FlagCase.objects.create(
            rule=rule, organisation=organisation, estate=estate, first_year=year, last_year=year
        )
    elif case.last_year < year:
        case.last_year = year
        case.save(update_fields=["last_year"])
    flag = unsaved_flag(case, rule, year, severity, value, previous)
    flag.save()
    return flag


def unsaved_flag(case, rule, year, severity, value, previous):
    """The flag of `case` for `year`, as the tests raise them."""
    rule = case.rule
    return Flag(
        case=case,
        rule=rule,
        organisation_id=case.organisation_id,
        estate_id=case.estate_id,
        year=year,
        severity=severity,
        figure=rule.figure,
        value=value,
        explanation=f"Forklaring {rule.code} {year}: {explained(rule, value)}",
        previous=previous,
    )


def explained(rule, value):
    """The value as an explanation writes it: by the rule's figure, through the one formatter."""
    return formatting.format_value(rule.figure, value) if rule.figure else value


def assess_all():
    """Assess every organisation from the flags in the database, as an evaluation does."""
    data, _batches = evaluation.load_dataset(evaluation.evaluation_date())
    return assessment.refresh(data)


def signed_in(login, user):
    """A client of its own per user: a TOTP code is accepted only once."""
    client = Client()
    login(client, user)
    return client


@pytest.fixture
def caseworker_aarhus(make_user):
    """A caseworker (and network member) of Aarhus, with a second factor."""
    return make_user([roles.CASEWORKER, roles.MEMBER], municipality_code=751, mfa=True)


@pytest.fixture(scope="module")
def module_monitoring_data(request, django_db_setup, django_db_blocker):
    """In a module marked `monitoring_data_once`, `monitoring_data` built once, in a transaction
    rolled back after the module's last test (its tests must not commit); None elsewhere."""
    if request.node.get_closest_marker("monitoring_data_once") is None:
        yield None
    else:
        yield from built_once(django_db_blocker, build_monitoring_data)


@pytest.fixture
def vacancy_rule(db, module_monitoring_data):
    if module_monitoring_data:
        return FlagRule.objects.get(pk=module_monitoring_data["flag"].rule_id)
    return create_vacancy_rule()


def create_vacancy_rule():
    return FlagRule.objects.create(
        code="T03",
        name="Høj ledighed",
        kind=RuleKind.ABSOLUTE,
        figure=KeyFigure.objects.get(code="vacancy_rate_pct"),
        level="estate",
        yellow_threshold=2,
        red_threshold=5,
        explanation="{value} % af boligerne stod ledige i {year}.",
        actions="Spørg organisationen, hvorfor boligerne står tomme (almenboligloven § 164).\n"
        "Drøft udlejningen i styringsdialogen.",
    )


@pytest.fixture
def monitoring_data(db, module_monitoring_data, vacancy_rule):
    if module_monitoring_data:
        return fetched_anew(module_monitoring_data)
    return build_monitoring_data(vacancy_rule)


def build_monitoring_data(vacancy_rule=None):
    """København: 0042 (flagged, estate 002 in Tårnby) and 0044 (calm); Aarhus: 0043 (flagged).
    Without `vacancy_rule`, its rule is made too."""
    vacancy_rule = vacancy_rule or create_vacancy_rule()
    kk = make_organisation(
        101, "0042", "Københavns Almene Boliger", estates=2, estate_municipality=185
    )
    calm = make_organisation(101, "0044", "Rolige Boliger")
    aarhus = make_organisation(751, "0043", "Aarhus Boligforening")
    flagged_estate = kk.estates.get(estate_no="001")
    for organisation in (kk, calm, aarhus):
        for year, fund in ((2023, 5200.0), (2024, 4800.0)):
            set_value("disp_fund_free_per_unit", organisation, year, fund)
        for estate in organisation.estates.all():
            set_value("vacancy_rate_pct", estate, 2023, 0.5)
            set_value("vacancy_rate_pct", estate, 2024, 0.8)
    KeyFigureValue.objects.filter(estate=flagged_estate).delete()
    set_value("vacancy_rate_pct", flagged_estate, 2023, 3.5)
    set_value("vacancy_rate_pct", flagged_estate, 2024, 7.5)
    earlier = raise_flag(vacancy_rule, flagged_estate, 2023, Severity.YELLOW, value=3.5)
    current = raise_flag(vacancy_rule, flagged_estate, 2024, previous=earlier, value=7.5)
    aarhus_flag = raise_flag(vacancy_rule, aarhus.estates.get(), 2024, value=6.0)
    peer_statistics.refresh()
    assess_all()
    return {
        "kk": kk,
        "calm": calm,
        "aarhus": aarhus,
        "estate": flagged_estate,
        "flag": current,
        "earlier_flag": earlier,
        "aarhus_flag": aarhus_flag,
    }


def as_file(name, frame):
    return ImportFile(name, frame.to_csv(index=False, lineterminator="\n").encode())


def import_generated_country(seed, years, today):
    """The generated country of `seed`, imported for `years` and evaluated on `today`."""
    generated = generator.generate(seed, years)
    batch = import_entities(
        as_file("organisations.csv", generated.organisations),
        as_file("estates.csv", generated.estates),
    )
    assert batch.status == ImportBatch.Status.SUCCEEDED, batch.errors[:5]
    for year in years:
        frame = generated.key_figures[year]
        batch = import_key_figures(as_file(f"key_figures_{year}.csv", frame), year=year)
        assert batch.status == ImportBatch.Status.SUCCEEDED, batch.errors[:5]
    evaluation.evaluate(today=today)
    return generated


def built_once(django_db_blocker, build, *args):
    """`build(*args)` inside a transaction rolled back after the module's last test (its tests'
    own transactions nest in it), for a module-scoped fixture to yield from."""
    with django_db_blocker.unblock(), transaction.atomic():
        built = build(*args)
        # Check the deferred constraints now, once, not again after every test.
        connection.check_constraints()
        yield built
        transaction.set_rollback(True)


def fetched_anew(objects):
    """{key: the same row fetched again}, so that no test sees another's in-memory changes to
    objects a module built once."""
    return {key: type(obj).objects.get(pk=obj.pk) for key, obj in objects.items()}


def country_fixture(django_db_blocker, seed, years, today):
    """A generated country, built once for the module: import and evaluation take a minute."""
    yield from built_once(django_db_blocker, import_country_in_bulk, seed, years, today)


def import_country_in_bulk(seed, years, today):
    with values_loaded_in_bulk():
        return import_generated_country(seed, years, today)


@contextlib.contextmanager
def values_loaded_in_bulk():
    """PostgreSQL's recipe for a bulk load ("Populating a Database" in its manual), on SQLite
    too: the key-figure values' indexes (and on PostgreSQL their foreign keys) dropped while the
    country's 1.6 million values are written, and made again after, which checks each over the
    whole table at once instead of row by row (the deferred row-by-row checks were 40 % of the
    PostgreSQL build; SQLite's index updates a third of its import). For a transaction that is
    rolled back (`built_once`), so the schema is never changed for good."""
    drop, make = bulk_load_statements(KeyFigureValue._meta.db_table)
    with connection.cursor() as cursor:
        for statement in drop:
            cursor.execute(statement)
    yield
    with connection.cursor() as cursor:
        for statement in make:
            cursor.execute(statement)


def bulk_load_statements(table):
    """(drop, make): the statements that drop the table's indexes other than its primary key
    and unique columns, and on PostgreSQL its foreign keys (SQLite's belong to the table), and
    those that make them again."""
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute(
                "SELECT name, sql FROM sqlite_master"
                " WHERE type = 'index' AND tbl_name = %s AND sql IS NOT NULL",
                [table],
            )
            indexes = cursor.fetchall()
            return [f"DROP INDEX {quote(name)}" for name, _sql in indexes], [
                sql for _name, sql in indexes
            ]
        cursor.execute(
            "SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint"
            " WHERE conrelid = %s::regclass AND contype = 'f'",
            [table],
        )
        keys = cursor.fetchall()
        cursor.execute(
            "SELECT indexrelid::regclass::text, pg_get_indexdef(indexrelid) FROM pg_index"
            " WHERE indrelid = %s::regclass"
            " AND NOT EXISTS (SELECT FROM pg_constraint WHERE conindid = indexrelid)",
            [table],
        )
        indexes = cursor.fetchall()
    drop = [f"ALTER TABLE {quote(table)} DROP CONSTRAINT {quote(name)}" for name, _ in keys]
    drop += [f"DROP INDEX {quote(name)}" for name, _definition in indexes]
    make = [definition for _name, definition in indexes]
    make += [
        f"ALTER TABLE {quote(table)} ADD CONSTRAINT {quote(name)} {definition}"
        for name, definition in keys
    ]
    return drop, make


def build_big_organisation(rule, org_no="0050", estates=252, years=range(2017, 2025)):
    """A København organisation the size of the country's largest: `estates` estates, key
    figures for every year, and every seventh estate flagged from 2021 on (one case each), in
    bulk so that a browser test can afford it."""
    organisation = Organisation.objects.create(
        org_no=org_no,
        name="Storbyens Boligselskab",
        supervising_municipality=Municipality.objects.get(code=101),
        address="Tilsynsvej 2",
    )
    built = Estate.objects.bulk_create(
        Estate(
            organisation=organisation,
            estate_no=f"{number:03d}",
            name=f"Bebyggelse {number}",
            municipality_id=organisation.supervising_municipality_id,
            homes=20 + number % 90,
            area_m2=(20 + number % 90) * 75.0,
            year_built=1950 + number % 60,
        )
        for number in range(1, estates + 1)
    )
    fund = KeyFigure.objects.get(code="disp_fund_free_per_unit")
    vacancy = KeyFigure.objects.get(code="vacancy_rate_pct")
    values = [
        KeyFigureValue(
            figure=fund, year=year, organisation=organisation, value=4000.0 + 100 * (year - 2017)
        )
        for year in years
    ]
    flagged = built[::7]
    for estate in built:
        rate = 6.5 if estate in flagged else 0.9
        values += [
            KeyFigureValue(
                figure=vacancy, year=year, organisation=organisation, estate=estate, value=rate
            )
            for year in years
        ]
    batches = {year: import_batch(year) for year in years}
    for value in values:
        value.batch = batches[value.year]
    KeyFigureValue.objects.bulk_create(values)
    flag_years = [year for year in years if year >= 2021]
    cases = FlagCase.objects.bulk_create(
        FlagCase(
            rule=rule,
            organisation=organisation,
            estate=estate,
            first_year=flag_years[0],
            last_year=flag_years[-1],
        )
        for estate in flagged
    )
    Flag.objects.bulk_create(
        Flag(
            case=case,
            rule=rule,
            organisation=organisation,
            estate=case.estate,
            year=year,
            severity=Severity.RED,
            figure=rule.figure,
            value=6.5,
            explanation=f"6,5 % af boligerne stod ledige i {year}.",
        )
        for case in cases
        for year in flag_years
    )
    return organisation
