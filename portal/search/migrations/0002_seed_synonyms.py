"""The first synonyms and abbreviations: what caseworkers type for what the guidance calls it."""

from django.db import migrations

# (what the reader writes, what to search for as well, both ways)
SYNONYMS = [
    ("LBF", "Landsbyggefonden", True),
    ("ABL, almenboligloven", "lov om almene boliger, almenboligloven", True),
    ("boligselskab", "boligorganisation", False),
    ("lejetab", "tab ved lejeledighed, tomgang", True),
    ("tomme lejligheder, tomme boliger", "ledige boliger, lejeledighed, tomgang", False),
    ("husleje stiger, højere husleje", "huslejestigning, lejeforhøjelse", False),
    ("indsende", "indberette, indberetning", False),
    ("PPV", "planlagt og periodisk vedligeholdelse, vedligeholdelsesplan", True),
    ("midl. administrator, midl administrator", "midlertidig administrator", False),
    ("økonomiske problemer", "økonomiske vanskeligheder", False),
    ("fusion", "sammenlægning", False),
    ("ghetto, ghettoområde, parallelsamfund", "udsatte boligområder", False),
    ("plejehjem", "plejeboliger", False),
    ("BPST, styrelsen", "Bolig- og Planstyrelsen", True),
    ("audit", "revision", False),
    ("auditor", "revisor", False),
    ("annual report, accounts", "regnskab", False),
    ("conference", "konference", False),
    ("supervision", "tilsyn", False),
    ("housing association", "boligorganisation", False),
    ("board", "bestyrelse", False),
    ("tenant, tenants", "beboer, lejer", False),
    ("rent", "husleje", False),
    ("increase", "stigning, forhøjelse", False),
    ("vacancy", "tomgang, lejeledighed", False),
    ("maintenance", "vedligeholdelse", False),
    ("renovation", "renovering", False),
    ("merger", "sammenlægning", False),
    ("deadline", "frist", False),
    ("key figures", "nøgletal", False),
    ("guidance", "vejledning", False),
    ("network", "netværk", False),
    ("meeting", "møde", False),
]


def seed(apps, schema_editor):
    SearchSynonym = apps.get_model("portal_search", "SearchSynonym")
    SearchSynonym.objects.bulk_create(
        SearchSynonym(terms=terms, alternatives=alternatives, both_ways=both_ways)
        for terms, alternatives, both_ways in SYNONYMS
    )


def unseed(apps, schema_editor):
    SearchSynonym = apps.get_model("portal_search", "SearchSynonym")
    terms = [terms for terms, _alternatives, _both_ways in SYNONYMS]
    SearchSynonym.objects.filter(terms__in=terms).delete()


class Migration(migrations.Migration):
    dependencies = [("portal_search", "0001_initial")]

    operations = [migrations.RunPython(seed, unseed)]
