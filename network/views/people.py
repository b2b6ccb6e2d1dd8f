"""People in a group: the page a mention links to, and the names the writing form suggests."""

from django.http import Http404, JsonResponse
from django.shortcuts import render

from network import access, mentions
from network.choices import MembershipStatus
from network.views.gate import network_view, readable_group

LATEST_THREADS = 5


@network_view
def person_page(request, slug, pk):
    """Someone who may read the group, as its readers see them; anyone else is a 404."""
    group = readable_group(request.user, slug)
    person = mentions.mentionable(group).select_related("municipality").filter(pk=pk).first()
    if person is None:
        raise Http404
    membership = group.memberships.filter(user=person, status=MembershipStatus.ACTIVE).first()
    threads = group.threads.filter(author=person, deleted_at=None, hidden_at=None).select_related(
        "group"
    )
    return render(
        request,
        "network/person.html",
        {
            "group": group,
            "person": person,
            "membership": membership,
            "threads": threads.order_by("-created", "-pk")[:LATEST_THREADS],
            "may_moderate": access.may_moderate(request.user, group),
        },
    )


@network_view
def person_suggestions(request, slug):
    """The combobox's suggestions: people who may read the group, matching the typed name."""
    group = readable_group(request.user, slug)
    people = mentions.suggestions(group, request.GET.get("q", "")[:100])
    return JsonResponse(
        {
            "suggestions": [
                {
                    "id": person.pk,
                    "name": str(person),
                    "detail": ", ".join(
                        filter(None, [person.title, str(person.municipality or "")])
                    ),
                }
                for person in people
            ]
        }
    )
