"""Flags of the same rule for the same entity in consecutive years become one case, which now
carries the follow-up (status, assignee, notes); rules get a margin before a case closes.

Existing flags are chained into cases through their link to the flag the year before; a case
takes the status and assignee of its latest flag that had been followed up, and each note
moves to the case of its flag."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models

NEW = "new"


def build_cases(apps, schema_editor):
    Flag = apps.get_model("monitoring", "Flag")
    FlagCase = apps.get_model("monitoring", "FlagCase")
    FlagEvent = apps.get_model("monitoring", "FlagEvent")
    rows = Flag.objects.order_by("year", "pk").values_list(
        "pk",
        "rule_id",
        "organisation_id",
        "estate_id",
        "year",
        "previous_id",
        "status",
        "assigned_to_id",
    )
    cases, case_of = [], {}
    for pk, rule, organisation, estate, year, previous, status, assigned in rows:
        index = case_of.get(previous)
        if index is None:
            index = len(cases)
            cases.append(
                FlagCase(
                    rule_id=rule,
                    organisation_id=organisation,
                    estate_id=estate,
                    first_year=year,
                    last_year=year,
                    status=NEW,
                )
            )
        case = cases[index]
        case.last_year = max(case.last_year, year)
        if status != NEW or assigned is not None:
            case.status, case.assigned_to_id = status, assigned
        case_of[pk] = index
    FlagCase.objects.bulk_create(cases, batch_size=2000)
    Flag.objects.bulk_update(
        [Flag(pk=pk, case_id=cases[index].pk) for pk, index in case_of.items()],
        ["case"],
        batch_size=2000,
    )
    FlagEvent.objects.bulk_update(
        [
            FlagEvent(pk=pk, case_id=cases[case_of[flag]].pk)
            for pk, flag in FlagEvent.objects.values_list("pk", "flag_id")
        ],
        ["case"],
        batch_size=2000,
    )


def restore_follow_up(apps, schema_editor):
    Flag = apps.get_model("monitoring", "Flag")
    for case in apps.get_model("monitoring", "FlagCase").objects.exclude(
        status=NEW, assigned_to=None
    ):
        Flag.objects.filter(case=case).update(status=case.status, assigned_to=case.assigned_to_id)


class Migration(migrations.Migration):
    dependencies = [
        ("monitoring", "0005_default_rules"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name="flagrule",
            name="close_margin",
            field=models.FloatField(
                blank=True,
                help_text="En åben sag fortsætter, så længe værdien er værre end grænsen med denne andel af grænsen slækket (0,1 = 10 %). Så blinker sager ikke ind og ud ved grænsen.",
                null=True,
                verbose_name="margen før en sag lukker",
            ),
        ),
        migrations.CreateModel(
            name="FlagCase",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("first_year", models.PositiveSmallIntegerField(verbose_name="første år")),
                ("last_year", models.PositiveSmallIntegerField(verbose_name="seneste år")),
                (
                    "status",
                    models.CharField(
                        choices=[
                            ("new", "Ny"),
                            ("in_progress", "Under behandling"),
                            ("discussed", "Drøftet i styringsdialog"),
                            ("closed", "Afsluttet"),
                            ("rejected", "Afvist med begrundelse"),
                        ],
                        default="new",
                        max_length=20,
                        verbose_name="status",
                    ),
                ),
                (
                    "assigned_to",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="ansvarlig sagsbehandler",
                    ),
                ),
                (
                    "estate",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="flag_cases",
                        to="monitoring.estate",
                    ),
                ),
                (
                    "organisation",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="flag_cases",
                        to="monitoring.organisation",
                    ),
                ),
                (
                    "rule",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="cases",
                        to="monitoring.flagrule",
                    ),
                ),
            ],
            options={
                "verbose_name": "sag",
                "verbose_name_plural": "sager",
                "ordering": ["-last_year", "rule__code"],
            },
        ),
        migrations.AddField(
            model_name="flag",
            name="case",
            field=models.ForeignKey(
                null=True,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="flags",
                to="monitoring.flagcase",
                verbose_name="sag",
            ),
        ),
        migrations.AddField(
            model_name="flagevent",
            name="case",
            field=models.ForeignKey(
                null=True,
                on_delete=django.db.models.deletion.CASCADE,
                related_name="events",
                to="monitoring.flagcase",
            ),
        ),
        migrations.RunPython(build_cases, restore_follow_up),
    ]
