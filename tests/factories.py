"""factory_boy factories with deterministic sequences: each test builds the records it needs.

Every factory creates what its record depends on (a source section, a world region, a territory),
so no test relies on the document facts; only the facts tests load those (tests/conftest.py).
"""

import factory

from portal.core.translation import column, languages, translated_fields
from relations import models as relations
from trade import models as trade


class BilingualFactory(factory.django.DjangoModelFactory):
    """A text given once (``title="…"``) is written in Italian and in English, as the loader and
    the admin expect of a complete record; a test of one missing language names its column
    (``title_en="…"``)."""

    class Meta:
        abstract = True

    @classmethod
    def _adjust_kwargs(cls, **kwargs):
        for field in translated_fields(cls._meta.model):
            if field in kwargs:
                text = kwargs.pop(field)
                for language in languages():
                    kwargs.setdefault(column(field, language), text)
        return kwargs


class SourceFactory(BilingualFactory):
    class Meta:
        model = relations.Source
        django_get_or_create = ("slug",)

    title = "Test source"
    slug = "test-source"


class SourceSectionFactory(BilingualFactory):
    class Meta:
        model = relations.SourceSection
        django_get_or_create = ("source", "slug")

    source = factory.SubFactory(SourceFactory)
    title = "Test section"
    slug = "test-section"


class WorldRegionFactory(BilingualFactory):
    class Meta:
        model = relations.WorldRegion
        django_get_or_create = ("slug",)

    name = "East Asia"
    slug = "east-asia"


class SourcedFactory(BilingualFactory):
    source_section = factory.SubFactory(SourceSectionFactory)
    is_published = True


class CountryFactory(SourcedFactory):
    class Meta:
        model = relations.Country

    name = factory.Sequence(lambda n: f"Country {n:05d}")
    slug = factory.Sequence(lambda n: f"country-{n:05d}")
    iso_code = "ZZ"
    world_region = factory.SubFactory(WorldRegionFactory)


class GroupingFactory(CountryFactory):
    kind = relations.Country.Kind.GROUPING
    iso_code = ""


class PartnerFactory(SourcedFactory):
    class Meta:
        model = relations.Partner

    name = factory.Sequence(lambda n: f"Partner {n:05d}")
    slug = factory.Sequence(lambda n: f"partner-{n:05d}")
    kind = relations.Partner.Kind.CITY
    country = factory.SubFactory(CountryFactory)


class OrganisationFactory(SourcedFactory):
    class Meta:
        model = relations.Organisation

    name = factory.Sequence(lambda n: f"Organisation {n:05d}")
    slug = factory.Sequence(lambda n: f"organisation-{n:05d}")
    kind = relations.Organisation.Kind.ASSOCIATION
    side = relations.Organisation.Side.EMILIA_ROMAGNA


class DomainFactory(BilingualFactory):
    class Meta:
        model = relations.Domain

    name = factory.Sequence(lambda n: f"Domain {n:05d}")
    slug = factory.Sequence(lambda n: f"domain-{n:05d}")


class AgreementFactory(SourcedFactory):
    class Meta:
        model = relations.Agreement
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Agreement {n:05d}")
    slug = factory.Sequence(lambda n: f"agreement-{n:05d}")
    kind = relations.Agreement.Kind.MEMORANDUM_OF_UNDERSTANDING
    date_year = factory.Sequence(lambda n: 1990 + n % 30)

    @factory.post_generation
    def partners(self, create, extracted, **kwargs):
        if create and extracted:
            self.partners.set(extracted)

    @factory.post_generation
    def domains(self, create, extracted, **kwargs):
        if create and extracted:
            self.domains.set(extracted)

    @factory.post_generation
    def countries(self, create, extracted, **kwargs):
        if create and extracted:
            self.countries.set(extracted)


class SignatoryFactory(BilingualFactory):
    class Meta:
        model = relations.Signatory

    agreement = factory.SubFactory(AgreementFactory)
    side = relations.Signatory.Side.EUROPEAN
    organisation = factory.SubFactory(OrganisationFactory)


class MilestoneFactory(SourcedFactory):
    class Meta:
        model = relations.Milestone
        skip_postgeneration_save = True

    title = factory.Sequence(lambda n: f"Milestone {n:05d}")
    slug = factory.Sequence(lambda n: f"milestone-{n:05d}")
    kind = relations.Milestone.Kind.VISIT
    date_year = factory.Sequence(lambda n: 1990 + n % 30)

    @factory.post_generation
    def partners(self, create, extracted, **kwargs):
        if create and extracted:
            self.partners.set(extracted)

    @factory.post_generation
    def countries(self, create, extracted, **kwargs):
        if create and extracted:
            self.countries.set(extracted)


class NetworkFactory(SourcedFactory):
    class Meta:
        model = relations.Network

    name = factory.Sequence(lambda n: f"Network {n:05d}")
    slug = factory.Sequence(lambda n: f"network-{n:05d}")


class TerritoryFactory(BilingualFactory):
    class Meta:
        model = trade.Territory
        django_get_or_create = ("slug",)

    name = "Emilia-Romagna Region"
    slug = "emilia-romagna-region"


class FigureFactory(SourcedFactory):
    class Meta:
        model = trade.Figure

    label = factory.Sequence(lambda n: f"Figure {n:05d}")
    slug = factory.Sequence(lambda n: f"figure-{n:05d}")
    measure = "A synthetic measure"
    value = 10
    unit = trade.Figure.Unit.PERCENT
    territory = factory.SubFactory(TerritoryFactory)
    end_year = 2015


class StrategyFactory(SourcedFactory):
    class Meta:
        model = trade.Strategy

    name = factory.Sequence(lambda n: f"Strategy {n:05d}")
    slug = factory.Sequence(lambda n: f"strategy-{n:05d}")
    owner = factory.SubFactory(OrganisationFactory)
    start_year = 2021
    end_year = 2025
