"""Posting as a person does (through network.posting), so notifications are made as in use."""

import uuid

from network import posting


def post_thread(user, group, body="Hvordan gør I?", title="Et spørgsmål"):
    return posting.start_thread(user, group, title=title, body=body, token=uuid.uuid4())


def post_reply(user, thread, body="Sådan gør vi."):
    return posting.reply(user, thread, body=body, token=uuid.uuid4())
