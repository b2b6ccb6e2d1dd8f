from .guidance import GuidanceIndexPage, GuidancePage
from .news import NewsIndexPage, NewsPage
from .publications import PublicationAttachment, PublicationIndexPage, PublicationPage
from .topics import Topic

__all__ = [
    "GuidanceIndexPage",
    "GuidancePage",
    "NewsIndexPage",
    "NewsPage",
    "PublicationAttachment",
    "PublicationIndexPage",
    "PublicationPage",
    "Topic",
]
