from .access_requests import AccessRequest, Invitation
from .audit import AuditEvent
from .media import PortalDocument, PortalImage, PortalRendition
from .mfa import UsedTOTPCode
from .municipalities import Municipality, MunicipalityDomain, Region
from .pages import BasePage, HomePage, StandardPage
from .settings import FooterSettings
from .users import NotificationFrequency, User, Workplace

__all__ = [
    "AccessRequest",
    "AuditEvent",
    "BasePage",
    "FooterSettings",
    "HomePage",
    "Invitation",
    "Municipality",
    "MunicipalityDomain",
    "NotificationFrequency",
    "PortalDocument",
    "PortalImage",
    "PortalRendition",
    "Region",
    "StandardPage",
    "UsedTOTPCode",
    "User",
    "Workplace",
]
