from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from portal.core.admin import PortalModelAdmin, PortalStackedInline, PortalTabularInline
from portal.core.grammar import FEMININE
from relations.admin import SOURCE_FIELDSET

from . import models


@admin.register(models.Territory)
class TerritoryAdmin(PortalModelAdmin):
    list_display = ["name", "position"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}


@admin.register(models.Figure)
class FigureAdmin(PortalModelAdmin):
    list_display = ["label", "value_display", "period_display", "country", "territory", "is_featured", "is_published"]
    list_filter = ["is_published", "is_featured", "unit", "flow", "country", "territory"]
    list_select_related = ["country", "territory"]
    search_fields = ["label", "measure", "sector", "country__name"]
    prepopulated_fields = {"slug": ["label"]}
    autocomplete_fields = ["territory", "country", "world_region", "source_section"]
    fieldsets = [
        (None, {"fields": ["label", "slug", "measure", "is_published", "is_featured", "position"]}),
        (_("The number"), {"fields": [("qualifier", "value", "unit"), "flow", "sector"]}),
        (_("Where"), {"fields": ["territory", "country", "world_region"]}),
        (_("When"), {"fields": [("start_year", "end_year"), "is_year_not_stated"]}),
        SOURCE_FIELDSET,
    ]

    @admin.display(description=_("value"), ordering="value")
    def value_display(self, figure):
        return figure.value_display

    @admin.display(description=_("year or period"), ordering="end_year")
    def period_display(self, figure):
        return figure.period_display


@admin.register(models.TradeProfile)
class TradeProfileAdmin(PortalModelAdmin):
    list_display = ["__str__", "country", "is_published", "updated_at"]
    list_filter = ["is_published"]
    list_select_related = ["country"]
    search_fields = ["country__name", "summary"]
    autocomplete_fields = ["country", "source_section"]


class StrategyTargetInline(PortalTabularInline):
    model = models.StrategyTarget
    extra = 0
    autocomplete_fields = ["country", "source_section"]


@admin.register(models.Strategy)
class StrategyAdmin(PortalModelAdmin):
    italian_gender = FEMININE  # «strategia»
    list_display = ["name", "owner", "start_year", "end_year", "is_published"]
    list_filter = ["is_published"]
    list_select_related = ["owner"]
    search_fields = ["name", "description"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["owner", "source_section"]
    inlines = [StrategyTargetInline]


@admin.register(models.StrategyTarget)
class StrategyTargetAdmin(PortalModelAdmin):
    list_display = ["strategy", "country", "emphasis"]
    list_select_related = ["strategy", "country"]
    search_fields = ["strategy__name", "country__name", "emphasis"]
    autocomplete_fields = ["strategy", "country", "source_section"]


class CountryFigureInline(admin.TabularInline):
    model = models.Figure
    fk_name = "country"
    extra = 0
    fields = ["label", "value", "unit", "end_year", "is_published"]
    readonly_fields = fields
    show_change_link = True
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


class CountryTradeProfileInline(PortalStackedInline):
    model = models.TradeProfile
    extra = 0
    fields = ["slug", "summary", "is_published", "source_section", "note", "internal_note"]
    autocomplete_fields = ["source_section"]
