from django.apps import AppConfig


class SitepagesConfig(AppConfig):
    name = "prongsai.sitepages"
    label = "sitepages"

    def ready(self):
        from .collection_privacy import register_policies

        register_policies()

        from prongsai.core import windowedges

        from .models.documents import document_window_edge

        # A document's window opening or closing is an edge for everything kept (R30).
        windowedges.register(document_window_edge)
