"""For a module whose tests read the monitoring data (tests/monitoring_fixtures.py) in Chromium:
imported there, its `monitoring_data`, `vacancy_rule` and `signed_in_tab` are the module's. The
data is committed once on the module's live server, a København caseworker and an editor log in
once (`signed_in_tab("caseworker")`), and what a test adds to the data or changes in the built
flags and cases is put back after it (`put_back`), so each test sees the data as built.

    from monitoring_site import (  # noqa: F401
        monitoring_site, put_back, shared_monitoring_data, shared_signed_in_tab, shared_vacancy_rule,
    )
"""

import pytest
from accounts_fixtures import create_user, session_cookie
from module_site import latest_pk
from monitoring_fixtures import assess_all, build_monitoring_data, fetched_anew
from page_tree import make_home

from monitoring import peer_statistics
from monitoring.models import (
    Evaluation,
    Flag,
    FlagCase,
    FlagEvent,
    FlagRule,
    ImportBatch,
    KeyFigureValue,
    StyrelseNote,
)
from portal import roles

# The rows a test may add, in the order they are deleted.
ADDED = [StyrelseNote, FlagEvent, Flag, FlagCase, FlagRule, KeyFigureValue, ImportBatch, Evaluation]
# The built rows a test may change: a case's follow-up, an evaluation's flags and cases.
CHANGED = [Flag, FlagCase]


@pytest.fixture(scope="module")
def monitoring_site(module_live_server, extend_monitoring_data):
    """`build_monitoring_data()` under a home page, with what the module adds to it
    (`extend_monitoring_data`), committed once for the module, and the session cookies of a real
    log-in (with TOTP) of a København caseworker and of an editor."""
    make_home()
    data = build_monitoring_data()
    data.update(extend_monitoring_data(data))
    built = {model: stored_rows(model) for model in CHANGED}
    users = {
        "caseworker": create_user([roles.CASEWORKER], municipality_code=101, mfa=True),
        "editor": create_user(roles.EDITOR, mfa=True),
    }
    cookies = {role: session_cookie(user, module_live_server) for role, user in users.items()}
    return data, cookies, built


@pytest.fixture(autouse=True)
def put_back(monitoring_site):
    """After the test: the monitoring rows it added deleted, the built flags and cases as they
    were built, and the peer bands and assessments made again if it added any row."""
    newest = {model: latest_pk(model) for model in ADDED}
    yield
    # A rule the test added goes first, with its cases: deleting it re-evaluates the flags
    # (monitoring/triggers.py). Then the built flags go back to their built cases, and the
    # rows the test and the evaluations added go.
    FlagCase.objects.filter(rule__pk__gt=newest[FlagRule]).delete()
    FlagRule.objects.filter(pk__gt=newest[FlagRule]).delete()
    restored = sum(restore_rows(model, rows) for model, rows in monitoring_site[2].items())
    deleted = sum(model.objects.filter(pk__gt=newest[model]).delete()[0] for model in ADDED)
    if deleted or restored:
        peer_statistics.refresh()
        assess_all()


def stored_rows(model):
    """{pk: (every other column's value)} of the model's rows."""
    return {pk: tuple(row) for pk, *row in model.objects.values_list("pk", *columns(model))}


def columns(model):
    return [field.attname for field in model._meta.concrete_fields if not field.primary_key]


def restore_rows(model, built):
    """Write back the built rows that differ from `built` (`stored_rows`); returns how many."""
    changed = [
        model(pk=pk, **dict(zip(columns(model), built[pk], strict=True)))
        for pk, row in stored_rows(model).items()
        if pk in built and row != built[pk]
    ]
    return model.objects.bulk_update(changed, columns(model)) if changed else 0


@pytest.fixture(name="monitoring_data")
def shared_monitoring_data(monitoring_site):
    return fetched_anew(monitoring_site[0])


@pytest.fixture(name="vacancy_rule")
def shared_vacancy_rule(monitoring_site):
    return FlagRule.objects.get(pk=monitoring_site[0]["flag"].rule_id)


@pytest.fixture(name="signed_in_tab")
def shared_signed_in_tab(module_tab, monitoring_site):
    """`signed_in_tab(role)`: the tab signed in as the module's "caseworker" or "editor"."""

    def sign_in(role):
        module_tab.context.add_cookies([monitoring_site[1][role]])
        return module_tab

    return sign_in
