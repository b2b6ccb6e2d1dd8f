"""Limit/offset pagination with a hard ceiling: a too large limit is an error, not a surprise."""

from ninja import Field, Schema
from ninja.pagination import LimitOffsetPagination

MAX_LIMIT = 500
# Far beyond any list the API serves, and within every database's integer range: a larger offset
# is a validation error, not a 500 from the database.
MAX_OFFSET = 100_000_000


class Pagination(LimitOffsetPagination):
    class Input(Schema):
        limit: int = Field(100, ge=1, le=MAX_LIMIT)
        offset: int = Field(0, ge=0, le=MAX_OFFSET)
