"""What the networks hold about a person besides their posts: what they follow, their
notifications and their e-mail opt-out. Names and titles only of what they may still read."""

from network import access, unread
from network.models import EmailOptOut, Follow, Group, Notification


def export(user):
    readable = set(access.readable_groups(user, Group.objects.all()).values_list("pk", flat=True))

    def name_of(group, text):
        return text if group.pk in readable else None

    follows = Follow.objects.filter(user=user).select_related("group", "thread__group")
    return {
        "følger": [
            {
                "netværk": name_of(f.group, f.group.name) if f.group else None,
                "tråd": name_of(f.thread.group, f.thread.title) if f.thread else None,
                "siden": f.created.isoformat(),
            }
            for f in follows
        ],
        "notifikationer": [
            {
                "type": n.get_kind_display(),
                "tråd": name_of(n.thread.group, n.thread.title),
                "oprettet": n.created.isoformat(),
                "læst": n.read_at.isoformat() if n.read_at else None,
                "sendt_som_e-mail": n.emailed_at.isoformat() if n.emailed_at else None,
            }
            for n in Notification.objects.filter(recipient=user).select_related("thread__group")
        ],
        "frameldt_al_e-mail": EmailOptOut.objects.filter(user=user).exists(),
    }


def erase(user):
    Follow.objects.filter(user=user).delete()
    Notification.objects.filter(recipient=user).delete()
    unread.forget([user.pk])
    EmailOptOut.objects.filter(user=user).delete()
