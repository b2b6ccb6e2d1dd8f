"""Understand what the reader typed and find the best matches in any indexed queryset."""

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Term:
    """A word, or several words that must stand together when `phrase` is true."""

    text: str
    phrase: bool = False


@dataclass(frozen=True)
class ParsedQuery:
    """What the reader asked for: every unit is required, a unit is met by any of its terms
    (`a OR b`), and no result may contain an excluded term (`-word`, `-"two words"`)."""

    units: tuple[tuple[Term, ...], ...] = ()
    excluded: tuple[Term, ...] = ()

    def __bool__(self):
        return bool(self.units)


@dataclass
class SearchOutcome:
    """Results in relevance order (a sliceable sequence), their number, a "Mente du" text
    when the query was corrected, and how the query was relaxed (None when it was not)."""

    results: object = field(default_factory=list)
    count: int = 0
    suggestion: str | None = None
    relaxed: str | None = None
    promoted: list = field(default_factory=list)


def parse(text) -> ParsedQuery:
    raise NotImplementedError


def search(queryset, text, *, boost_title=True) -> SearchOutcome:
    raise NotImplementedError
