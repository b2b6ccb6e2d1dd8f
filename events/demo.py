"""Registrations made by the demo loaders of conferences and network meetings alike."""

from events import registration


def register_without_email(users, event, answers=()):
    """Register the users in order, skipping those already registered; no confirmations are
    e-mailed, so the demo's worker has none to print."""
    for account in users:
        if registration.active_registration(account, event) is None:
            registration.register(account, event, answers=answers, email=False)
