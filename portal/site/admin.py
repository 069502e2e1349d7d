"""The one admin the site composes from two apps: a country with its trade figures and profile.

(The admin site itself, its look and order, is in admin_site.py: this module imports the apps'
admin modules, which need the site to exist first.)"""

from django.contrib import admin
from django.contrib.admin.options import IS_POPUP_VAR
from django.contrib.auth.admin import GroupAdmin, UserAdmin
from django.contrib.auth.models import Group, User
from django.core.exceptions import PermissionDenied
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin

from portal.core.admin import PrintableTextForm
from portal.core.admin_grammar import GrammaticalMessagesMixin
from portal.core.grammar import FEMININE
from relations.admin import CountryAdmin
from relations.models import Country
from trade.admin import CountryFigureInline, CountryTradeProfileInline

from .models import InfoPage, PageRating
from .ratings import rating_report


@admin.register(Country)
class CountryWithTradeAdmin(CountryAdmin):
    """The country form with its figures and trade profile: relations' admin, plus trade's inlines."""

    inlines = [*CountryAdmin.inlines, CountryTradeProfileInline, CountryFigureInline]


@admin.register(InfoPage)
class InfoPageAdmin(GrammaticalMessagesMixin, TranslationAdmin):
    """The footer's pages: editors change their texts; the set of pages is fixed."""

    italian_gender = FEMININE  # «pagina informativa»
    form = PrintableTextForm

    list_display = ["title", "kind", "updated"]
    fields = ["title", "body"]

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(PageRating)
class PageRatingAdmin(admin.ModelAdmin):
    """'Was this page useful?': a report of the answers per page, the least useful first."""

    change_list_template = "admin/page_rating_report.html"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return request.user.is_superuser

    def changelist_view(self, request, extra_context=None):
        if not self.has_view_permission(request):
            raise PermissionDenied
        context = {
            **self.admin_site.each_context(request),
            "title": _("Was this page useful? Answers per page"),
            "opts": self.model._meta,
            "page_obj": (pages := rating_report(request.GET.get("page", 1))),
            "pages": pages,
        }
        return TemplateResponse(request, self.change_list_template, context)


# Django's own admins of users and groups, their messages in grammatical Italian too («L'utente …»).
admin.site.unregister(User)
admin.site.unregister(Group)


@admin.register(User)
class PortalUserAdmin(GrammaticalMessagesMixin, UserAdmin):
    def response_add(self, request, obj, post_url_continue=None):
        """As UserAdmin does: after adding a user the form opens again (a user has more fields than
        the add form), so the message says so."""
        if "_addanother" not in request.POST and IS_POPUP_VAR not in request.POST:
            request.POST = request.POST.copy()
            request.POST["_continue"] = 1
        return super().response_add(request, obj, post_url_continue)


@admin.register(Group)
class PortalGroupAdmin(GrammaticalMessagesMixin, GroupAdmin):
    pass
