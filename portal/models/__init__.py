from .media import PortalDocument, PortalImage, PortalRendition
from .pages import BasePage, HomePage, StandardPage
from .settings import FooterSettings
from .users import User

__all__ = [
    "BasePage",
    "FooterSettings",
    "HomePage",
    "PortalDocument",
    "PortalImage",
    "PortalRendition",
    "StandardPage",
    "User",
]
