"""The flag a case page shows: whether the reader may see it, asked on every request with the
data version in one round trip, and what every request shows of it, kept in the cache for every
reader.

Reading the flag with its rule, organisation, estate and case cost more to build and compile
through the ORM, and PostgreSQL more to plan, than to run. The access question is now one
query of the flag and its organisation whose SQL is compiled once per process
(`portal.compiled`); what the page shows of the flag is the same for everyone who may see it and
is kept under the flag, the data version (which a follow-up step, an evaluation or an import
moves) and the people generation (the case's assignee), so nothing of the access policy comes
from the cache."""

from django.core.cache import cache

from monitoring import entity_access
from monitoring.models import Estate, Flag, FlagCase, FlagRule, Organisation
from portal import compiled
from portal.people import people_generation

SHOWN_SECONDS = 600
# What every request shows or checks (its title and heading, the audit event, the follow-up
# form), by relation; the rest is read only when a cached fragment is rendered (`with_facts`).
OWN_FIELDS = ("id", "year", "severity", "rule_id", "organisation_id", "estate_id", "case_id")
RELATED_FIELDS = {
    "rule": (FlagRule, ("code", "name")),
    "organisation": (Organisation, ("org_no", "name")),
    "estate": (Estate, ("estate_no",)),
    "case": (FlagCase, ("status", "assigned_to_id")),
}


def visible_flag(user, pk):
    """Flag `pk` with what every request shows, if `user` may see it, and the data version;
    else 404."""
    (supervisor,), data_version = entity_access.row_and_version(
        "case-page-access", user, _supervisor, [pk]
    )
    key = f"monitoring:case-page-flag:{pk}:{data_version}:{people_generation()}"
    values = iter(cache.get_or_set(key, lambda: _shown(pk), SHOWN_SECONDS))
    flag = compiled.instance(Flag, {name: next(values) for name in OWN_FIELDS})
    for relation, (model, fields) in RELATED_FIELDS.items():
        read = {name: next(values) for name in fields}
        related_id = getattr(flag, f"{relation}_id")
        if related_id is not None:
            setattr(flag, relation, compiled.instance(model, {"id": related_id, **read}))
    # Who supervises the organisation decides who may follow the flag up: as just asked.
    flag.organisation.supervising_municipality_id = supervisor
    return flag, data_version


def _supervisor(reader, slots):
    flag = Flag.objects.visible_to(reader).filter(pk=slots[0])
    return flag.values_list("organisation__supervising_municipality_id")


def _shown(pk):
    related = [
        f"{relation}__{name}" for relation, (_, names) in RELATED_FIELDS.items() for name in names
    ]
    return Flag.objects.values_list(*OWN_FIELDS, *related).get(pk=pk)


def with_facts(pk):
    """The flag with everything its cached facts and breadcrumbs show, read only when they are
    rendered."""
    return Flag.objects.select_related(
        "rule__figure__guidance_page",
        "rule__guidance_page",
        "figure",
        "organisation__supervising_municipality",
        "estate",
        "case__assigned_to",
        "batch",
        "rule_revision",
    ).get(pk=pk)
