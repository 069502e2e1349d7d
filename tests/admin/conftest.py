"""The records the admin tests edit: one of every model editors change, made with the factories."""

import pytest

from relations.models import NetworkMembership, Signatory
from tests.factories import (
    AgreementFactory,
    CountryFactory,
    DomainFactory,
    FigureFactory,
    GroupingFactory,
    MilestoneFactory,
    NetworkFactory,
    OrganisationFactory,
    PartnerFactory,
    SourceFactory,
    SourceSectionFactory,
    StrategyFactory,
    TerritoryFactory,
    WorldRegionFactory,
)
from trade.models import StrategyTarget, TradeProfile


@pytest.fixture(autouse=True)
def editorial_records(db):
    section = SourceSectionFactory(
        source=SourceFactory(slug="business-and-asia", title="Business & Asia"), slug="japan"
    )
    WorldRegionFactory(slug="east-asia")
    japan = CountryFactory(name="Japan", slug="japan", iso_code="JP", source_section=section)
    china = CountryFactory(name="China", slug="china", iso_code="CN", source_section=section)
    asean = GroupingFactory(name="ASEAN", slug="asean", source_section=section)
    fair = OrganisationFactory(name="Bologna Fair", slug="bologna-fair", source_section=section)
    bologna = OrganisationFactory(name="Municipality of Bologna", slug="municipality-of-bologna")
    nagoya = PartnerFactory(name="Nagoya", slug="nagoya", country=japan, location="Aichi")
    hamamatsu = PartnerFactory(name="Hamamatsu", slug="hamamatsu", country=japan)
    seongnam = PartnerFactory(name="Seongnam", slug="seongnam", country=CountryFactory(slug="republic-of-korea"))
    PartnerFactory(name="Chongqing", slug="chongqing", country=china)
    music = DomainFactory(name="Music", slug="music")
    agreement = AgreementFactory(
        title="Memorandum of Understanding between Bologna and Seongnam",
        slug="bologna-seongnam-memorandum-of-understanding",
        date_year=2015,
        partners=[seongnam],
        domains=[DomainFactory(slug="smart-cities")],
    )
    Signatory.objects.create(agreement=agreement, side="european", organisation=bologna)
    Signatory.objects.create(agreement=agreement, side="asian", partner=seongnam)
    AgreementFactory(slug="bologna-chongqing-cooperation-agreement", domains=[music])
    MilestoneFactory(slug="bologna-fair-towers-by-kenzo-tange", date_year=None, summary="Towers.")
    network = NetworkFactory(slug="unesco-creative-cities-network", description="A network.")
    NetworkMembership.objects.create(
        network=network,
        partner=hamamatsu,
        field_it="Città della musica",
        field_en="City of Music",
        source_section=section,
    )
    TerritoryFactory(name="City of Bologna", slug="city-of-bologna")
    FigureFactory(slug="exports-to-japan", country=japan, unit="currency-not-stated", value=916000000)
    FigureFactory(
        slug="growth-of-imports-from-china", country=china, unit="percent-change", start_year=2010, end_year=2019
    )
    FigureFactory(slug="share-of-exports-to-asia", value=14.6)
    TradeProfile.objects.create(
        country=japan,
        slug="japan",
        summary_it="Commercio.",
        summary_en="Trade.",
        source_section=section,
        is_published=True,
    )
    strategy = StrategyFactory(slug="go-global-2021-2025", owner=bologna, description="A plan.")
    StrategyTarget.objects.create(
        strategy=strategy,
        country=asean,
        emphasis_it="Cruciale",
        emphasis_en="Pivotal",
        source_section=section,
    )
    return {"nagoya": nagoya, "music": music, "fair": fair}
