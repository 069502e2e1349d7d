"""An agreement's life: the rules that always hold, its next renewal or end, the editors' review
report and warning, the visitors' status and level filters, and the life on the agreement's page."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.test import override_settings

from relations.lifecycle import add_months, agreements_to_review, life_of, next_due, review_reasons
from relations.models import Agreement, Signatory
from tests.factories import AgreementFactory, CountryFactory, OrganisationFactory, PartnerFactory, SourceSectionFactory

TODAY = datetime.date(2026, 12, 2)


def violates(constraint, **fields):
    """True if saving an agreement with ``fields`` breaks the named database constraint."""
    agreement = AgreementFactory()
    for name, value in fields.items():
        setattr(agreement, name, value)
    try:
        with transaction.atomic():
            agreement.save()
    except IntegrityError as error:
        assert constraint, f"an unexpected refusal: {error}"
        return constraint in str(error)
    return False


@pytest.mark.django_db
@pytest.mark.parametrize(
    "constraint, fields",
    [
        (
            "agreement_ends_after_entry_into_force",
            {"entered_into_force_on": datetime.date(2020, 1, 1), "ends_on": datetime.date(2019, 1, 1)},
        ),
        ("agreement_superseded_names_successor", {"status": Agreement.Status.SUPERSEDED}),
        ("agreement_renewal_needs_term", {"renewal": Agreement.Renewal.AUTOMATIC}),
    ],
)
def test_the_database_refuses_a_life_that_cannot_be(constraint, fields):
    assert violates(constraint, **fields)


@pytest.mark.django_db
def test_a_successor_makes_an_agreement_superseded_and_only_then():
    successor = AgreementFactory()
    assert not violates("", status=Agreement.Status.SUPERSEDED, superseded_by=successor)
    assert violates("agreement_superseded_names_successor", superseded_by=successor)  # status still not stated


@pytest.mark.django_db
def test_a_lifecycle_source_needs_its_fact():
    section = SourceSectionFactory()
    assert violates("agreement_entry_into_force_source_needs_date", entry_into_force_source=section)
    assert violates("agreement_status_source_needs_status", status_source=section)
    assert violates("agreement_term_source_needs_term", term_source=section)
    assert not violates("", term_source=section, term_years=5)


@pytest.mark.django_db
def test_the_form_explains_each_broken_rule():
    agreement = AgreementFactory(date_year=2015, date_month=11, date_day=20)
    agreement.entered_into_force_on = datetime.date(2015, 1, 1)  # before the signing
    agreement.status = Agreement.Status.SUPERSEDED  # no successor
    agreement.revises = agreement
    agreement.renewal = Agreement.Renewal.BY_DECISION  # no term
    with pytest.raises(ValidationError) as raised:
        agreement.full_clean()
    assert set(raised.value.message_dict) == {"entered_into_force_on", "superseded_by", "revises", "term_years"}


@pytest.mark.django_db
def test_an_expired_agreement_does_not_end_in_the_future():
    agreement = AgreementFactory(status=Agreement.Status.EXPIRED, ends_on=datetime.date.today() + datetime.timedelta(1))
    with pytest.raises(ValidationError) as raised:
        agreement.full_clean()
    assert "ends_on" in raised.value.message_dict


def test_months_are_added_as_calendars_count_them():
    assert add_months(datetime.date(2024, 1, 31), 1) == datetime.date(2024, 2, 29)
    assert add_months(datetime.date(2019, 2, 1), 60) == datetime.date(2024, 2, 1)
    assert add_months(datetime.date(2026, 12, 2), -24) == datetime.date(2024, 12, 2)


def unsaved(**fields):
    fields.setdefault("status", Agreement.Status.IN_FORCE)
    return Agreement(title="A", date_year=2019, date_month=2, date_day=1, **fields)


def test_a_term_renewed_automatically_rolls_on_to_the_next_renewal():
    due = next_due(unsaved(term_years=3, renewal=Agreement.Renewal.AUTOMATIC), TODAY)
    assert (due.day, due.is_renewal, due.is_computed) == (datetime.date(2028, 2, 1), True, True)


def test_a_term_without_automatic_renewal_ends_once_even_if_that_is_past():
    due = next_due(unsaved(term_years=3), TODAY)
    assert (due.day, due.is_renewal) == (datetime.date(2022, 2, 1), False)


def test_an_end_the_source_gives_wins_and_a_closed_agreement_is_never_due():
    assert next_due(unsaved(term_years=3, ends_on=datetime.date(2027, 1, 1)), TODAY).day == datetime.date(2027, 1, 1)
    assert next_due(unsaved(term_years=3, status=Agreement.Status.EXPIRED), TODAY) is None
    assert next_due(unsaved(), TODAY) is None  # nothing stated, nothing computed


def test_a_term_counts_from_the_entry_into_force():
    agreement = unsaved(term_years=5, entered_into_force_on=datetime.date(2020, 6, 30))
    assert next_due(agreement, TODAY).day == datetime.date(2025, 6, 30)


@pytest.mark.django_db
@override_settings(PORTAL_AGREEMENT_NOTICE_MONTHS=6, PORTAL_AGREEMENT_CONFIRM_YEARS=2)
def test_the_review_report_lists_what_is_due_soon_or_unconfirmed_soonest_first():
    confirmed = TODAY - datetime.timedelta(days=30)
    ends_soon = AgreementFactory(
        title="Ends in March", ends_on=datetime.date(2027, 3, 1), status_confirmed_on=confirmed
    )
    renews_soon = AgreementFactory(
        title="Renews in January",
        status="in-force",
        entered_into_force_on=datetime.date(2024, 1, 15),
        term_years=3,
        renewal="automatic",
        status_confirmed_on=confirmed,
    )
    AgreementFactory(title="Ends in 2030", ends_on=datetime.date(2030, 1, 1), status_confirmed_on=confirmed)
    unconfirmed = AgreementFactory(title="Checked in 2023", status_confirmed_on=datetime.date(2023, 5, 1))
    AgreementFactory(title="Expired", status="expired", ends_on=datetime.date(2026, 1, 1))
    rows = agreements_to_review(TODAY)
    assert [row[0] for row in rows] == [renews_soon, ends_soon, unconfirmed]
    assert rows[0][2] == ["Renewal due on 15 January 2027 (computed from the term)"]
    assert rows[2][2] == ["Status last confirmed on 1 May 2023"]


@pytest.mark.django_db
def test_the_admin_report_and_the_record_page_warn_editors(admin_client):
    due = AgreementFactory(title="Memorandum due", ends_on=datetime.date.today() + datetime.timedelta(days=40))
    quiet = AgreementFactory(title="Memorandum checked", status_confirmed_on=datetime.date.today())
    report = admin_client.get("/admin/agreements-to-review/").content.decode()
    assert "Memorandum due" in report and "Ends on" in report
    assert "Memorandum checked" not in report
    page = admin_client.get(f"/admin/relations/agreement/{due.pk}/change/").content.decode()
    assert "To review:" in page and "Status never confirmed by an editor" in page
    assert "To review:" not in admin_client.get(f"/admin/relations/agreement/{quiet.pk}/change/").content.decode()
    assert review_reasons(quiet) == []


@pytest.mark.django_db
def test_a_signatory_level_follows_the_party_where_it_is_certain():
    agreement = AgreementFactory()
    city = Signatory.objects.create(agreement=agreement, side="asian", partner=PartnerFactory(kind="city"))
    state = Signatory.objects.create(agreement=agreement, side="asian", partner=PartnerFactory(kind="state"))
    country = Signatory.objects.create(agreement=agreement, side="asian", country=CountryFactory())
    assert (city.level, state.level, country.level) == ("municipality", "region", "national-government")
    authority = Signatory(
        agreement=agreement, side="european", organisation=OrganisationFactory(kind="public-authority")
    )
    with pytest.raises(ValidationError) as raised:
        authority.full_clean()
    assert "level" in raised.value.message_dict  # the Region or a municipality? The editor says.


@pytest.fixture
def signed(db):
    """Two agreements with one country: the Region's, in force, and a municipality's."""
    country = CountryFactory(name="China", slug="china", iso_code="CN")
    region = OrganisationFactory(name="Region", kind="public-authority")
    city = OrganisationFactory(name="City", kind="public-authority")
    regional = AgreementFactory(title="Regional memorandum", status="in-force", countries=[country])
    municipal = AgreementFactory(title="Municipal agreement", countries=[country])
    Signatory.objects.create(agreement=regional, side="european", organisation=region, level="region")
    Signatory.objects.create(agreement=municipal, side="european", organisation=city, level="municipality")
    Signatory.objects.create(agreement=municipal, side="asian", country=country)
    return country


def titles(response):
    content = response.content.decode()
    return {title for title in ("Regional memorandum", "Municipal agreement") if title in content}


def test_visitors_filter_agreements_by_status_and_level(client, signed):
    assert titles(client.get("/en/agreements/?status=in-force")) == {"Regional memorandum"}
    assert titles(client.get("/en/agreements/?status=not-stated")) == {"Municipal agreement"}
    assert titles(client.get("/en/agreements/?level=municipality")) == {"Municipal agreement"}
    # The level is the European side's: the Chinese government's signature does not make it "national".
    assert titles(client.get("/en/agreements/?level=national-government")) == set()
    assert titles(client.get("/en/timeline/?level=region")) == {"Regional memorandum"}
    for url in ("/en/agreements/?status=signed", "/en/agreements/?level=city", "/en/timeline/?level=x"):
        assert client.get(url).status_code == 400


def test_the_country_page_counts_agreements_by_level(client, signed):
    content = client.get("/en/countries/china/").content.decode()
    assert '?country=china&amp;level=region">1 regional agreement</a>' in content
    assert '?country=china&amp;level=municipality">1 municipal agreement</a>' in content


def test_the_agreement_page_tells_its_life_and_what_is_not_stated(client, signed):
    agreement = Agreement.objects.get(title="Regional memorandum")
    agreement.entered_into_force_on = datetime.date(2019, 2, 1)
    agreement.entry_into_force_source = agreement.source_section
    agreement.save()
    steps = {step.label: step for step in life_of(agreement)}
    assert steps["Entered into force"].text == "1 February 2019"
    assert steps["Entered into force"].source == agreement.source_section
    assert (steps["Term"].text, steps["Term"].known) == ("Not stated", False)
    content = client.get(agreement.get_absolute_url()).content.decode()
    assert '<time datetime="2019-02-01">1 February 2019</time>' in content
    assert "Life of the agreement" in content


@pytest.mark.django_db
def test_a_draft_successor_is_not_named_to_visitors():
    successor = AgreementFactory(title="Secret successor", is_published=False)
    agreement = AgreementFactory(status="superseded", superseded_by=successor)
    assert "Superseded by" not in {step.label for step in life_of(agreement)}
    successor.is_published = True
    successor.save()
    agreement.refresh_from_db()
    assert {step.label: step.agreement for step in life_of(agreement)}["Superseded by"] == successor


@pytest.mark.django_db
def test_editors_confirm_statuses_in_one_action_and_the_report_drops_them(admin_client):
    agreement = AgreementFactory(title="Memorandum to confirm", status="in-force")
    assert "Memorandum to confirm" in admin_client.get("/admin/agreements-to-review/").content.decode()
    response = admin_client.post(
        "/admin/relations/agreement/",
        {"action": "confirm_status", "_selected_action": [agreement.pk]},
        follow=True,
    )
    assert "The status of 1 agreement is confirmed as of today." in response.content.decode()
    agreement.refresh_from_db()
    assert agreement.status_confirmed_on == datetime.date.today()
    assert agreement.history.first().status_confirmed_on == datetime.date.today()  # who confirmed is in history
    assert "Memorandum to confirm" not in admin_client.get("/admin/agreements-to-review/").content.decode()


@pytest.mark.django_db
def test_confirming_skips_an_agreement_without_a_stated_status_and_says_so(admin_client):
    """Issue 24: «stato non indicato» was "confirmed" too, and left the review list for two years."""
    unknown = AgreementFactory(title="Status unknown")  # not stated, the default
    stated = AgreementFactory(title="Status known", status="in-force")
    response = admin_client.post(
        "/admin/relations/agreement/",
        {"action": "confirm_status", "_selected_action": [unknown.pk, stated.pk]},
        follow=True,
    )
    content = response.content.decode()
    assert "The status of 1 agreement is confirmed as of today." in content
    assert "1 agreement has no stated status, so nothing was confirmed for it" in content
    unknown.refresh_from_db()
    assert unknown.status_confirmed_on is None
    assert "Status unknown" in admin_client.get("/admin/agreements-to-review/").content.decode()
