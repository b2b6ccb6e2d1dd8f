"""Following up a case: the supervising municipality's caseworkers change its status and
assignment with a note, and every step is kept as a FlagEvent for as long as the case runs."""

from django.db import IntegrityError, transaction

from monitoring.models import FlagEvent


def history(case):
    """Every follow-up step of the case, whichever year's flag it was made on."""
    return case.events.select_related("user", "assigned_to", "flag").order_by("-created", "-pk")


@transaction.atomic
def record(flag, user, data):
    """Change the status and assignment of the flag's case and keep the step, with its note.

    The same form sent again (its token already kept) changes nothing: a caseworker who sends
    it twice, or again after an error, makes one step."""
    case, token = flag.case, data.get("token")
    try:
        with transaction.atomic():
            FlagEvent.objects.create(
                case=case,
                flag=flag,
                user=user,
                status=data["status"],
                assigned_to=data["assigned_to"],
                note=data["note"].strip(),
                submission_token=token,
            )
    except IntegrityError:
        if token and FlagEvent.objects.filter(user=user, submission_token=token).exists():
            return
        raise
    case.status = data["status"]
    case.assigned_to = data["assigned_to"]
    case.save(update_fields=["status", "assigned_to"])
