"""Demo content for the guidance section, written by the team for the demo portal."""

from .structure import load_structure


def load(home):
    """Load the guidance demo content under `home`."""
    load_structure(home)
