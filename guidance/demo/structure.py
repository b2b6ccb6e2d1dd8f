"""The sections of the demo portal under the home page, from `content/sections.yaml`."""

from dataclasses import dataclass, fields

from guidance.models import EventIndexPage, GuidanceIndexPage, NewsIndexPage, PublicationIndexPage
from portal.demo import child

from . import content_files


@dataclass
class Sections:
    guidance: GuidanceIndexPage
    news: NewsIndexPage
    publications: PublicationIndexPage
    events: EventIndexPage


def load_structure(home):
    """Each section, created when missing; its page model is the field's type above."""
    models = {field.name: field.type for field in fields(Sections)}
    return Sections(
        **{
            name: child(home, models[name], page.pop("slug"), show_in_menus=True, **page)
            for name, page in content_files.data("sections.yaml").items()
        }
    )
