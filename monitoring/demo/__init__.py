"""The demo's country: generated key figures for 2015–2024, imported as an editor would, then
evaluated, then the rules linked to guidance and a few flags and notes worked on, from
`content/`. Idempotent: a file already imported with the same checksum is skipped.

DEMO ONLY: the figures are synthetic (docs/synthetic-data.md).
"""

import datetime
from pathlib import Path

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
from portal import front_matter
from portal.models import User

SEED = 1
YEARS = list(range(2015, 2025))
CONTENT = Path(__file__).parent / "content"


def notes():
    """Styrelse's notes to København, from `content/notes/`: title, by (the author's e-mail) and
    respond_in_days (where an answer is asked for) in the front matter, the note as the body."""
    return [front_matter.read(path) for _key, path in front_matter.numbered(CONTENT / "notes")]


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
    written = notes()
    authors = User.objects.in_bulk({note.meta["by"] for note in written}, field_name="email")
    if StyrelseNote.objects.exists() or any(note.meta["by"] not in authors for note in written):
        return
    organisations = (
        OrganisationAssessment.objects.filter(
            year=YEARS[-1], organisation__supervising_municipality__code=101
        )
        .order_by("rank", "-score")
        .select_related("organisation")[: len(written)]
    )
    today = timezone.localdate()
    for assessment, note in zip(organisations, written, strict=False):
        days = note.meta.get("respond_in_days")
        StyrelseNote.objects.create(
            organisation=assessment.organisation,
            author=authors[note.meta["by"]],
            title=note.meta["title"],
            body=note.body,
            respond_by=today + datetime.timedelta(days=days) if days else None,
        )


def link_rules_to_guidance():
    """Point each default rule at the demo guidance that helps act on it (where unset)."""
    rule_guidance = front_matter.data(CONTENT / "rule_guidance.yaml")
    pages = {
        page.slug: page for page in GuidancePage.objects.filter(slug__in=rule_guidance.values())
    }
    for code, slug in rule_guidance.items():
        if slug in pages:
            # A plain update: linking guidance changes no flag, so no re-evaluation is queued.
            FlagRule.objects.filter(code=code, guidance_page__isnull=True).update(
                guidance_page=pages[slug]
            )


def follow_up_demo_flags():
    """A few of København's 2024 flags in progress, discussed and closed (once)."""
    if FlagEvent.objects.exists():
        return
    follow_ups = front_matter.data(CONTENT / "follow_ups.yaml")
    caseworker = User.objects.filter(email=follow_ups["by"]).first()
    if caseworker is None:
        return
    entries = follow_ups["flags"]
    flags = Flag.objects.filter(
        is_current=True, year=YEARS[-1], organisation__supervising_municipality__code=101
    ).order_by("severity", "organisation__org_no", "rule__code")[: len(entries)]
    for flag, entry in zip(flags.select_related("case"), entries, strict=False):
        follow_up.record(
            flag,
            caseworker,
            {
                "status": FlagStatus(entry["status"]),
                "assigned_to": caseworker,
                "note": entry["note"],
            },
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
