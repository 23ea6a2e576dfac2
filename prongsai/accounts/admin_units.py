"""Admin screens for the organisation tree (R20). Only administrators hold unit permissions
(see role_permissions.py), so only they see and edit these screens."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import Case, IntegerField, When
from django.shortcuts import redirect
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet

from . import services
from .models import Unit
from .selectors import units_in_tree_order


class UnitIndexView(generic.IndexView):
    def order_queryset(self, queryset):
        # Tree order (parent, then its children) unless a column header was clicked.
        if self.request.GET.get("ordering"):
            return super().order_queryset(queryset)
        positions = [
            When(pk=unit.pk, then=index) for index, unit in enumerate(units_in_tree_order())
        ]
        if not positions:
            return queryset
        return queryset.order_by(
            Case(*positions, default=len(positions), output_field=IntegerField())
        )


class UnitDeleteView(generic.DeleteView):
    def form_valid(self, form):
        try:
            services.delete_unit(self.object, by=self.request.user)
        except ValidationError as error:
            for message in error.messages:
                messages.error(self.request, message)
            return redirect(self.get_success_url())
        messages.success(self.request, _("ลบหน่วยงาน “%(name)s” แล้ว") % {"name": self.object})
        return redirect(self.get_success_url())


class UnitViewSet(ModelViewSet):
    model = Unit
    icon = "group"
    menu_label = _("หน่วยงานภายใน")
    menu_order = 250
    add_to_settings_menu = True
    url_prefix = "units"
    index_view_class = UnitIndexView
    delete_view_class = UnitDeleteView
    search_fields = ["name", "name_en", "code"]
    list_filter = ["kind"]
    list_display = [
        TitleColumn("tree_label", label=_("หน่วยงาน"), url_name="accounts_unit:edit"),
        Column("kind", label=_("ประเภท"), accessor="get_kind_display"),
        Column("parent", label=_("สังกัด")),
        Column("head", label=_("หัวหน้าหน่วยงาน"), accessor="head_label"),
        Column("publishers", label=_("ผู้เผยแพร่ประจำหน่วยงาน"), accessor="publishers_label"),
    ]
    panels = [
        FieldRowPanel([FieldPanel("name"), FieldPanel("code")]),
        FieldPanel("name_en"),
        FieldRowPanel([FieldPanel("kind"), FieldPanel("parent")]),
        FieldPanel("head"),
        FieldPanel("publishers"),
    ]


unit_viewset = UnitViewSet("accounts_unit")
