"""Storing flags: follow-up survives re-evaluation, history is kept, flags link across years."""

import pytest
from django.db import transaction
from rules_data import estate, evaluate, only_rules, organisation, put

from monitoring.models import Flag, FlagRule, FlagStatus, ImportBatch, KeyFigureValue
from monitoring.signals import key_figures_imported

pytestmark = pytest.mark.django_db


@pytest.fixture
def vacant():
    only_rules("R03")
    org = organisation("0001")
    member = estate(org, "001")
    batches = {
        year: ImportBatch.objects.create(kind="key_figures", year=year, file_name=f"{year}.csv")
        for year in (2023, 2024)
    }
    put(member, 2023, batch=batches[2023], vacancy_rate_pct=3.0)
    put(member, 2024, batch=batches[2024], vacancy_rate_pct=6.0)
    return member, batches


def test_a_flag_records_the_rule_revision_and_the_import_batch(vacant):
    member, batches = vacant
    evaluate()
    flag = Flag.objects.get(year=2024)
    rule = FlagRule.objects.get(code="R03")
    assert flag.rule_revision == rule.latest_revision
    assert flag.rule_revision.content["red_threshold"] == 5
    assert flag.batch == batches[2024]
    assert flag.organisation == member.organisation


def test_a_new_flag_links_to_the_same_flag_the_year_before(vacant):
    evaluate()
    flag_2023, flag_2024 = Flag.objects.order_by("year")
    assert flag_2024.previous == flag_2023
    assert flag_2023.previous is None


def test_re_evaluation_keeps_the_flag_and_its_follow_up(vacant):
    evaluate()
    flag = Flag.objects.get(year=2024)
    flag.case.status = FlagStatus.IN_PROGRESS
    flag.case.save()
    KeyFigureValue.objects.filter(year=2024).update(value=7.5)
    summary = evaluate()
    assert (summary.new, summary.kept, summary.closed) == (0, 2, 0)
    kept = Flag.objects.get(year=2024)
    assert kept.pk == flag.pk
    assert kept.case.status == FlagStatus.IN_PROGRESS
    assert kept.value == 7.5
    assert kept.explanation == "7,5 % af boligerne stod ledige i 2024 (grænse 5,0 %)."


def test_a_flag_no_longer_raised_is_kept_but_not_current(vacant):
    evaluate()
    KeyFigureValue.objects.filter(year=2024).update(value=0.5)
    summary = evaluate()
    assert summary.closed == 1
    flag = Flag.objects.get(year=2024)
    assert not flag.is_current
    assert Flag.objects.current().count() == 1


def test_evaluating_one_year_leaves_other_years_alone(vacant):
    evaluate(year=2024)
    assert list(Flag.objects.values_list("year", flat=True)) == [2024]
    evaluate(year=2023)
    assert Flag.objects.get(year=2024).previous is None
    assert Flag.objects.filter(is_current=True).count() == 2


def test_a_rule_change_records_the_new_revision(vacant):
    evaluate()
    rule = FlagRule.objects.get(code="R03")
    rule.red_threshold = 8
    rule.save()
    revision = rule.save_revision()
    evaluate()
    flag = Flag.objects.get(year=2024)
    assert flag.rule_revision == revision
    assert flag.severity == "yellow"


def test_saving_a_rule_queues_one_evaluation_after_commit(
    vacant, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        with transaction.atomic():
            rule = FlagRule.objects.get(code="R03")
            rule.save()
            rule.save_revision()
    assert len(callbacks) == 1
    assert Flag.objects.filter(year=2024, severity="red").exists()


def test_an_import_triggers_evaluation(vacant, django_capture_on_commit_callbacks):
    _, batches = vacant
    with django_capture_on_commit_callbacks(execute=True):
        key_figures_imported.send(sender=ImportBatch, batch=batches[2024])
    assert Flag.objects.current().count() == 2
