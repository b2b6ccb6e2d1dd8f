"""Demo content for the guidance section, written by the team for the demo portal."""

from .events import load_events
from .guidance_pages import load_guidance
from .news import load_news
from .pages import load_pages
from .publications import load_publications
from .structure import load_structure


def load(home):
    """Load the guidance demo content under `home`; safe to run again."""
    sections = load_structure(home)
    load_guidance(sections.guidance)
    load_news(sections.news)
    load_publications(sections.publications)
    load_events(sections.events)
    load_pages(home)
