"""What monitoring makes searchable: the organisations a caseworker's municipality supervises
(the country for styrelse), by name, organisation number, CVR number and their estates' names
and numbers (monitoring/access.py)."""

from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from monitoring.models import Organisation
from portal.search.sources import Hit, SearchSource


def _organisations(user, topic):
    return Organisation.objects.visible_to(user)


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
        )
    ]
