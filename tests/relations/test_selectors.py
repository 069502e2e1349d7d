"""The reads behind the relations pages, tested directly: exact results, what is excluded, the order."""

import pytest

from portal.core.dates import DateQualifier
from relations import selectors
from relations.models import Agreement, Milestone
from tests.factories import (
    AgreementFactory,
    CountryFactory,
    GroupingFactory,
    MilestoneFactory,
    OrganisationFactory,
    PartnerFactory,
    SignatoryFactory,
)


@pytest.mark.django_db
def test_a_country_page_lists_what_concerns_it_and_its_partners_only():
    china, japan = CountryFactory(), CountryFactory()
    chongqing, nagoya = PartnerFactory(country=china), PartnerFactory(country=japan)
    with_partner = AgreementFactory(partners=[chongqing])
    with_country = AgreementFactory(countries=[china])
    AgreementFactory(partners=[nagoya])
    AgreementFactory(partners=[chongqing], is_published=False)
    page = selectors.country_page(country=china)
    assert set(page["agreements"]) == {with_partner, with_country}
    assert page["partners"] == [chongqing]
    assert page["member_agreements"] == []


@pytest.mark.django_db
def test_a_grouping_lists_its_members_agreements_apart_from_its_own():
    vietnam = CountryFactory()
    asean = GroupingFactory()
    asean.members.set([vietnam])
    own = AgreementFactory(countries=[asean])
    members = AgreementFactory(partners=[PartnerFactory(country=vietnam)])
    own_event = MilestoneFactory(countries=[asean])
    member_event = MilestoneFactory(countries=[vietnam])
    page = selectors.country_page(country=asean)
    assert page["agreements"] == [own]
    assert page["member_agreements"] == [members]
    assert page["milestones"] == [own_event]
    assert page["member_milestones"] == [member_event]
    assert page["members"] == [vietnam]


@pytest.mark.django_db
def test_a_grouping_page_shows_its_members_agreements_under_their_own_heading(client):
    vietnam = CountryFactory()
    asean = GroupingFactory(name="ASEAN")
    asean.members.set([vietnam])
    members = AgreementFactory(partners=[PartnerFactory(country=vietnam)])
    content = client.get(asean.get_absolute_url()).content.decode()
    own_story = content.split('<section id="story"', 1)[1].split("</section>", 1)[0]
    member_section = content.split('<section id="member-story"', 1)[1].split("</section>", 1)[0]
    assert members.get_absolute_url() not in own_story
    assert "No agreements or milestones concerning ASEAN as a whole published yet." in own_story
    assert members.get_absolute_url() in member_section
    assert "The story of its member countries" in member_section
    assert "for this country" not in content


def dated(**fields):
    return {"date_year": None, "date_month": None, "date_day": None, "date_qualifier": "", **fields}


@pytest.fixture
def dated_agreements(db):
    """Agreements of every kind of date, made in an order that is none of the orders tested."""
    return {
        "bare year": AgreementFactory(**dated(date_year=2015)),
        "undated": AgreementFactory(**dated()),
        "day": AgreementFactory(**dated(date_year=2015, date_month=3, date_day=28)),
        "recent": AgreementFactory(**dated(date_qualifier=DateQualifier.RECENTLY)),
        "older": AgreementFactory(**dated(date_year=1989)),
        "month": AgreementFactory(**dated(date_year=2015, date_month=11)),
    }


def test_newest_first_puts_recent_but_undated_first_and_the_undated_last(dated_agreements):
    order = [dated_agreements[name] for name in ("recent", "month", "day", "bare year", "older", "undated")]
    assert list(Agreement.objects.chronological(descending=True)) == order


def test_oldest_first_puts_recent_after_every_date_and_the_undated_last(dated_agreements):
    order = [dated_agreements[name] for name in ("older", "bare year", "day", "month", "recent", "undated")]
    assert list(Agreement.objects.chronological()) == order
    timeline = selectors.timeline()
    assert [entry.pk for entry in timeline[0:10]] == [agreement.pk for agreement in order]


def test_latest_lists_leave_out_only_the_undated(dated_agreements):
    assert dated_agreements["undated"] not in Agreement.objects.dated()
    assert Agreement.objects.dated().count() == 5


@pytest.mark.django_db
def test_the_timeline_merges_agreements_and_milestones_by_date_and_filters_by_period():
    early = MilestoneFactory(**dated(date_year=1981))
    middle = AgreementFactory(**dated(date_year=2013))
    late = MilestoneFactory(**dated(date_year=2021, date_month=3, date_day=28))
    MilestoneFactory(**dated(date_year=2020), is_published=False)
    assert [(e.entry_type, e.pk) for e in selectors.timeline()[0:10]] == [
        ("milestone", early.pk),
        ("agreement", middle.pk),
        ("milestone", late.pk),
    ]
    assert [e.pk for e in selectors.timeline(year_from=2000, year_to=2015)[0:10]] == [middle.pk]


@pytest.mark.django_db
def test_a_partner_page_lists_its_records_and_the_organisations_it_works_with():
    partner = PartnerFactory()
    agreement = AgreementFactory(partners=[partner])
    signer = SignatoryFactory(agreement=agreement).organisation
    OrganisationFactory()  # not involved
    milestone = MilestoneFactory(partners=[partner])
    page = selectors.partner_page(partner=partner)
    assert page["agreements"] == [agreement]
    assert page["milestones"] == [milestone]
    assert page["organisations"] == [signer]


@pytest.mark.django_db
def test_an_organisation_page_lists_the_agreements_it_signed_once_each():
    organisation = OrganisationFactory()
    agreement = AgreementFactory()
    SignatoryFactory(agreement=agreement, organisation=organisation)
    SignatoryFactory(agreement=agreement, organisation=OrganisationFactory(), side="asian")
    AgreementFactory()
    page = selectors.organisation_page(organisation=organisation)
    assert page["agreements"] == [agreement]
    assert Milestone.objects.count() == 0


def test_a_year_range_holds_the_records_dated_in_it_and_never_the_undated(dated_agreements):
    def names(queryset):
        return {name for name, agreement in dated_agreements.items() if agreement in queryset}

    assert names(Agreement.objects.in_years(2015, 2015)) == {"bare year", "day", "month"}
    assert names(Agreement.objects.in_years(year_to=1989)) == {"older"}
    assert names(Agreement.objects.in_years(year_from=1990)) == {"bare year", "day", "month"}
    assert names(Agreement.objects.in_years(2016, None)) == set()
