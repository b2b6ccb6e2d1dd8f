"""A group's demo threads and replies, written in bulk.

Times are counted back from the moment of loading, so the demo always looks current, but their
order is fixed. Each post's submission token is derived from its thread's key, so loading again
recognises the threads it made and leaves them (and what visitors have added to them) alone.
"""

import re
import uuid
from datetime import timedelta

from django.utils import timezone

from network import mentions
from network.models import PostRevision, Reply, Thread

TOKENS = uuid.UUID("6b0f3d2e-8c1a-4e57-9b4d-2f6a1c9e7d30")
# Hours and minutes between consecutive replies, cycled: some answers come at once, some the
# next morning, some after a weekend.
GAP_HOURS = (3, 1, 18, 5, 26, 2, 44, 7, 4, 21, 66, 6)
GAP_MINUTES = (7, 23, 41, 12, 55, 34, 18, 49)
# An edit is made this long after the post.
EDIT_DELAY = timedelta(minutes=40)
# `@{handle}` in the texts: a mention by name of the person with that handle.
NAMED_MENTION = re.compile(r"@\{([\w.-]+)\}")


def token(*parts):
    return uuid.uuid5(TOKENS, "/".join(parts))


def find_post(group_slug, thread_key, reply=None):
    """A demo thread by its key, or its reply number `reply` (from 0); None for a reply added
    to the texts after the thread was loaded (loading leaves loaded threads as they are)."""
    if reply is None:
        return Thread.objects.get(submission_token=token(group_slug, thread_key))
    return Reply.objects.filter(submission_token=token(group_slug, thread_key, str(reply))).first()


def _opened(days_ago, position, now):
    """A working-day hour `days_ago` days back; never later than two hours ago."""
    day = timezone.localtime(now - timedelta(days=days_ago))
    moment = day.replace(hour=8 + position % 7, minute=GAP_MINUTES[position % len(GAP_MINUTES)])
    return min(moment, now - timedelta(hours=2))


def _reply_times(start, count, now):
    """When each of `count` replies was written: the gap pattern, squeezed to fit before now."""
    gaps = [
        timedelta(hours=GAP_HOURS[i % len(GAP_HOURS)], minutes=GAP_MINUTES[i % len(GAP_MINUTES)])
        for i in range(count)
    ]
    room = now - timedelta(hours=1) - start
    total = sum(gaps, timedelta())
    if total > room:
        gaps = [gap * (room / total) for gap in gaps]
    times, moment = [], start
    for gap in gaps:
        moment += gap
        times.append(moment)
    return times


def _named(text, people):
    """The text with each `@{handle}` made the stable mention the autocomplete would insert."""

    def stable(match):
        person = people[match[1]]
        return f"@[{person.get_full_name()}](bruger:{person.pk})"

    return NAMED_MENTION.sub(stable, text)


def _post(model, spec, people, created, in_group, **fields):
    """An unsaved post with its Markdown rendered, as `Post.save` would (bulk_create skips it)."""
    text = _named(spec["text"], people)
    return model(
        author=people[spec["by"]],
        body_markdown=text,
        body_html=mentions.render(text, lambda: in_group),
        created=created,
        edited_at=created + EDIT_DELAY if spec["was"] else None,
        **fields,
    )


def _revision(post, spec, **target):
    return PostRevision(
        old_body=spec["was"], edited_by=post.author, edited_at=post.edited_at, **target
    )


def load_threads(group, specs, people, now):
    """Create the group's threads that are not there yet, with their replies."""
    loaded = set(group.threads.values_list("submission_token", flat=True))
    new = []  # (thread, spec, [(reply, reply spec)])
    for position, spec in enumerate(specs):
        thread_token = token(group.slug, spec["key"])
        if thread_token in loaded:
            continue
        start = _opened(spec["days_ago"], position, now)
        times = _reply_times(start, len(spec["replies"]), now)
        thread = _post(
            Thread,
            spec,
            people,
            start,
            group,
            group=group,
            title=spec["title"],
            pinned=spec["pinned"],
            locked=spec["locked"],
            last_activity=times[-1] if times else start,
            submission_token=thread_token,
        )
        replies = [
            (
                _post(
                    Reply,
                    reply_spec,
                    people,
                    when,
                    group,
                    thread=thread,
                    submission_token=token(group.slug, spec["key"], str(index)),
                ),
                reply_spec,
            )
            for index, (reply_spec, when) in enumerate(zip(spec["replies"], times, strict=True))
        ]
        new.append((thread, spec, replies))
    Thread.objects.bulk_create([thread for thread, _spec, _replies in new])
    # bulk_create takes each reply's thread_id from its thread, which has a primary key now.
    Reply.objects.bulk_create([reply for _thread, _spec, replies in new for reply, _s in replies])
    _link(new)


def _link(new):
    """Quotes, answers and edit histories: what needs the new rows' primary keys."""
    quoting, solved, revisions = [], [], []
    for thread, spec, replies in new:
        if spec["was"]:
            revisions.append(_revision(thread, spec, thread=thread))
        for reply, reply_spec in replies:
            if reply_spec["quotes"] is not None:
                reply.quoted = replies[reply_spec["quotes"]][0]
                quoting.append(reply)
            if reply_spec["solution"]:
                thread.solution = reply
                solved.append(thread)
            if reply_spec["was"]:
                revisions.append(_revision(reply, reply_spec, reply=reply))
    Reply.objects.bulk_update(quoting, ["quoted"])
    Thread.objects.bulk_update(solved, ["solution"])
    PostRevision.objects.bulk_create(revisions)
