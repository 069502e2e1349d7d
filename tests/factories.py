"""factory_boy factories with deterministic sequences, for tests that need more than the seed data."""

import factory

from relations import models as relations
from trade import models as trade


def seed_section():
    return relations.SourceSection.objects.get(source__slug="emilia-romagna-and-asia", slug="china")


class CountryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = relations.Country

    name = factory.Sequence(lambda n: f"Country {n:05d}")
    slug = factory.Sequence(lambda n: f"country-{n:05d}")
    iso_code = "ZZ"
    world_region = factory.LazyFunction(lambda: relations.WorldRegion.objects.get(slug="east-asia"))
    source_section = factory.LazyFunction(seed_section)
    is_published = True


class PartnerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = relations.Partner

    name = factory.Sequence(lambda n: f"Partner {n:05d}")
    slug = factory.Sequence(lambda n: f"partner-{n:05d}")
    kind = relations.Partner.Kind.CITY
    country = factory.LazyFunction(lambda: relations.Country.objects.get(slug="china"))
    source_section = factory.LazyFunction(seed_section)
    is_published = True


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = relations.Organisation

    name = factory.Sequence(lambda n: f"Organisation {n:05d}")
    slug = factory.Sequence(lambda n: f"organisation-{n:05d}")
    kind = relations.Organisation.Kind.ASSOCIATION
    side = relations.Organisation.Side.EMILIA_ROMAGNA
    source_section = factory.LazyFunction(seed_section)
    is_published = True


class AgreementFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = relations.Agreement

    title = factory.Sequence(lambda n: f"Agreement {n:05d}")
    slug = factory.Sequence(lambda n: f"agreement-{n:05d}")
    kind = relations.Agreement.Kind.MEMORANDUM_OF_UNDERSTANDING
    date_year = factory.Sequence(lambda n: 1990 + n % 30)
    source_section = factory.LazyFunction(seed_section)
    is_published = True


class MilestoneFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = relations.Milestone

    title = factory.Sequence(lambda n: f"Milestone {n:05d}")
    slug = factory.Sequence(lambda n: f"milestone-{n:05d}")
    kind = relations.Milestone.Kind.VISIT
    date_year = factory.Sequence(lambda n: 1990 + n % 30)
    source_section = factory.LazyFunction(seed_section)
    is_published = True


class FigureFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = trade.Figure

    label = factory.Sequence(lambda n: f"Figure {n:05d}")
    slug = factory.Sequence(lambda n: f"figure-{n:05d}")
    measure = "A synthetic measure"
    value = 10
    unit = trade.Figure.Unit.PERCENT
    territory = factory.LazyFunction(lambda: trade.Territory.objects.get(slug="emilia-romagna-region"))
    end_year = 2015
    source_section = factory.LazyFunction(seed_section)
    is_published = True
