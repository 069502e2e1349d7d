import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from relations.models import Agreement, Country, Organisation, Partner, Signatory
from tests.factories import AgreementFactory, PartnerFactory


@pytest.mark.django_db
def test_published_excludes_drafts():
    draft = PartnerFactory(is_published=False)
    public = PartnerFactory()
    published = set(Partner.objects.published())
    assert public in published
    assert draft not in published


@pytest.mark.django_db
def test_every_public_model_has_a_working_absolute_url():
    assert Partner.objects.get(slug="chongqing").get_absolute_url() == "/partners/chongqing/"
    assert Country.objects.get(slug="japan").get_absolute_url() == "/countries/japan/"
    assert Agreement.objects.get(slug="emilia-romagna-shandong-agreement").get_absolute_url() == (
        "/agreements/emilia-romagna-shandong-agreement/"
    )
    assert Organisation.objects.get(slug="tokyo-soteria").get_absolute_url() == "/organisations/tokyo-soteria/"


@pytest.mark.django_db
def test_duplicate_slug_is_refused_by_validation_and_by_the_database():
    partner = PartnerFactory.build(slug="chongqing")
    with pytest.raises(ValidationError) as raised:
        partner.full_clean()
    assert "slug" in raised.value.message_dict
    with pytest.raises(IntegrityError), transaction.atomic():
        partner.save()


@pytest.mark.django_db
def test_signatory_is_exactly_one_party():
    agreement = AgreementFactory()
    partner = Partner.objects.get(slug="chongqing")
    organisation = Organisation.objects.get(slug="municipality-of-bologna")
    both = Signatory(agreement=agreement, side="european", organisation=organisation, partner=partner)
    with pytest.raises(ValidationError, match="exactly one party"):
        both.clean()
    with pytest.raises(IntegrityError, match="signatory_exactly_one_party"), transaction.atomic():
        both.save()
    with pytest.raises(IntegrityError), transaction.atomic():
        Signatory.objects.create(agreement=agreement, side="asian")


@pytest.mark.django_db
def test_partner_belongs_to_a_country_not_a_grouping():
    partner = PartnerFactory.build(country=Country.objects.get(slug="asean"))
    with pytest.raises(ValidationError) as raised:
        partner.full_clean()
    assert raised.value.message_dict["country"] == ["A partner belongs to a country, not to a grouping."]


@pytest.mark.django_db
def test_partner_needs_both_coordinates_or_neither():
    partner = PartnerFactory.build(latitude=10)
    with pytest.raises(ValidationError) as raised:
        partner.full_clean()
    assert raised.value.message_dict["longitude"] == ["Give both latitude and longitude, or neither."]


@pytest.mark.django_db
def test_asian_organisation_needs_a_country():
    organisation = Organisation(
        name="X", slug="x", kind="association", side="asia", source_section_id=Partner.objects.first().source_section_id
    )
    with pytest.raises(ValidationError) as raised:
        organisation.full_clean()
    assert raised.value.message_dict["country"] == ["An Asian organisation needs its country."]
