import datetime

from django.contrib import admin, messages
from django.db import models as db_models
from django.db.models import Count
from django.template.loader import render_to_string
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from portal.core import maps
from portal.core.admin import LinkTabularInline, PortalModelAdmin, PortalStackedInline, PortalTabularInline
from portal.core.grammar import FEMININE

from . import models
from .lifecycle import review_reasons

PREVIEW_SYMBOL = maps.Symbol("circle", "#0059b3")
SOURCE_FIELDSET = (_("Source"), {"fields": ["source_section", "note", "internal_note"]})
IMAGE_FIELDSET = (
    _("Image"),
    {"classes": ["collapse"], "fields": ["image", "image_alt", "image_is_decorative", "image_credit"]},
)
DATE_FIELDSET = (
    _("Date, as precisely as the source gives it"),
    {"fields": [("date_year", "date_month", "date_day"), "date_qualifier"]},
)


class DecadeFilter(admin.SimpleListFilter):
    """Partial dates have no date hierarchy; filter by decade (or undated) instead."""

    title = _("decade")
    parameter_name = "decade"

    def lookups(self, request, model_admin):
        decades = [(str(decade), _("%(decade)ds") % {"decade": decade}) for decade in range(2020, 1970, -10)]
        return [*decades, ("none", _("No date"))]

    def queryset(self, request, queryset):
        value = self.value()
        if value == "none":
            return queryset.filter(date_year__isnull=True)
        if value and value.isdigit():
            return queryset.filter(date_year__gte=int(value), date_year__lt=int(value) + 10)
        return queryset


class SourceSectionInline(PortalTabularInline):
    model = models.SourceSection
    italian_gender = FEMININE  # «sezione»
    extra = 0
    fields = ["title", "slug", "position", "lead"]
    prepopulated_fields = {"slug": ["title"]}


@admin.register(models.Source)
class SourceAdmin(PortalModelAdmin):
    list_display = ["title", "slug", "position"]
    search_fields = ["title", "description"]
    formfield_overrides = {db_models.URLField: {"assume_scheme": "https"}}
    prepopulated_fields = {"slug": ["title"]}
    inlines = [SourceSectionInline]


@admin.register(models.SourceSection)
class SourceSectionAdmin(PortalModelAdmin):
    italian_gender = FEMININE  # «sezione»
    list_display = ["title", "source", "position"]
    list_filter = ["source"]
    list_select_related = ["source"]
    search_fields = ["title", "source__title", "lead"]
    autocomplete_fields = ["source"]


