"""Demo content for the guidance section, written by the team for the demo portal."""

from .guidance_pages import load_guidance
from .structure import load_structure


def load(home):
    """Load the guidance demo content under `home`; safe to run again."""
    sections = load_structure(home)
    load_guidance(sections.guidance)
