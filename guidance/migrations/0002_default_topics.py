from django.db import migrations

# The topics as they were when this migration was written (frozen: later changes need a
# migration of their own).
TOPICS = [
    (
        "tilsynets-grundlag",
        "Tilsynets grundlag",
        "Kommunens, Landsbyggefondens og styrelsens roller, og forskellen på lovlighed og økonomi.",
    ),
    (
        "styringsdialog",
        "Styringsdialog",
        "Det årlige forløb, styringsrapporten, aftaler og referater.",
    ),
    ("oekonomi", "Økonomi", "Budgetter, egenkapital, dispositionsfond, arbejdskapital og lån."),
    (
        "regnskab-og-revision",
        "Regnskab og revision",
        "Frister for regnskab, revisionsprotokollen og revisors forbehold.",
    ),
    (
        "drift-vedligeholdelse-og-effektivitet",
        "Drift, vedligeholdelse og effektivitet",
        "Vedligeholdelsesplaner, A- og B-ordning, effektivitetstal og administrationsbidrag.",
    ),
    ("udlejning", "Udlejning", "Ventelister, anvisning, tomgang og udsættelser."),
    ("beboerdemokrati", "Beboerdemokrati", "De fire organer, valg, kompetencer og konflikter."),
    (
        "organisation-og-administration",
        "Organisation og administration",
        "Vedtægter, administratorer, sammenlægninger og sideaktiviteter.",
    ),
    (
        "byggeri-og-renovering",
        "Byggeri og renovering",
        "Skema A, B og C, grundkapital og Landsbyggefondens renoveringsstøtte.",
    ),
    (
        "afdelinger-i-oekonomiske-vanskeligheder",
        "Afdelinger i økonomiske vanskeligheder",
        "Tidlige tegn og særlig driftsstøtte.",
    ),
    (
        "handlepligt-og-sanktioner",
        "Handlepligt og sanktioner",
        "Dialog, påbud og midlertidig administrator.",
    ),
    ("godkendelser", "Godkendelser", "Hvad kommunen skal godkende, og hvordan."),
    (
        "saerlige-boligtyper",
        "Særlige boligtyper",
        "Ældre-, pleje- og ungdomsboliger og selvejende institutioner.",
    ),
    ("udsatte-boligomraader", "Udsatte boligområder", "Udsatte områder og boligsociale planer."),
    (
        "data-og-noegletal",
        "Data og nøgletal",
        "Kilder, definitioner, sammenligningsgrupper og hvordan flag læses.",
    ),
    (
        "tilsynets-organisering",
        "Tilsynets organisering",
        "Hvordan kommunen organiserer, bemander og dokumenterer tilsynet.",
    ),
]


def install_topics(apps, schema_editor):
    Topic = apps.get_model("guidance", "Topic")
    for order, (slug, name, description) in enumerate(TOPICS, start=1):
        Topic.objects.update_or_create(
            slug=slug, defaults={"name": name, "description": description, "sort_order": order}
        )


def remove_topics(apps, schema_editor):
    Topic = apps.get_model("guidance", "Topic")
    Topic.objects.filter(slug__in=[slug for slug, _n, _d in TOPICS]).delete()


class Migration(migrations.Migration):
    dependencies = [("guidance", "0001_initial")]

    operations = [migrations.RunPython(install_topics, remove_topics)]
