"""Monitoring's access policy: which organisations, estates and flags a user sees, and who
follows a flag up. Styrelse sees the country; a caseworker the organisations their municipality
supervises (the tilsynskommune); anyone else nothing. Pages, exports, charts, e-mails and the API
ask here (through `Organisation.objects.visible_to(user)` and its siblings)."""

from portal.access import caseworker_municipality, is_styrelse


def visible_organisations(user, queryset):
    """Monitoring: styrelse sees every organisation, a caseworker those their municipality
    supervises (the tilsynskommune), anyone else none."""
    if is_styrelse(user):
        return queryset
    municipality = caseworker_municipality(user)
    if municipality is None:
        return queryset.none()
    return queryset.filter(supervising_municipality_id=municipality.pk)


def visible_estates(user, queryset):
    """The estates of the organisations the user may see."""
    if is_styrelse(user):
        return queryset
    municipality = caseworker_municipality(user)
    if municipality is None:
        return queryset.none()
    return queryset.filter(organisation__supervising_municipality_id=municipality.pk)


def located_estates(user, queryset):
    """Estates lying in a caseworker's municipality but supervised elsewhere: read-only context
    for the beliggenhedskommune (their organisations' pages stay hidden)."""
    municipality = caseworker_municipality(user)
    if municipality is None:
        return queryset.none()
    return queryset.filter(municipality_id=municipality.pk).exclude(
        organisation__supervising_municipality_id=municipality.pk
    )


def visible_flags(user, queryset):
    """Flags of the organisations (and their estates) the user may see."""
    if is_styrelse(user):
        return queryset
    municipality = caseworker_municipality(user)
    if municipality is None:
        return queryset.none()
    return queryset.filter(organisation__supervising_municipality_id=municipality.pk)


def may_follow_up(user, organisation):
    """Following up flags is the supervising municipality's work: its caseworkers change status,
    assignment and notes; styrelse reads."""
    municipality = caseworker_municipality(user)
    return municipality is not None and municipality.pk == organisation.supervising_municipality_id
