from django.db import migrations


def install(apps, schema_editor):
    from monitoring.key_figures_data import KEY_FIGURES, STATUTORY_RATES

    KeyFigure = apps.get_model("monitoring", "KeyFigure")
    StatutoryRate = apps.get_model("monitoring", "StatutoryRate")
    for order, (code, name, unit, levels, direction, kind, derived, description) in enumerate(
        KEY_FIGURES
    ):
        KeyFigure.objects.update_or_create(
            code=code,
            defaults=dict(
                name=name,
                unit=unit,
                for_estates="A" in levels,
                for_organisations="O" in levels,
                direction=direction,
                kind=kind,
                derived=derived,
                description=description,
                sort_order=order,
            ),
        )
    fields = ("disp_fund_contribution", "disp_fund_ceiling", "working_capital_contribution",
              "working_capital_ceiling", "moveout_rate")
    for year, rates in STATUTORY_RATES.items():
        StatutoryRate.objects.update_or_create(year=year, defaults=dict(zip(fields, rates)))


class Migration(migrations.Migration):
    dependencies = [("monitoring", "0001_initial")]
    operations = [migrations.RunPython(install, migrations.RunPython.noop)]
