"""Forms sent twice make one write: a form carries a SubmissionToken (portal.forms), the row it
makes keeps the token under a unique constraint, and a second sending finds the first row."""

from django.db import IntegrityError, transaction


class AlreadySubmitted(Exception):
    """The same form was sent again; `first` is what its first sending saved."""

    def __init__(self, first):
        super().__init__(first)
        self.first = first


def create_once(model, token, *, unique_with=(), **fields):
    """Create a `model` row keeping `token` as its submission_token; when a row of that token
    (and the same `unique_with` fields) exists, raise AlreadySubmitted with it instead."""
    try:
        with transaction.atomic():
            return model.objects.create(submission_token=token, **fields)
    except IntegrityError:
        lookup = {name: fields[name] for name in unique_with}
        first = token and model.objects.filter(submission_token=token, **lookup).first()
        if not first:
            raise
        raise AlreadySubmitted(first) from None
