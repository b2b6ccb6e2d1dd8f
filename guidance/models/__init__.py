from .events import (
    AbstractRegistration,
    EventIndexPage,
    EventPage,
    EventRegistration,
    EventSession,
    RegistrableEvent,
    RegistrationStatus,
    Speaker,
)
from .guidance import GuidanceIndexPage, GuidancePage
from .news import NewsIndexPage, NewsPage
from .publications import PublicationAttachment, PublicationIndexPage, PublicationPage
from .topics import Topic

__all__ = [
    "AbstractRegistration",
    "EventIndexPage",
    "EventPage",
    "EventRegistration",
    "EventSession",
    "GuidanceIndexPage",
    "GuidancePage",
    "NewsIndexPage",
    "NewsPage",
    "PublicationAttachment",
    "PublicationIndexPage",
    "PublicationPage",
    "RegistrableEvent",
    "RegistrationStatus",
    "Speaker",
    "Topic",
]
