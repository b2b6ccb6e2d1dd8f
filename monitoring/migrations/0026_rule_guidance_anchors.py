"""Every default rule links to a section of its guidance page (issue 10): the six rules that had
no anchor get the new sections of the demo guidance, and R10 (rent) the section on rising rent
instead of the one on deficits. An anchor an editor has changed stays."""

from django.db import migrations

from monitoring.migrations import _frozen

ANCHORS = {
    "R01": ("", "nar-fonden-er-lav"),
    "R02": ("", "negativ-arbejdskapital"),
    "R05": ("", "fraflytning-som-signal"),
    "R06": ("", "fraflytning-som-signal"),
    "R10": ("underskud-i-afdelingen", "nar-huslejen-stiger"),
    "R11": ("", "et-lavt-effektivitetstal"),
    "R14": ("", "nar-fristen-er-overskredet"),
}


def forwards(apps, schema_editor):
    _frozen.change_rules(apps, {code: {"guidance_anchor": pair} for code, pair in ANCHORS.items()})


def backwards(apps, schema_editor):
    _frozen.change_rules(
        apps,
        {code: {"guidance_anchor": (after, before)} for code, (before, after) in ANCHORS.items()},
    )


class Migration(migrations.Migration):
    dependencies = [("monitoring", "0025_follow_up_submission_token")]
    operations = [migrations.RunPython(forwards, backwards)]
