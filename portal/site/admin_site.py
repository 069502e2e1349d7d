"""The editors' admin site: its look, the content in the order editors think of it, each
editor's language, and the list of what is missing a translation."""

from django.apps import apps
from django.conf import settings
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from portal.core.translation import describe_missing, missing_translations, translated_fields, untranslated

from .forms import EditorLanguageForm
from .models import EditorSettings

MISSING_TRANSLATIONS_SHOWN = 100  # records listed per model; the changelist's filter has them all

# The admin index in the order editors think of the content, not alphabetical.
ADMIN_ORDER = {
    "relations": [
        "Agreement",
        "Milestone",
        "Partner",
        "Country",
        "Organisation",
        "Network",
        "Source",
        "Domain",
    ],
    "trade": ["Figure", "TradeProfile", "Strategy"],
    "site": ["InfoPage", "PageRating"],
    "auth": ["User", "Group"],
}
# Records editors reach through their parents (a signatory in its agreement's form, a source
# section in its source's), or that only an administrator looks at: listed apart, at the foot
# of the index, not among the content.
INTERNAL_MODELS = {
    "relations": ["Signatory", "NetworkMembership", "SourceSection", "WorldRegion"],
    "trade": ["StrategyTarget", "Territory"],
    "axes": ["AccessAttempt", "AccessFailureLog", "AccessLog"],
}


class PortalAdminSite(admin.AdminSite):
    site_header = _("Emilia-Romagna & Asia — editors")
    # No navigation column beside every page: at 1,280 px it left the agreement list 630 pixels,
    # its last columns cut. The home page and the breadcrumbs lead to every list.
    enable_nav_sidebar = False
    site_title = _("Emilia-Romagna & Asia admin")
    index_title = _("Content of the portal")

    def get_urls(self):
        return [
            path("language/", self.admin_view(self.editor_language), name="editor-language"),
            path("translations/", self.admin_view(self.missing_translations), name="missing-translations"),
            path("stale-figures/", self.admin_view(self.stale_figures), name="stale-figures"),
            path("agreements-to-review/", self.admin_view(self.agreements_to_review), name="agreements-to-review"),
            *super().get_urls(),
        ]

    def editor_language(self, request):
        """The editor chooses the language the admin speaks to them."""
        preference = EditorSettings.objects.filter(user=request.user).first() or EditorSettings(user=request.user)
        form = EditorLanguageForm(request.POST or None, instance=preference)
        if request.method == "POST" and form.is_valid():
            form.save()
            with translation.override(preference.language):  # the next page speaks it: so does the message
                messages.success(
                    request, _("The admin now speaks %(language)s.") % {"language": preference.get_language_display()}
                )
            return redirect("admin:index")
        context = {**self.each_context(request), "title": _("Language of the admin"), "form": form}
        return TemplateResponse(request, "admin/editor_language.html", context)

    def missing_translations(self, request):
        """Every record with a text in one language and not the other, model by model."""
        sections = []
        for model in apps.get_models():
            if model not in self._registry or not translated_fields(model):
                continue
            if not self._registry[model].has_view_or_change_permission(request):
                continue
            records = model._default_manager.filter(untranslated(model)).order_by("pk")
            count = records.count()
            if not count:
                continue
            changelist = reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist")
            sections.append(
                {
                    "label": model._meta.verbose_name_plural,
                    "count": count,
                    "changelist": f"{changelist}?translation=missing",
                    "rows": [
                        {
                            "record": record,
                            "url": reverse(
                                f"admin:{model._meta.app_label}_{model._meta.model_name}_change", args=[record.pk]
                            ),
                            "missing": describe_missing(model, missing_translations(record)),
                        }
                        for record in records[:MISSING_TRANSLATIONS_SHOWN]
                    ],
                }
            )
        context = {**self.each_context(request), "title": _("Missing translations"), "sections": sections}
        return TemplateResponse(request, "admin/missing_translations.html", context)

    def stale_figures(self, request):
        """Figures older than the freshness limit or without a year, the oldest first: what to update."""
        from trade.models import Figure, stale_before

        if not request.user.has_perm("trade.view_figure"):
            raise PermissionDenied
        figures = Figure.objects.stale().select_related("source_section__source")
        context = {
            **self.each_context(request),
            "title": _("Figures to update"),
            "figures": figures,
            "fresh_from": stale_before(),
        }
        return TemplateResponse(request, "admin/stale_figures.html", context)

    def agreements_to_review(self, request):
        """Agreements whose renewal or end is near (or past), or whose status wants confirming."""
        from relations.lifecycle import agreements_to_review

        if not request.user.has_perm("relations.view_agreement"):
            raise PermissionDenied
        context = {
            **self.each_context(request),
            "title": _("Agreements to review"),
            "rows": agreements_to_review(),
            "notice_months": settings.PORTAL_AGREEMENT_NOTICE_MONTHS,
            "confirm_years": settings.PORTAL_AGREEMENT_CONFIRM_YEARS,
        }
        return TemplateResponse(request, "admin/agreements_to_review.html", context)

    def get_app_list(self, request, app_label=None):
        app_list = super().get_app_list(request, app_label)
        app_rank = {label: rank for rank, label in enumerate(ADMIN_ORDER)}
        app_list.sort(key=lambda app: app_rank.get(app["app_label"], len(app_rank)))
        internal = []
        for app in app_list:
            order = ADMIN_ORDER.get(app["app_label"], [])
            app["models"].sort(
                key=lambda model: order.index(model["object_name"]) if model["object_name"] in order else len(order)
            )
            if app_label is None:  # the index; an app's own page still lists all its models
                hidden = INTERNAL_MODELS.get(app["app_label"], [])
                internal += [model for model in app["models"] if model["object_name"] in hidden]
                app["models"] = [model for model in app["models"] if model["object_name"] not in hidden]
        app_list = [app for app in app_list if app["models"]]
        if internal:
            app_list.append(
                {
                    "name": _("Reached from their parents, and administration"),
                    "app_label": "internal",
                    "app_url": reverse("admin:index"),
                    "has_module_perms": True,
                    "models": internal,
                }
            )
        return app_list
