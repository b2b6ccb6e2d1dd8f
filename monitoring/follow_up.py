"""Following up a case: the supervising municipality's caseworkers change its status and
assignment with a note, one case or many at once, and every step is kept per case as a FlagEvent
for as long as the case runs."""

from django.db import transaction

from monitoring.models import FlagCase, FlagEvent

UNCHANGED = object()


def history(case):
    """Every follow-up step of the case, whichever year's flag it was made on."""
    return case.events.select_related("user", "assigned_to", "flag").order_by("-created", "-pk")


def record(flag, user, data):
    """Change the status and assignment of the flag's case and keep the step, with its note.

    The same form sent again (its token already kept) changes nothing: a caseworker who sends
    it twice, or again after an error, makes one step."""
    token = data.get("token")
    if token and FlagEvent.objects.filter(user=user, submission_token=token).exists():
        return
    record_many([flag], user, data, token=token)


@transaction.atomic
def record_many(flags, user, data, token=None):
    """One step on the cases of `flags` (each case's flag of the year), kept per case: a status
    of "" and an assignee of UNCHANGED leave that part as it is. `token`, for one flag only, is
    the form's submission token."""
    status, assignee = data["status"], data["assigned_to"]
    cases = [flag.case for flag in flags]
    for case in cases:
        if status:
            case.status = status
        if assignee is not UNCHANGED:
            case.assigned_to = assignee
    FlagCase.objects.bulk_update(cases, ["status", "assigned_to"])
    FlagEvent.objects.bulk_create(
        FlagEvent(
            case=flag.case,
            flag=flag,
            user=user,
            status=status,
            assigned_to=None if assignee is UNCHANGED else assignee,
            note=data["note"].strip(),
            submission_token=token,
        )
        for flag in flags
    )
