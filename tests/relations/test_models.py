"""The relations models: publishing, addresses, natural keys and the rules that keep data sound."""

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from relations.models import Country, Domain, NetworkMembership, Organisation, Partner, Signatory, SourceSection
from tests.factories import (
    AgreementFactory,
    CountryFactory,
    GroupingFactory,
    NetworkFactory,
    OrganisationFactory,
    PartnerFactory,
    SourceSectionFactory,
)


@pytest.mark.django_db
def test_published_excludes_drafts():
    draft = PartnerFactory(is_published=False)
    public = PartnerFactory()
    assert list(Partner.objects.filter(pk__in=[draft.pk, public.pk]).published()) == [public]


@pytest.mark.django_db
def test_every_public_model_has_its_address():
    partner = PartnerFactory(slug="wuhan")
    assert partner.get_absolute_url() == "/en/partners/wuhan/"
    assert partner.country.get_absolute_url() == f"/en/countries/{partner.country.slug}/"
    assert AgreementFactory(slug="an-accord").get_absolute_url() == "/en/agreements/an-accord/"
    assert OrganisationFactory(slug="a-body").get_absolute_url() == "/en/organisations/a-body/"
    assert NetworkFactory(slug="a-network").get_absolute_url() == "/en/networks/a-network/"


@pytest.mark.django_db
def test_natural_keys_name_records_by_slug_and_links_by_the_slugs_they_link():
    section = SourceSectionFactory()
    assert section.natural_key() == ("test-source", "test-section")
    assert SourceSection.objects.get_by_natural_key("test-source", "test-section") == section
    network, partner = NetworkFactory(slug="net"), PartnerFactory(slug="city")
    membership = NetworkMembership.objects.create(
        network=network, partner=partner, field="Music", source_section=section
    )
    assert membership.natural_key() == ("net", "", "city")
    assert NetworkMembership.objects.get_by_natural_key("net", "", "city") == membership
    assert Country.objects.get_by_natural_key(partner.country.slug) == partner.country


@pytest.mark.django_db
def test_duplicate_slug_is_refused_by_validation_and_by_the_database():
    PartnerFactory(slug="wuhan")
    partner = PartnerFactory.build(slug="wuhan", country=CountryFactory(), source_section=SourceSectionFactory())
    with pytest.raises(ValidationError) as raised:
        partner.full_clean()
    assert "slug" in raised.value.message_dict
    with pytest.raises(IntegrityError), transaction.atomic():
        partner.save()


@pytest.mark.django_db
def test_signatory_is_exactly_one_party():
    agreement = AgreementFactory()
    both = Signatory(agreement=agreement, side="european", organisation=OrganisationFactory(), partner=PartnerFactory())
    with pytest.raises(ValidationError, match="exactly one party"):
        both.full_clean()
    with pytest.raises(IntegrityError, match="signatory_exactly_one_party"), transaction.atomic():
        both.save()
    with pytest.raises(IntegrityError), transaction.atomic():
        Signatory.objects.create(agreement=agreement, side="asian")
    one = Signatory.objects.create(agreement=agreement, side="asian", partner=PartnerFactory(name="Wuhan"))
    assert one.party.name == "Wuhan"
    assert str(one) == "Wuhan"


@pytest.mark.django_db
def test_a_network_member_is_an_organisation_or_a_partner():
    network = NetworkFactory()
    neither = NetworkMembership(network=network, field="Music", source_section=SourceSectionFactory())
    with pytest.raises(ValidationError, match="either an organisation or a partner"):
        neither.full_clean()
    with pytest.raises(IntegrityError, match="networkmembership_exactly_one_member"), transaction.atomic():
        neither.save()


@pytest.mark.django_db
def test_partner_belongs_to_a_country_not_a_grouping():
    partner = PartnerFactory.build(country=GroupingFactory(), source_section=SourceSectionFactory())
    with pytest.raises(ValidationError) as raised:
        partner.full_clean()
    assert raised.value.message_dict["country"] == ["A partner belongs to a country, not to a grouping."]


@pytest.mark.django_db
def test_partner_needs_both_coordinates_or_neither():
    partner = PartnerFactory.build(latitude=10, country=CountryFactory(), source_section=SourceSectionFactory())
    with pytest.raises(ValidationError) as raised:
        partner.full_clean()
    assert raised.value.message_dict["longitude"] == ["Give both latitude and longitude, or neither."]


@pytest.mark.django_db
def test_asian_organisation_needs_a_country():
    organisation = OrganisationFactory.build(side="asia", source_section=SourceSectionFactory())
    with pytest.raises(ValidationError) as raised:
        organisation.full_clean()
    assert raised.value.message_dict["country"] == ["An Asian organisation needs its country."]


@pytest.mark.django_db
def test_a_country_needs_its_iso_code_and_a_grouping_none():
    country = CountryFactory.build(
        iso_code="", world_region=CountryFactory().world_region, source_section=SourceSectionFactory()
    )
    with pytest.raises(ValidationError) as raised:
        country.full_clean()
    assert raised.value.message_dict["iso_code"] == ["A country needs its two-letter ISO code."]
    assert Organisation.objects.count() == 0


@pytest.mark.django_db
def test_a_domain_name_is_unique_in_each_language_and_its_history_keeps_every_version():
    music = Domain.objects.create(name_it="Musica", name_en="Music", slug="music")
    music.save()  # a second version with the same names
    assert music.history.count() == 2
    twin = Domain(name_it="Musica", name_en="Music (other)", slug="music-2")
    with pytest.raises(ValidationError) as refused:
        twin.full_clean()
    assert list(refused.value.message_dict) == ["name_it"]
    with pytest.raises(IntegrityError, match="name_it"), transaction.atomic():
        twin.save()
