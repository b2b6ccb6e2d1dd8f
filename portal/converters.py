"""The `id` path converter: a database id, or no match (404) when no row could have it.

Django's `int` converter takes any number of digits; 2**63 and up then fail in the database
(SQLite cannot bind them; a page's id is compared through a relation Django does not guard) and
the request ends in a 500 instead of a 404.
"""

from django.urls.converters import IntConverter

LARGEST_ID = 2**63 - 1  # PostgreSQL's bigint and SQLite's INTEGER


class DatabaseIdConverter(IntConverter):
    regex = "[0-9]{1,19}"

    def to_python(self, value):
        number = int(value)
        if number > LARGEST_ID:
            raise ValueError("beyond any database id")
        return number
