"""Public page types: one family per category of the Government Website Standard (R1–R11)."""

from .agency import AgencyIndexPage, AgencyInfoPage, ContactPage, Executive, ExecutiveDirectoryPage
from .documents import AgencyDocument
from .home import HomePage
from .knowledge import KnowledgeIndexPage, KnowledgePage
from .laws import LawIndexPage, LawPage
from .links import LinkCollectionPage, LinkIndexPage, WebLink
from .manuals import (
    OperationsManualIndexPage,
    OperationsManualPage,
    ServiceManualIndexPage,
    ServiceManualPage,
)
from .misc import (
    CIOPage,
    EServiceIndexPage,
    EServicePage,
    SitemapPage,
    StandardPage,
    StatisticsPage,
)
from .news import EventCalendarPage, EventPage, GalleryPage, NewsIndexPage, NewsPage
from .oia import OIAIndexPage, OIAItemPage
from .policies import PolicyKind, PolicyPage

__all__ = [
    "AgencyDocument",
    "AgencyIndexPage",
    "AgencyInfoPage",
    "CIOPage",
    "ContactPage",
    "EServiceIndexPage",
    "EServicePage",
    "EventCalendarPage",
    "EventPage",
    "Executive",
    "ExecutiveDirectoryPage",
    "GalleryPage",
    "HomePage",
    "KnowledgeIndexPage",
    "KnowledgePage",
    "LawIndexPage",
    "LawPage",
    "LinkCollectionPage",
    "LinkIndexPage",
    "NewsIndexPage",
    "NewsPage",
    "OIAIndexPage",
    "OIAItemPage",
    "PolicyKind",
    "PolicyPage",
    "OperationsManualIndexPage",
    "OperationsManualPage",
    "ServiceManualIndexPage",
    "ServiceManualPage",
    "SitemapPage",
    "StandardPage",
    "StatisticsPage",
    "WebLink",
]
