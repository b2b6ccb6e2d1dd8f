"""A group's demo meetings: held ones with agenda and material, coming ones with registrations.

People sign up through events.registration, so seats and the waiting list follow the real
rules, but no confirmation is e-mailed. A meeting is recognised by its title.
"""

from datetime import datetime, time, timedelta

from django.utils import timezone

from events.demo import register_without_email
from network.models import Meeting


def _at(day, hour):
    return timezone.make_aware(datetime.combine(day, time.fromisoformat(hour)))


def load_meetings(group, specs, people, now):
    present = set(group.meetings.values_list("title", flat=True))
    for spec in specs:
        if spec["title"] in present:
            continue
        day = timezone.localdate(now) + timedelta(days=spec["days_ahead"])
        start, end = (_at(day, hour) for hour in spec["hours"])
        meeting = Meeting(
            group=group,
            title=spec["title"],
            start=start,
            end=end,
            place=spec["place"],
            video_url=spec["video_url"],
            agenda_markdown=spec["agenda"],
            material_markdown=spec["material"],
            capacity=spec["capacity"],
            registration_deadline=start - timedelta(days=3) if spec["days_ahead"] > 3 else None,
            created_by=people[spec["by"]],
            created=min(start, now) - timedelta(days=30),
        )
        meeting.full_clean()
        meeting.save()
        register_without_email([people[handle] for handle in spec["registered"]], meeting)
