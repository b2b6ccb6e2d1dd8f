"""The two imports, as the commands and the admin task run them: validate everything, then
write everything in one transaction, and keep a record of the attempt either way."""

from dataclasses import dataclass

from django.db import transaction
from django.utils.translation import gettext as _

from monitoring import search
from monitoring.models import ImportBatch, Organisation
from monitoring.signals import key_figures_imported

from . import batches, coverage, entities, key_figures, writing
from .reading import read_table


def import_key_figures(source, *, year, partial=False, user=None, batch=None):
    """Replace `year`'s key figures with the file's. Returns the finished ImportBatch.

    A file without a row for every organisation and estate that owes figures for the year is
    refused, unless `partial`: then those entities lose their values for the year.
    """
    batch = batch or batches.start(ImportBatch.Kind.KEY_FIGURES, [source], user=user, year=year)

    def work(batch, problems):
        problems.file = source.name
        frame = read_table(source, problems, padded=key_figures.PADDED)
        if frame is None:
            return {}
        batch.rows = len(frame)
        shaped = key_figures.validate_and_shape(frame, year, problems)
        if shaped is None:
            return {}
        left_out = coverage.uncovered(year, shaped.organisation_ids, shaped.estate_ids)
        batch.summary = {**batch.summary, "partial": partial, "uncovered": left_out.as_summary()}
        if left_out and not partial:
            coverage.report(left_out, year, problems)
            return {}
        written = writing.replace_year(year, shaped.values, batch)
        transaction.on_commit(lambda: key_figures_imported.send(sender=ImportBatch, batch=batch))
        return {
            "values": written,
            "organisations": int(frame["level"].eq("org").sum()),
            "estates": int(frame["level"].eq("estate").sum()),
        }

    return batches.run(batch, work)


def import_entities(organisations=None, estates=None, *, user=None, batch=None):
    """Insert or update organisations and estates from their files (either may be None)."""
    sources = [source for source in (organisations, estates) if source is not None]
    batch = batch or batches.start(ImportBatch.Kind.ENTITIES, sources, user=user)

    def work(batch, problems):
        municipalities = entities.municipality_ids()
        org_numbers = set(Organisation.objects.values_list("org_no", flat=True))
        orgs = estate_rows = None
        if organisations is not None:
            orgs = _validate(
                organisations, problems, entities.validate_organisations, municipalities
            )
            if orgs:
                org_numbers |= set(orgs.fields["org_no"])
        if estates is not None:
            estate_rows = _validate(
                estates, problems, entities.validate_estates, municipalities, org_numbers
            )
        batch.rows = sum(len(rows.fields) for rows in (orgs, estate_rows) if rows)
        merged_orgs = _merged_organisations(orgs, org_numbers, problems)
        merged_estates = _merged_estates(estate_rows, problems)
        if problems:
            return {}
        summary = {}
        with search.reindexed_on_commit(_organisation_numbers(orgs, estate_rows)):
            if orgs:
                created, updated = entities.upsert_organisations(
                    orgs.fields, orgs.present, merged_orgs
                )
                summary["organisations"] = {"created": created, "updated": updated}
            if estate_rows:
                created, updated = entities.upsert_estates(
                    estate_rows.fields, estate_rows.present, merged_estates
                )
                summary["estates"] = {"created": created, "updated": updated}
        return summary

    return batches.run(batch, work)


@dataclass
class _EntityRows:
    name: str
    fields: object
    frame: object
    present: set


def _organisation_numbers(*rows):
    """The organisations the files write: their own rows and their estates' owners."""
    return set().union(*(set(entity_rows.fields["org_no"]) for entity_rows in rows if entity_rows))


def _validate(source, problems, validate, *args):
    """Read and validate one entity file; None if it could not be read or lacks columns."""
    frame = entities.read(source, problems)
    if frame is None:
        return None
    present = set(frame.columns)
    result = validate(frame, problems, *args)
    if result is None:
        return None
    return _EntityRows(source.name, *result, present)


def _merged_organisations(rows, org_numbers, problems):
    if not rows or "merged_into_org_no" not in rows.present:
        return None
    problems.file = rows.name
    targets = rows.frame["merged_into_org_no"]
    entities.report_unknown_targets(
        rows.frame,
        "merged_into_org_no",
        targets,
        org_numbers,
        problems,
        _("Boligorganisation %(value)s findes hverken i filen eller i portalen."),
    )
    return targets


def _merged_estates(rows, problems):
    if not rows or "merged_into" not in rows.present:
        return None
    problems.file = rows.name
    frame = rows.frame
    targets = entities.merged_estate_keys(frame)
    known = set(frame["org_no"] + "-" + frame["estate_no"]) | set(entities.estate_keys())
    entities.report_unknown_targets(
        frame,
        "merged_into",
        targets,
        known,
        problems,
        _("Afdeling %(value)s findes hverken i filen eller i portalen."),
    )
    return targets
