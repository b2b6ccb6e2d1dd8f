"""Data migrations install frozen data with the models as they were: run again, they put back
what was removed or changed and leave the rest as it is."""

from importlib import import_module

import pytest
from django.db import connection
from django.db.migrations.loader import MigrationLoader

from monitoring.models import KeyFigure, StatutoryRate
from portal.models import Municipality, MunicipalityDomain

pytestmark = pytest.mark.django_db


def run_again(app, name):
    """Run migration `name`'s data function with the historical models of its state."""
    migration = import_module(f"{app}.migrations.{name}")
    historical = MigrationLoader(connection).project_state((app, name)).apps
    migration.install(historical, None)


def test_the_municipalities_migration_restores_a_changed_municipality_and_its_domains():
    domains = MunicipalityDomain.objects.count()
    Municipality.objects.filter(code=101).update(name="Ændret")
    MunicipalityDomain.objects.filter(municipality__code=101).delete()

    run_again("portal", "0004_municipalities_and_roles")

    assert Municipality.objects.get(code=101).name == "København"
    assert MunicipalityDomain.objects.filter(municipality__code=101, domain="kk.dk").exists()
    assert (Municipality.objects.count(), MunicipalityDomain.objects.count()) == (98, domains)


def test_the_key_figure_migration_restores_the_catalogue_and_a_deleted_rate():
    figures = KeyFigure.objects.count()
    KeyFigure.objects.filter(code="homes").update(name="Ændret")
    rate = StatutoryRate.objects.get(year=2024)
    rate.delete()

    run_again("monitoring", "0002_key_figures_and_rates")

    assert KeyFigure.objects.get(code="homes").name == "Antal boliger"
    assert KeyFigure.objects.count() == figures
    restored = StatutoryRate.objects.get(year=2024)
    assert restored.disp_fund_contribution == rate.disp_fund_contribution