@admin.register(models.WorldRegion)
class WorldRegionAdmin(PortalModelAdmin):
    italian_gender = FEMININE  # «area del mondo»
    list_display = ["name", "parent"]
    list_select_related = ["parent"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["parent"]


@admin.register(models.Domain)
class DomainAdmin(PortalModelAdmin):
    list_display = ["name", "agreement_count"]
    search_fields = ["name"]
    prepopulated_fields = {"slug": ["name"]}

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(agreement_total=Count("agreements"))

    @admin.display(description=_("agreements"), ordering="agreement_total")
    def agreement_count(self, domain):
        return domain.agreement_total


class PartnerInline(admin.TabularInline):
    model = models.Partner
    extra = 0
    fields = ["name", "kind", "is_published"]
    readonly_fields = ["name", "kind", "is_published"]
    show_change_link = True
    can_delete = False

    def has_add_permission(self, request, obj=None):
        return False


class CountryMilestoneInline(LinkTabularInline):
    model = models.Milestone.countries.through
    italian_gender = FEMININE  # «tappa»
    extra = 0
    autocomplete_fields = ["milestone"]
    verbose_name = _("milestone concerning this country")
    verbose_name_plural = _("milestones concerning this country")


class CountryAdmin(PortalModelAdmin):
    """Registered by the site (portal/site/admin.py), with trade's inlines added."""

    list_display = ["name", "kind", "world_region", "iso_code", "is_published", "updated_at"]
    list_filter = ["is_published", "kind", "world_region"]
    list_select_related = ["world_region"]
    search_fields = ["name", "official_name", "native_name", "iso_code"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["world_region", "members", "source_section"]
    fieldsets = [
        (None, {"fields": ["name", "slug", "kind", "is_published", "world_region", "summary"]}),
        (
            _("Names and codes"),
            {"fields": ["official_name", "short_name", "native_name", "native_name_language", "iso_code", "members"]},
        ),
        IMAGE_FIELDSET,
        SOURCE_FIELDSET,
    ]
    inlines = [PartnerInline, CountryMilestoneInline]


@admin.register(models.Organisation)
class OrganisationAdmin(PortalModelAdmin):
    italian_gender = FEMININE  # «organizzazione»
    list_display = ["name", "kind", "side", "country", "is_published", "updated_at"]
    list_filter = ["is_published", "side", "kind", "country"]
    list_select_related = ["country"]
    search_fields = ["name", "description"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["country", "source_section"]
    fieldsets = [
        (None, {"fields": ["name", "slug", "kind", "side", "country", "is_published", "description"]}),
        SOURCE_FIELDSET,
    ]


class PartnerMilestoneInline(LinkTabularInline):
    model = models.Milestone.partners.through
    italian_gender = FEMININE  # «tappa»
    extra = 0
    autocomplete_fields = ["milestone"]
    verbose_name = _("milestone with this partner")
    verbose_name_plural = _("milestones with this partner")


class NetworkMembershipInline(PortalTabularInline):
    model = models.NetworkMembership
    italian_gender = FEMININE  # «adesione»
    extra = 0
    autocomplete_fields = ["network", "organisation", "partner", "source_section"]
    fields = ["network", "organisation", "partner", "field", "source_section", "note", "internal_note"]


class PartnerMembershipInline(NetworkMembershipInline):
    fields = ["network", "field", "source_section", "note", "internal_note"]
    fk_name = "partner"


@admin.register(models.Partner)
class PartnerAdmin(PortalModelAdmin):
    list_display = ["name", "native_name", "kind", "country", "is_published", "updated_at"]
    list_filter = ["is_published", "kind", "country"]
    list_select_related = ["country"]
    search_fields = ["name", "native_name", "location", "country__name"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["country", "source_section"]
    fieldsets = [
        (None, {"fields": ["name", "slug", "kind", "country", "is_published", "story"]}),
        (
            _("Local name and location"),
            {
                "fields": [
                    "native_name",
                    "native_name_language",
                    "location",
                    ("latitude", "longitude"),
                    "position_on_map",
                ]
            },
        ),
        IMAGE_FIELDSET,
        SOURCE_FIELDSET,
    ]
    readonly_fields = ["position_on_map"]
    inlines = [PartnerMilestoneInline, PartnerMembershipInline]

    @admin.display(description=_("on the map"))
    def position_on_map(self, partner):
        """The saved point on a map of its country, or why the partner is not on the maps."""
        if partner.pk is None or partner.latitude is None or partner.longitude is None:
            return _("No coordinates: the partner is not on the maps. Give its latitude and longitude to place it.")
        longitude, latitude = float(partner.longitude), float(partner.latitude)
        if not maps.in_asia(longitude, latitude):
            return _(
                "These coordinates (latitude %(latitude)s, longitude %(longitude)s) fall outside the map of Asia, so "
                "the partner is not on the maps: check them (latitude first, east longitudes positive)."
            ) % {"latitude": partner.latitude, "longitude": partner.longitude}
        marker = maps.Marker(
            longitude, latitude, partner.name, partner.name, partner.get_absolute_url(), PREVIEW_SYMBOL
        )
        extent = maps.country_extent({partner.country.iso_code}) or maps.ASIA
        title = _("%(partner)s on the map of %(country)s") % {"partner": partner.name, "country": partner.country}
        return render_to_string(
            "admin/relations/partner/map_preview.html",
            {"view": maps.draw(extent, [marker], {partner.country.iso_code}, labels=True), "title": title},
        )


class SignatoryInline(PortalStackedInline):
    """Stacked, so that the agreement's form fits a 1,280 px screen: the three party fields,
    of which one is filled, side by side under the side and the representative."""

    model = models.Signatory
    extra = 1
    autocomplete_fields = ["organisation", "partner", "country"]
    fieldsets = [
        (None, {"fields": [("side", "level", "represented_by")]}),
        (
            _("Who signed: fill one of the three"),
            {
                "fields": [("organisation", "partner", "country")],
                "description": _(
                    "An organisation (the Region, a municipality, an association, the European Union…); a partner "
                    "city or province, for its government; or a country, for its national government."
                ),
            },
        ),
    ]


@admin.register(models.Agreement)
class AgreementAdmin(PortalModelAdmin):
    # Fits 1,280 px beside the navigation (the kind is in the title and its filter)
    list_display = ["title", "date_display", "status", "partner_names", "is_published", "updated_at"]
    list_filter = ["is_published", "kind", "status", "renewal", DecadeFilter, "domains", "partners__country"]
    search_fields = ["title", "summary", "partners__name"]
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = [
        "partners",
        "countries",
        "domains",
        "source_section",
        "status_source",
        "entry_into_force_source",
        "term_source",
        "revises",
        "superseded_by",
    ]
    fieldsets = [
        (None, {"fields": ["title", "slug", "kind", "is_published", "summary"]}),
        DATE_FIELDSET,
        (_("Who and what"), {"fields": ["partners", "countries", "domains"]}),
        SOURCE_FIELDSET,
        (
            _("Life of the agreement"),
            {
                "fields": [
                    ("status", "status_source", "status_confirmed_on"),
                    ("entered_into_force_on", "entry_into_force_source"),
                    ("term_years", "renewal", "ends_on", "term_source"),
                    ("revises", "superseded_by"),
                ],
                "description": _(
                    "Fill only what a source states, and name that source; what is left empty is shown to "
                    "visitors as “not stated”. Confirm the status from time to time: the report of agreements "
                    "to review lists those not confirmed recently."
                ),
            },
        ),
    ]
    inlines = [SignatoryInline]
    change_form_template = "admin/relations/agreement/change_form.html"
    actions = [*PortalModelAdmin.actions, "confirm_status"]

    @admin.action(description=_("Confirm the status of the selected agreements as of today"), permissions=["change"])
    def confirm_status(self, request, queryset):
        """After checking the agreements' status with the parties: one click, history kept. An
        agreement whose status no source states has nothing to confirm: it is skipped and stays on
        the review list, and the message says so."""
        today = datetime.date.today()
        confirmed = skipped = 0
        for agreement in queryset:
            if not agreement.status_is_stated:
                skipped += 1
                continue
            agreement.status_confirmed_on = today
            agreement.save(update_fields=["status_confirmed_on", "updated_at"])
            confirmed += 1
        if confirmed:
            message = ngettext(
                "The status of %(count)d agreement is confirmed as of today.",
                "The status of %(count)d agreements is confirmed as of today.",
                confirmed,
            )
            self.message_user(request, message % {"count": confirmed}, messages.SUCCESS)
        if skipped:
            message = ngettext(
                "%(count)d agreement has no stated status, so nothing was confirmed for it: give its status "
                "and its source first.",
                "%(count)d agreements have no stated status, so nothing was confirmed for them: give their "
                "status and its source first.",
                skipped,
            )
            self.message_user(request, message % {"count": skipped}, messages.WARNING)

    def change_view(self, request, object_id, form_url="", extra_context=None):
        """The record's page warns its editors of what the review report would list it for."""
        agreement = self.get_object(request, object_id)
        extra_context = {**(extra_context or {}), "review_reasons": review_reasons(agreement) if agreement else []}
        return super().change_view(request, object_id, form_url, extra_context)

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("partners")

    @admin.display(description=_("date"), ordering="date_year")
    def date_display(self, agreement):
        return agreement.date_display

    @admin.display(description=_("partners"))
    def partner_names(self, agreement):
        return ", ".join(partner.name for partner in agreement.partners.all())


@admin.register(models.Milestone)
class MilestoneAdmin(PortalModelAdmin):
    italian_gender = FEMININE  # «tappa»
    list_display = ["title", "kind", "date_display", "is_published", "updated_at"]
    list_filter = ["is_published", "kind", DecadeFilter, "countries"]
    search_fields = ["title", "summary", "partners__name"]
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["partners", "countries", "organisations", "networks", "source_section"]
    fieldsets = [
        (None, {"fields": ["title", "slug", "kind", "is_published", "summary"]}),
        DATE_FIELDSET,
        (_("Who and where"), {"fields": ["partners", "countries", "organisations", "networks"]}),
        IMAGE_FIELDSET,
        SOURCE_FIELDSET,
    ]

    @admin.display(description=_("date"), ordering="date_year")
    def date_display(self, milestone):
        return milestone.date_display


@admin.register(models.Network)
class NetworkAdmin(PortalModelAdmin):
    italian_gender = FEMININE  # «rete»
    list_display = ["name", "is_published", "updated_at"]
    list_filter = ["is_published"]
    search_fields = ["name", "description"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["source_section"]
    inlines = [NetworkMembershipInline]


@admin.register(models.Signatory)
class SignatoryAdmin(PortalModelAdmin):
    list_display = ["agreement", "side", "party_name", "level", "represented_by"]
    list_filter = ["side", "level"]
    list_select_related = ["agreement", "organisation", "partner", "country"]
    search_fields = ["agreement__title", "organisation__name", "partner__name", "country__name", "represented_by"]
    autocomplete_fields = ["agreement", "organisation", "partner", "country"]

    @admin.display(description=_("party"))
    def party_name(self, signatory):
        return signatory.party


@admin.register(models.NetworkMembership)
class NetworkMembershipAdmin(PortalModelAdmin):
    italian_gender = FEMININE  # «adesione»
    list_display = ["network", "member_name", "field"]
    list_filter = ["network"]
    list_select_related = ["network", "organisation", "partner"]
    search_fields = ["organisation__name", "partner__name", "field"]
    autocomplete_fields = ["network", "organisation", "partner", "source_section"]

    @admin.display(description=_("member"))
    def member_name(self, membership):
        return membership.party
