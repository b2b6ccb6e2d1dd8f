"""Monitoring's access policy: which organisations, estates, flags and styrelse's notes a user
sees, and who follows a flag up or answers a note. Styrelse sees the country; a caseworker the
organisations their municipality supervises (the tilsynskommune); anyone else nothing. Pages,
exports, charts, e-mails and the API ask here (through `Organisation.objects.visible_to(user)`
and its siblings)."""

from django.db.models import Q

from portal.access import caseworker_municipality_id, is_styrelse

# The supervision scope of styrelse: every municipality's organisations.
COUNTRY = "country"


def supervision_scope(user):
    """Whose organisations the user sees: `COUNTRY` for styrelse, a caseworker's municipality
    id (the tilsynskommune), None for anyone else; read from the user's roles and row alone."""
    if is_styrelse(user):
        return COUNTRY
    return caseworker_municipality_id(user)


def _supervised(user, queryset, municipality_field):
    """Styrelse sees the whole queryset, a caseworker the rows whose `municipality_field` is
    their municipality, anyone else none (`supervision_scope`)."""
    scope = supervision_scope(user)
    if scope is None:
        return queryset.none()
    if scope == COUNTRY:
        return queryset
    return queryset.filter(**{municipality_field: scope})


def visible_organisations(user, queryset):
    """The organisations the user's municipality supervises; the country for styrelse."""
    return _supervised(user, queryset, "supervising_municipality_id")


def visible_estates(user, queryset):
    """The estates of the organisations the user may see."""
    return _supervised(user, queryset, "organisation__supervising_municipality_id")


def located_estates(user, queryset):
    """Estates lying in a caseworker's municipality but supervised elsewhere: read-only context
    for the beliggenhedskommune (their organisations' pages stay hidden)."""
    municipality_id = caseworker_municipality_id(user)
    if municipality_id is None:
        return queryset.none()
    return queryset.filter(municipality_id=municipality_id).exclude(
        organisation__supervising_municipality_id=municipality_id
    )


def visible_flags(user, queryset):
    """Flags of the organisations (and their estates) the user may see."""
    return _supervised(user, queryset, "organisation__supervising_municipality_id")


def may_follow_up(user, organisation):
    """Following up flags is the supervising municipality's work: its caseworkers change status,
    assignment and notes; styrelse reads."""
    municipality_id = caseworker_municipality_id(user)
    return (
        municipality_id is not None and municipality_id == organisation.supervising_municipality_id
    )


def may_write_notes(user):
    """Notes carry styrelse's knowledge to the municipalities: only styrelse writes them."""
    return is_styrelse(user)


def readable_notes(user, queryset):
    """Styrelse reads every note; a caseworker those on the organisations their municipality
    supervises, and (read-only) those on estates lying in their municipality."""
    if is_styrelse(user):
        return queryset
    municipality_id = caseworker_municipality_id(user)
    if municipality_id is None:
        return queryset.none()
    return queryset.filter(
        Q(organisation__supervising_municipality_id=municipality_id)
        | Q(estate__municipality_id=municipality_id)
    )


def may_answer_note(user, note):
    """Answering a note is the supervising municipality's, as following up a flag is."""
    return may_follow_up(user, note.organisation)


def may_edit_rule(user, rule):
    """Editing flag rules follows the admin's own permissions (the editors' group has them):
    changing a saved rule, or adding one."""
    action = "change" if rule.pk else "add"
    return user.is_active and user.has_perm(f"monitoring.{action}_flagrule")
