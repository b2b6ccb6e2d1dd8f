"""Plausible Danish names and addresses, built from word parts (no real organisation's name)."""

import numpy as np

_PREFIXES = np.array(
    "Eng Sø Skov Bakke Hede Lunde Birke Ege Rose Kilde Mølle Strand Toft Vang Fjord Ager Bøge "
    "Hyld Lærke Solsikke Kastanje Pile Ahorn Lyng Mose Kløver Syren Hvede Havre Rug".split()
)
_SUFFIXES = np.array(
    "parken gården haven bakken vænget højen toften lunden huse hegnet engen marken "
    "stien ly tofte gårde".split()
)
_ORG_KINDS = np.array(
    [
        "Boligselskabet",
        "Boligforeningen",
        "Den almene boligorganisation",
        "Den selvejende institution",
        "Arbejdernes Boligforening",
        "Boligkontoret",
    ]
)
_STREETS = np.array("vej gade allé stræde vænge".split())


def words(rng, n):
    """n compound place-like words, e.g. 'Engparken'."""
    return np.char.add(rng.choice(_PREFIXES, n), rng.choice(_SUFFIXES, n))


def organisation_names(rng, n):
    """n names such as 'Boligforeningen Lærkebakken'."""
    return np.char.add(np.char.add(rng.choice(_ORG_KINDS, n), " "), words(rng, n))


def estate_names(rng, n):
    return words(rng, n)


def addresses(rng, n):
    streets = np.char.add(rng.choice(_PREFIXES, n), rng.choice(_STREETS, n))
    numbers = rng.integers(1, 120, n).astype(str)
    return np.char.add(np.char.add(streets, " "), numbers)
