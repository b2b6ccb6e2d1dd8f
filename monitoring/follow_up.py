"""Following up a flag: the supervising municipality's caseworkers change its status and
assignment with a note, and every step is kept as a FlagEvent across the years."""

from django.db import transaction

from monitoring.models import FlagEvent


def history(flag):
    """Every follow-up step of this rule for this entity, this year and the years before."""
    return (
        FlagEvent.objects.filter(
            flag__rule_id=flag.rule_id,
            flag__organisation_id=flag.organisation_id,
            flag__estate_id=flag.estate_id,
            flag__year__lte=flag.year,
        )
        .select_related("user", "assigned_to", "flag")
        .order_by("-created", "-pk")
    )


@transaction.atomic
def record(flag, user, data):
    """Change the flag's status and assignment and keep the step, with its note, in its history."""
    flag.status = data["status"]
    flag.assigned_to = data["assigned_to"]
    flag.save(update_fields=["status", "assigned_to"])
    FlagEvent.objects.create(
        flag=flag,
        user=user,
        status=data["status"],
        assigned_to=data["assigned_to"],
        note=data["note"].strip(),
    )
