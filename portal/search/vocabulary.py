"""The index's own vocabulary, from which "Mente du" suggests corrections."""

import difflib
from collections import Counter

from django.db.models import Q

from portal.search import analysis
from portal.search.models import IndexedWord

# Words shorter than this are not corrected (and not worth keeping): "kr", "nr", years.
MIN_LENGTH = 4
MAX_LENGTH = 64
# How alike a correction must be (difflib's ratio): "dispositonsfond" → "dispositionsfond".
CLOSENESS = 0.8


def _vocabulary_words(text):
    return Counter(
        w for w in analysis.words(text) if MIN_LENGTH <= len(w) <= MAX_LENGTH and not w.isdigit()
    )


def add_text(text):
    """Add the words of newly indexed text; words already known are left as they are."""
    counts = _vocabulary_words(text)
    IndexedWord.objects.bulk_create(
        [IndexedWord(word=w, occurrences=n) for w, n in counts.items()], ignore_conflicts=True
    )


def rebuild(texts):
    """Replace the vocabulary by the words of all indexed texts, counted."""
    counts = Counter()
    for text in texts:
        counts.update(_vocabulary_words(text))
    IndexedWord.objects.all().delete()
    IndexedWord.objects.bulk_create(
        [IndexedWord(word=w, occurrences=n) for w, n in counts.items()], batch_size=2000
    )


def unknown(words):
    """The words of which the vocabulary holds no form (no word sharing its stem)."""
    candidates = [w for w in words if len(w) >= MIN_LENGTH and not w.isdigit()]
    if not candidates:
        return []
    matches = Q()
    for word in candidates:
        matches |= Q(word__startswith=analysis.stem(word))
    known_words = IndexedWord.objects.filter(matches).values_list("word", flat=True)
    known_stems = {analysis.stem(w) for w in known_words}
    return [w for w in candidates if not set(analysis.word_stems(w)) <= known_stems]


def corrections(words):
    """For each word, the closest word of the vocabulary, most frequent first among equals."""
    found = {}
    for word in words:
        nearby = IndexedWord.objects.filter(
            Q(word__startswith=word[:2]) | Q(word__endswith=word[-3:]),
            word__regex=rf"^.{{{max(len(word) - 2, 1)},{len(word) + 2}}}$",
        ).values_list("word", "occurrences")
        frequency = dict(nearby)
        close = difflib.get_close_matches(word, frequency, n=5, cutoff=CLOSENESS)
        if close:
            found[word] = max(
                close,
                key=lambda w: (difflib.SequenceMatcher(None, word, w).ratio(), frequency[w]),
            )
    return found


def compound_splits(words):
    """For each word that is two known words run together ("nøgletalsflag"), the two words.

    Known are the vocabulary's words and the domain word list's; a linking s or e may join them.
    The split with the longest first part wins.
    """
    candidates = {w: list(_two_parts(w)) for w in words}
    pieces = {piece for splits in candidates.values() for split in splits for piece in split}
    known = set(IndexedWord.objects.filter(word__in=pieces).values_list("word", flat=True))
    known |= pieces & set(analysis.domain_words())
    found = {}
    for word, splits in candidates.items():
        for head, tail in splits:
            if head in known and tail in known:
                found[word] = f"{head} {tail}"
                break
    return found


def _two_parts(word):
    for end in range(len(word) - 3, 2, -1):
        head, tail = word[:end], word[end:]
        yield head, tail
        if tail[0] in "se" and len(tail) > 3:
            yield head, tail[1:]
