"""Benchmark content for the networks, written in bulk: many groups of all three kinds with their
members, one group with many threads, and one thread with many replies (quotes, a solution).

Each `grow_*` adds what is missing up to a target, so the benchmark can count queries at a tenth
of the volume and again at the full volume on the same rows. Bodies are Markdown rendered by the
same `network.markup.render` that saving a post runs (bulk_create skips `save()`).
"""

import itertools
import random

from allauth.account.models import EmailAddress
from django.contrib.auth.hashers import make_password
from django.contrib.auth.models import Group as Role
from django.db import transaction
from django.utils import timezone

from bench.data import OBJECTS, SUBJECTS, VERBS
from network import markup
from network.choices import GroupKind, MembershipRole, MembershipStatus
from network.models import Group, Membership, Reply, Thread
from portal import roles
from portal.models import Municipality, User, Workplace

PASSWORD = "Benchmark-hest-batteri-42"
AUTHORS = 40
MEMBERS_PER_GROUP = 12
MAIN_SLUG = "tilsynsnetvaerket"
LONG_THREAD_TITLE = "Hvordan læser I styringsrapportens nøgletal for huslejen?"
TITLES = [
    "Erfaringer med styringsdialogen",
    "Spørgsmål om dispositionsfonden",
    "Revisionsprotokol med bemærkninger",
    "Tomgang i afdelingerne",
    "Lånoptagelse og sikkerhedsstillelse",
    "Budgetkontrol i praksis",
]
GROUP_NAMES = ["ERFA Region", "Tilsynsgruppe", "Faggruppe", "Netværk for"]
REGIONS = ["Hovedstaden", "Sjælland", "Syddanmark", "Midtjylland", "Nordjylland"]


def body(rng):
    """A reply as people write them: a paragraph or two, sometimes a list or a link."""
    parts = [" ".join(_sentence(rng) for _ in range(rng.randint(2, 5)))]
    if rng.random() < 0.4:
        parts.append("\n".join(f"- {_sentence(rng)}" for _ in range(3)))
    if rng.random() < 0.3:
        parts.append("Se [vejledningen](https://www.retsinformation.dk/eli/lta/2024/1000).")
    if rng.random() < 0.5:
        parts.append(f"**{_sentence(rng)}**")
    return "\n\n".join(parts)


def _sentence(rng):
    return f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} {rng.choice(OBJECTS)}."


def _post(model, rng, **fields):
    text = body(rng)
    return model(body_markdown=text, body_html=markup.render(text), **fields)


@transaction.atomic
def people(seed=1):
    """The member whose session the load uses (password log-in), a moderator and authors."""
    rng = random.Random(seed)
    municipalities = list(Municipality.objects.order_by("code"))
    member_role = Role.objects.get(name=roles.MEMBER)
    hashed = make_password(PASSWORD)
    users = User.objects.bulk_create(
        User(
            username=f"bench-netvaerk-{n}@example.org",
            email=f"bench-netvaerk-{n}@example.org",
            password=hashed,
            first_name=rng.choice(["Anne", "Jonas", "Mette", "Søren", "Fatima", "Lars"]),
            last_name=rng.choice(["Jensen", "Nielsen", "Hansen", "Pedersen", "Ali", "Holm"]),
            title=rng.choice(["Tilsynskonsulent", "Tilsynschef", "Jurist", "Økonom"]),
            municipality=rng.choice(municipalities),
            workplace=Workplace.MUNICIPALITY,
        )
        for n in range(AUTHORS + 1)
    )
    member_role.user_set.add(*users)
    reader = users[0]
    EmailAddress.objects.create(user=reader, email=reader.email, verified=True, primary=True)
    return reader, users[1:]


@transaction.atomic
def main_group(reader, authors):
    """The group every figure but the index is measured in; the reader is an active member."""
    group = Group.objects.create(
        name="Tilsynsnetværket",
        slug=MAIN_SLUG,
        description="Det landsdækkende netværk for kommunernes tilsyn med almene boliger.",
    )
    _join(group, [reader, *authors], moderators=authors[:2])
    thread = Thread(group=group, author=authors[0], title=LONG_THREAD_TITLE)
    thread.body_markdown = body(random.Random(0))
    thread.save()
    return group, thread


def _join(group, users, moderators=(), status=MembershipStatus.ACTIVE):
    now = timezone.now()
    Membership.objects.bulk_create(
        Membership(
            group=group,
            user=user,
            status=status,
            joined_at=now if status == MembershipStatus.ACTIVE else None,
            role=MembershipRole.MODERATOR if user in moderators else MembershipRole.MEMBER,
        )
        for user in users
    )


@transaction.atomic
def grow_groups(target, reader, authors, seed=1):
    """Groups of every kind up to `target`; the reader is active in a third, has asked to join or
    been invited to others, and is absent from the rest (so secret ones are hidden)."""
    rng = random.Random(seed + target)
    kinds = itertools.cycle(GroupKind.values)
    reader_status = itertools.cycle(
        [MembershipStatus.ACTIVE, MembershipStatus.REQUESTED, MembershipStatus.INVITED, None]
    )
    for n in range(Group.objects.count(), target):
        group = Group.objects.create(
            name=f"{GROUP_NAMES[n % len(GROUP_NAMES)]} {REGIONS[n % len(REGIONS)]} {n}",
            slug=f"bench-gruppe-{n}",
            kind=next(kinds),
            description=" ".join(_sentence(rng) for _ in range(3)),
        )
        _join(group, rng.sample(authors, MEMBERS_PER_GROUP), moderators=authors[:1])
        status = next(reader_status)
        if status:
            _join(group, [reader], status=status)


@transaction.atomic
def grow_threads(group, target, authors, seed=1):
    """Threads in `group` up to `target`, each with a few replies, active over the last year."""
    rng = random.Random(seed + target)
    now = timezone.now()
    missing = target - group.threads.count()
    threads = Thread.objects.bulk_create(
        _post(
            Thread,
            rng,
            group=group,
            author=rng.choice(authors),
            title=f"{rng.choice(TITLES)} ({n})",
            last_activity=now - timezone.timedelta(minutes=rng.randint(1, 525_600)),
            pinned=n < 2,
            locked=n % 50 == 7,
        )
        for n in range(missing)
    )
    Reply.objects.bulk_create(
        _post(Reply, rng, thread=thread, author=rng.choice(authors))
        for thread in threads
        for _ in range(rng.randint(0, 4))
    )


@transaction.atomic
def grow_replies(thread, target, authors, seed=1):
    """Replies in `thread` up to `target`, every third quoting the one before; one is the
    solution, so page 1 shows it first."""
    rng = random.Random(seed + target)
    start = timezone.now() - timezone.timedelta(days=30)
    existing = thread.replies.count()
    replies = Reply.objects.bulk_create(
        _post(
            Reply,
            rng,
            thread=thread,
            author=authors[n % len(authors)],
            created=start + timezone.timedelta(minutes=10 * n),
        )
        for n in range(existing, target)
    )
    previous = thread.replies.filter(created__lt=replies[0].created).last() if replies else None
    for n, reply in enumerate(replies, start=existing):
        if n % 3 == 0 and previous is not None:
            reply.quoted = previous
        previous = reply
    Reply.objects.bulk_update(replies, ["quoted"])
    thread.solution = thread.replies.order_by("created")[min(5, target - 1)]
    thread.last_activity = timezone.now()
    thread.save(update_fields=["solution", "last_activity"])
