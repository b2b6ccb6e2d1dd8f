"""Danish texts about a finished import, for the commands and the admin."""

from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from monitoring.models import ImportBatch

from .coverage import entities_text


def describe(problem):
    """One problem as a Danish line, e.g. "estates.csv, linje 4, kolonne homes: …"."""
    where = []
    if problem.get("file"):
        where.append(problem["file"])
    if problem.get("line"):
        where.append(_("linje %(line)s") % {"line": problem["line"]})
    if problem.get("column"):
        where.append(_("kolonne %(column)s") % {"column": problem["column"]})
    prefix = ", ".join(where)
    return f"{prefix}: {problem['message']}" if prefix else problem["message"]


def error_lines(batch):
    """The batch's reported problems as lines, and a last line naming how many more were found."""
    lines = [describe(problem) for problem in batch.errors]
    total = batch.summary.get("error_count", len(batch.errors))
    if total > len(batch.errors):
        lines.append(_("… og %(count)s fejl mere.") % {"count": total - len(batch.errors)})
    return lines


def summary_text(batch):
    """One Danish sentence on what the import did (or why nothing was written)."""
    summary = batch.summary
    if batch.status == ImportBatch.Status.FAILED:
        count = summary.get("error_count", len(batch.errors))
        return ngettext(
            "%(file)s blev afvist: %(count)s fejl. Intet er gemt.",
            "%(file)s blev afvist: %(count)s fejl. Intet er gemt.",
            count,
        ) % {"file": batch.file_name, "count": count}
    if batch.status == ImportBatch.Status.RUNNING:
        return _("%(file)s indlæses …") % {"file": batch.file_name}
    if batch.kind == ImportBatch.Kind.KEY_FIGURES:
        text = _(
            "Nøgletal for %(year)s indlæst fra %(file)s: %(rows)s rækker "
            "(%(organisations)s boligorganisationer, %(estates)s afdelinger), "
            "%(values)s værdier gemt. Årets tidligere værdier er erstattet."
        ) % {
            "year": batch.year,
            "file": batch.file_name,
            "rows": batch.rows,
            "organisations": summary.get("organisations", 0),
            "estates": summary.get("estates", 0),
            "values": summary.get("values", 0),
        }
        if any((summary.get("uncovered") or {}).values()):
            text += " " + _(
                "Delvis import: %(entities)s uden række i filen har ingen nøgletal for %(year)s."
            ) % {"entities": entities_text(summary["uncovered"]), "year": batch.year}
        return text
    parts = []
    for key, label in (
        ("organisations", _("boligorganisationer")),
        ("estates", _("afdelinger")),
    ):
        if key in summary:
            parts.append(
                _("%(label)s: %(created)s nye, %(updated)s opdateret")
                % {"label": label, **summary[key]}
            )
    return _("%(file)s indlæst. %(parts)s.") % {
        "file": batch.file_name,
        "parts": "; ".join(parts),
    }
