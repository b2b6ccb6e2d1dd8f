from .events import (
    EventIndexPage,
    EventPage,
    EventQuestion,
    EventRegistration,
    EventSession,
    Speaker,
)
from .guidance import GuidanceIndexPage, GuidancePage
from .news import NewsIndexPage, NewsPage
from .publications import PublicationAttachment, PublicationIndexPage, PublicationPage
from .topics import Topic

__all__ = [
    "EventIndexPage",
    "EventPage",
    "EventQuestion",
    "EventRegistration",
    "EventSession",
    "GuidanceIndexPage",
    "GuidancePage",
    "NewsIndexPage",
    "NewsPage",
    "PublicationAttachment",
    "PublicationIndexPage",
    "PublicationPage",
    "Speaker",
    "Topic",
]
