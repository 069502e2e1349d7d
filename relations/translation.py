"""Which fields of the relations models exist in Italian and English (django-modeltranslation).

Each field listed here gets a column per language in its own table (``title_it``, ``title_en``):
no join, no extra query. Reading ``agreement.title`` gives the text in the active language, or
in the other one when it is missing (``portal.core.translation`` says which, for the notice).

History is registered here, after the translated columns exist, so that every version keeps
both languages (a ``HistoricalRecords()`` attribute in the model would be built before them).
"""

from modeltranslation.translator import TranslationOptions, register

from portal.core.translation import register_history

from .models import (
    Agreement,
    Country,
    Domain,
    Milestone,
    Network,
    NetworkMembership,
    Organisation,
    Partner,
    Signatory,
    Source,
    SourceSection,
    WorldRegion,
)

IMAGE_TEXT = ("image_alt", "image_credit")


@register(Source)
class SourceTranslation(TranslationOptions):
    fields = ("title", "description", "publisher")


@register(SourceSection)
class SourceSectionTranslation(TranslationOptions):
    fields = ("title", "lead", "note")


@register(WorldRegion)
class WorldRegionTranslation(TranslationOptions):
    fields = ("name",)


@register(Country)
class CountryTranslation(TranslationOptions):
    fields = ("name", "official_name", "short_name", "lead", "summary", "note", *IMAGE_TEXT)


@register(Partner)
class PartnerTranslation(TranslationOptions):
    fields = ("name", "location", "story", "note", *IMAGE_TEXT)


@register(Organisation)
class OrganisationTranslation(TranslationOptions):
    fields = ("name", "description", "note")


@register(Network)
class NetworkTranslation(TranslationOptions):
    fields = ("name", "description", "note")


@register(NetworkMembership)
class NetworkMembershipTranslation(TranslationOptions):
    fields = ("field", "note")


@register(Domain)
class DomainTranslation(TranslationOptions):
    fields = ("name",)


@register(Agreement)
class AgreementTranslation(TranslationOptions):
    fields = ("title", "summary", "note", "date_in_source")


@register(Signatory)
class SignatoryTranslation(TranslationOptions):
    fields = ("represented_by",)


@register(Milestone)
class MilestoneTranslation(TranslationOptions):
    fields = ("title", "summary", "note", "date_in_source", *IMAGE_TEXT)


register_history(Source, SourceSection, WorldRegion, Partner, Organisation, Network)
register_history(Country, m2m_fields=["lead_sources"])
register_history(NetworkMembership, Domain, Signatory)
register_history(Agreement, m2m_fields=["partners", "countries", "domains"], excluded_fields=["date_sort"])
register_history(
    Milestone, m2m_fields=["partners", "countries", "organisations", "networks"], excluded_fields=["date_sort"]
)
