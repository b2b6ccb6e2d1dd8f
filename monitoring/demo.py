"""The demo's country: generated key figures for 2015–2024, imported as an editor would, then
evaluated. Idempotent: a file already imported with the same checksum is skipped.

DEMO ONLY: the figures are synthetic (docs/synthetic-data.md).
"""

import datetime

from django.conf import settings
from django.utils import timezone

from guidance.models import GuidancePage
from monitoring import evaluation, follow_up, generator
from monitoring.importing import ImportFile, error_lines, import_entities, import_key_figures
from monitoring.models import (
    Flag,
    FlagEvent,
    FlagRule,
    FlagStatus,
    ImportBatch,
    OrganisationAssessment,
    StyrelseNote,
)
from monitoring.signals import key_figures_imported
from monitoring.triggers import EVALUATE_ON_IMPORT, key_figures_changed
from portal.models import User

SEED = 1
YEARS = list(range(2015, 2025))
FOLLOW_UP_BY = "sagsbehandler@kk.dk"
RULE_GUIDANCE = {
    "R01": "dispositionsfonden",
    "R02": "arbejdskapitalen",
    "R03": "tomgang-og-lejetab",
    "R04": "tomgang-og-lejetab",
    "R05": "kommunal-anvisning-og-fleksibel-udlejning",
    "R06": "kommunal-anvisning-og-fleksibel-udlejning",
    "R07": "vedligeholdelsesplaner-og-henlaeggelser",
    "R08": "tidlige-tegn-paa-oekonomiske-vanskeligheder",
    "R09": "tidlige-tegn-paa-oekonomiske-vanskeligheder",
    "R10": "afdelingens-budget-og-husleje",
    "R11": "effektivitetstal",
    "R12": "administrationsbidrag",
    "R13": "tidlige-tegn-paa-oekonomiske-vanskeligheder",
    "R14": "regnskabsfrister-og-indberetning",
    "R15": "revisors-forbehold",
    "R16": "saerlig-driftsstoette",
}
NOTES_BY = "redaktoer@bpst.dk"
# Styrelse's notes to København on its two highest-ranked organisations: (title, text, days to
# answer or None).
NOTES = [
    (
        "Særlig driftsstøtte fra Landsbyggefonden",
        "Landsbyggefonden har givet organisationens største afdeling særlig driftsstøtte i tre "
        "år. Styrelsen vil gerne høre, hvordan kommunen følger op på afdelingens plan.",
        21,
    ),
    (
        "Fusion under forberedelse",
        "Organisationen har orienteret styrelsen om, at den forbereder en fusion med en nabo.",
        None,
    ),
]
FOLLOW_UPS = [
    (FlagStatus.IN_PROGRESS, "Vi har bedt organisationen om en redegørelse inden 1. december."),
    (FlagStatus.DISCUSSED, "Drøftet på styringsdialogmødet; organisationen lægger en plan."),
    (FlagStatus.IN_PROGRESS, "Afventer revisionsprotokollen for 2024."),
    (FlagStatus.CLOSED, "Forklaret af engangsudgift til tagrenovering; ingen videre handling."),
    (
        FlagStatus.REJECTED,
        "Ledigheden skyldes planlagt helhedsrenovering, hvor boligerne holdes tomme.",
    ),
]


def demo_directory():
    return settings.BASE_DIR / "var" / "demo-noegletal"


def files(directory):
    """The generated files, written once per checkout."""
    if not (directory / f"key_figures_{YEARS[-1]}.csv").exists():
        generator.write(generator.generate(SEED, YEARS), directory)
    return directory


def already_imported(sources):
    return ImportBatch.objects.filter(
        status=ImportBatch.Status.SUCCEEDED,
        summary__files=[{"name": s.name, "sha256": s.checksum} for s in sources],
    ).exists()


def checked(batch, log):
    log(f"  {batch.file_name}: {batch.get_status_display()}")
    if batch.status != ImportBatch.Status.SUCCEEDED:
        raise RuntimeError("\n".join(error_lines(batch)))


def load(log=print):
    """Import what is new, evaluate once, and give København's flags some follow-up."""
    # The demo evaluates once at the end instead of once per imported year.
    key_figures_imported.disconnect(dispatch_uid=EVALUATE_ON_IMPORT)
    try:
        imported = import_new(log)
    finally:
        key_figures_imported.connect(key_figures_changed, dispatch_uid=EVALUATE_ON_IMPORT)
    link_rules_to_guidance()
    if imported or not OrganisationAssessment.objects.exists():
        summary = evaluation.evaluate()
        log(f"  Flag: {summary.red} røde, {summary.yellow} gule")
    follow_up_demo_flags()
    write_demo_notes()


def write_demo_notes():
    """Styrelse's notes to København (once), written directly: the demo sends no e-mail."""
    author = User.objects.filter(email=NOTES_BY).first()
    if author is None or StyrelseNote.objects.exists():
        return
    organisations = (
        OrganisationAssessment.objects.filter(
            year=YEARS[-1], organisation__supervising_municipality__code=101
        )
        .order_by("rank", "-score")
        .select_related("organisation")[: len(NOTES)]
    )
    today = timezone.localdate()
    for assessment, (title, body, days) in zip(organisations, NOTES, strict=False):
        StyrelseNote.objects.create(
            organisation=assessment.organisation,
            author=author,
            title=title,
            body=body,
            respond_by=today + datetime.timedelta(days=days) if days else None,
        )


def link_rules_to_guidance():
    """Point each default rule at the demo guidance that helps act on it (where unset)."""
    pages = {
        page.slug: page for page in GuidancePage.objects.filter(slug__in=RULE_GUIDANCE.values())
    }
    for code, slug in RULE_GUIDANCE.items():
        if slug in pages:
            # A plain update: linking guidance changes no flag, so no re-evaluation is queued.
            FlagRule.objects.filter(code=code, guidance_page__isnull=True).update(
                guidance_page=pages[slug]
            )


def follow_up_demo_flags():
    """A few of København's 2024 flags in progress, discussed and closed (once)."""
    if FlagEvent.objects.exists():
        return
    caseworker = User.objects.filter(email=FOLLOW_UP_BY).first()
    if caseworker is None:
        return
    flags = Flag.objects.filter(
        is_current=True, year=YEARS[-1], organisation__supervising_municipality__code=101
    ).order_by("severity", "organisation__org_no", "rule__code")[: len(FOLLOW_UPS)]
    for flag, (status, note) in zip(flags.select_related("case"), FOLLOW_UPS, strict=False):
        follow_up.record(
            flag, caseworker, {"status": status, "assigned_to": caseworker, "note": note}
        )


def import_new(log):
    """Import what is new; returns True if anything was imported."""
    directory = files(demo_directory())
    imported = False
    entity_files = [
        ImportFile.from_path(directory / "organisations.csv"),
        ImportFile.from_path(directory / "estates.csv"),
    ]
    if not already_imported(entity_files):
        checked(import_entities(*entity_files), log)
        imported = True
    for year in YEARS:
        source = ImportFile.from_path(directory / f"key_figures_{year}.csv")
        if already_imported([source]):
            continue
        checked(import_key_figures(source, year=year), log)
        imported = True
    return imported
