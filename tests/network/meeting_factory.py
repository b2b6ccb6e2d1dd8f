"""Meetings for the network tests, built directly in the database."""

import datetime

from django.utils import timezone

from network.models import Meeting


def make_meeting(group, *, days_ahead=7, hours=3, **fields):
    start = timezone.now().replace(microsecond=0) + datetime.timedelta(days=days_ahead)
    fields.setdefault("title", f"Netværksmøde i {group.name}")
    fields.setdefault("place", "Dalgasgade 8, 7400 Herning")
    return Meeting.objects.create(
        group=group, start=start, end=start + datetime.timedelta(hours=hours), **fields
    )


# The meeting form's empty question formset, as a browser sends it with no question filled in.
NO_QUESTIONS = {"spoergsmaal-TOTAL_FORMS": "0", "spoergsmaal-INITIAL_FORMS": "0"}
