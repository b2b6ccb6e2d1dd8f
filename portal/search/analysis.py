"""Danish text analysis, done the same way when indexing and when querying, on every backend.

A word is lower-cased and stemmed with the Snowball Danish stemmer; a compound made of words of
the domain word list also yields its parts ("dispositionsfondsbidrag" gives "dispositionsfond"
and "bidrag"). Indexing stores these stems in an extra field (`index.analysed_field`), so the
SQLite backend, which stems nothing, finds "regnskabet" for "regnskaber" as PostgreSQL does.
"""

import functools
import re
from pathlib import Path

import snowballstemmer

DATA = Path(__file__).parent / "data"

WORD = re.compile(r"\w+")

# Words that say nothing about the subject: Snowball's Danish stop words and the question words
# and verbs of a question ("hvornår skal regnskabet indsendes" is about "regnskab" and "indsende").
STOP_WORDS = frozenset(
    """
    af alle andet andre at betyder betyde blev blive bliver da de dem den denne der deres det dette dig din dine
    disse dit dog du efter eller en end er et for fra gør gøre ham han hans har have havde hende
    hendes her hos hun hvad hvem hvilke hvilken hvis hvor hvordan hvorfor hvornår i ikke ind jeg
    jer jo kan kunne man mange med meget men mig min mine mit mod må ned noget nogle nu når og
    også om op os over på sådan selv sig sin sine sit skal skulle som til ud under var vi vil
    ville vor vores være været
    """.split()
)

# Linking letters between the parts of a compound: "tilsyn-s-rapport", "husleje-stigning".
_LINKS = ("s", "e", "")
_MIN_PART = 3

_stemmer = snowballstemmer.stemmer("danish")


def words(text):
    """The words of a text, lower-cased, in order."""
    return WORD.findall(text.lower())


@functools.lru_cache(maxsize=50_000)
def stem(word):
    return _stemmer.stemWord(word.lower())


@functools.cache
def domain_words():
    """The domain word list (base forms), read once."""
    lines = (DATA / "domain_words.txt").read_text(encoding="utf-8").splitlines()
    return tuple(line.strip() for line in lines if line.strip() and not line.startswith("#"))


@functools.cache
def _domain_stems():
    return frozenset(stem(word) for word in domain_words())


@functools.cache
def _domain_set():
    return frozenset(domain_words())


@functools.lru_cache(maxsize=50_000)
def compound_parts(word):
    """The domain words a compound is made of, or () when it is not one.

    The word is split into the fewest known parts, each but the last optionally followed by a
    linking letter; the last part may be inflected ("bidragene"), so it is compared by its stem.
    """
    word = word.lower()
    best = _split(word, 0)
    return tuple(best) if best and len(best) > 1 else ()


def _split(word, start):
    rest = word[start:]
    if len(rest) >= _MIN_PART and (rest in _domain_set() or stem(rest) in _domain_stems()):
        return [rest]
    best = None
    for end in range(len(word) - _MIN_PART, start + _MIN_PART - 1, -1):
        part = word[start:end]
        if part not in _domain_set():
            continue
        for link in _LINKS:
            if not word.startswith(link, end):
                continue
            tail = _split(word, end + len(link))
            if tail and (best is None or len(tail) + 1 < len(best)):
                best = [part, *tail]
    return best


def word_stems(word):
    """The stems a word is indexed and searched under: its own and its compound parts'."""
    return (stem(word), *(stem(part) for part in compound_parts(word)))


def analyse(text):
    """The text as the index's extra field holds it: every word's stems, space-separated."""
    return " ".join(s for word in words(text) for s in word_stems(word))


def content_words(text):
    """The words of a query that carry meaning: stop words dropped, unless nothing else is left."""
    found = words(text)
    meaningful = [w for w in found if w not in STOP_WORDS]
    return meaningful or found
