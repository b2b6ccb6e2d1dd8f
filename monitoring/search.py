"""What monitoring makes searchable: the organisations a caseworker's municipality supervises
(the country for styrelse), by name, organisation number, CVR number and their estates' names
and numbers (monitoring/access.py)."""

import contextlib

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from monitoring import access
from monitoring.models import Estate, Organisation
from portal.search import autoindex
from portal.search.sources import Hit, SearchSource


def _organisations(user, topic):
    return Organisation.objects.visible_to(user)


def _scope(user):
    scope = access.supervision_scope(user)
    return None if scope is None else f"supervises:{scope}"


def _url(organisation):
    return reverse("monitoring:organisation", args=[organisation.org_no])


def organisation_hits(objects, request):
    organisations = Organisation.objects.filter(pk__in=[obj.pk for obj in objects])
    organisations = organisations.prefetch_related("estates")
    return {
        organisation.pk: Hit(
            title=organisation.name,
            url=_url(organisation),
            kind=_("boligorganisation"),
            text=" ".join(f"{e.estate_no} {e.name}" for e in organisation.estates.all()),
            context=gettext("Organisationsnummer %(org_no)s, CVR-nummer %(cvr)s")
            % {"org_no": organisation.org_no, "cvr": organisation.cvr or "–"},
        )
        for organisation in organisations
    }


def _estate_changed(instance, raw=False, **kwargs):
    if not raw:
        organisation = Organisation.objects.filter(pk=instance.organisation_id).first()
        if organisation is not None:
            autoindex.update(organisation)


def connect():
    """An estate saved or deleted one by one indexes its organisation again (imports, which
    write in bulk, index what they changed: `reindexed_on_commit`)."""
    post_save.connect(_estate_changed, sender=Estate, dispatch_uid="monitoring_search_estate")
    post_delete.connect(
        _estate_changed, sender=Estate, dispatch_uid="monitoring_search_estate_gone"
    )


@contextlib.contextmanager
def reindexed_on_commit(org_numbers):
    """Around a bulk write of the organisations numbered `org_numbers` and their estates: once
    the transaction commits, index those whose indexed values it changed (new ones included).
    A write that raises, or a transaction rolled back, leaves the index as it was."""
    before = _indexed_values(org_numbers)
    yield
    changed = [pk for pk, text in _indexed_values(org_numbers).items() if before.get(pk) != text]
    if changed:
        transaction.on_commit(lambda: index_organisations(changed))


def index_organisations(ids):
    """Index the organisations with these ids, with their estates."""
    autoindex.update_all(Organisation.objects.filter(pk__in=ids).prefetch_related("estates"))


def _indexed_values(org_numbers):
    """{organisation id: the values its index entry is built from} in two queries: its own
    indexed columns and its estates' (numbers and names), whatever their order."""
    org_numbers = list(org_numbers)
    columns = Organisation.indexed_columns()
    own = list(Organisation.objects.filter(org_no__in=org_numbers).values_list("pk", *columns))
    estates = {pk: [] for pk, *_values in own}
    owned = Estate.objects.filter(organisation__org_no__in=org_numbers).order_by()
    for owner, *values in owned.values_list("organisation_id", *Estate.SEARCHED_COLUMNS):
        estates[owner].append(tuple(values))
    return {pk: (tuple(values), sorted(estates[pk])) for pk, *values in own}


def sources():
    return [
        SearchSource(
            key="organisation",
            label=_("Organisationer"),
            order=80,
            queryset=_organisations,
            hits=organisation_hits,
            suggest_field="name",
            suggestion_url=_url,
            reader_scope=_scope,
        )
    ]
