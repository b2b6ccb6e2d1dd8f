from django.db import migrations

# The default explanations the plain-language ones replace (where editors kept them).
PERCENTILE_EXPLANATIONS = {
    "R04": "Tab ved lejeledighed er {value} kr. pr. m² i {year}, over {percentile}. percentil "
    "({threshold} kr.) for {peer_group}; median {peer_median} kr.",
    "R05": "Fraflytningsprocenten er {value} % i {year}, over {percentile}. percentil "
    "({threshold} %) for {peer_group}.",
    "R07": "Henlæggelser til vedligeholdelse på {value} kr. pr. m² – under {percentile}. "
    "percentil for {peer_group} i {n_years} år.",
    "R10": "Lejen er {value} kr. pr. m², over {percentile}. percentil, og steg {change} % på "
    "et år.",
    "R12": "Administrationsbidraget er {value} kr. pr. lejemålsenhed, over {percentile}. "
    "percentil ({threshold} kr.).",
}


def install(apps, schema_editor):
    from monitoring.default_rules import install_actions, save_revision

    install_actions(apps, PERCENTILE_EXPLANATIONS)
    AssessmentPolicy = apps.get_model("monitoring", "AssessmentPolicy")
    if not AssessmentPolicy.objects.exists():
        policy = AssessmentPolicy.objects.create(name="Samlet vurdering")
        save_revision(apps, policy, policy.name)


class Migration(migrations.Migration):
    dependencies = [
        ("monitoring", "0020_assessment"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]
    operations = [migrations.RunPython(install, migrations.RunPython.noop)]
