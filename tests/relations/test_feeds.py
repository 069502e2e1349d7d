"""Atom feeds of new and changed agreements and milestones, per language and per country."""

import datetime

import feedparser
import pytest
from django.utils import timezone

from relations.models import Agreement
from tests.factories import MilestoneFactory

pytestmark = pytest.mark.django_db


def parsed(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = feedparser.parse(response.content)
    assert not feed.bozo, feed.get("bozo_exception")
    return feed


def test_the_feed_lists_the_last_changed_first_and_parses_without_error(client, places):
    Agreement.objects.filter(slug="agreement-with-chongqing").update(
        updated_at=timezone.now() + datetime.timedelta(hours=1)
    )
    MilestoneFactory(title="Library opens", slug="library", partners=[places.nagoya])
    feed = parsed(client, "/en/feeds/changes.atom")
    assert feed.feed.language == "en"
    titles = [entry.title for entry in feed.entries]
    assert titles[0] == "Agreement: Agreement with Chongqing"
    assert set(titles) == {
        "Agreement: Agreement with Chongqing",
        "Agreement: Agreement with Nagoya",
        "Event: Library opens",
    }
    assert feed.entries[0].link == "http://testserver/en/agreements/agreement-with-chongqing/"
    assert "Source:" in feed.entries[0].summary


def test_each_language_has_its_feed(client, places):
    feed = parsed(client, "/it/feeds/changes.atom")
    assert feed.feed.language == "it"
    assert {entry.link for entry in feed.entries} == {
        "http://testserver/it/accordi/agreement-with-chongqing/",
        "http://testserver/it/accordi/agreement-with-nagoya/",
    }
    assert all(entry.title.startswith("Accordo: ") for entry in feed.entries)


def test_a_country_feed_has_only_what_concerns_it(client, places):
    feed = parsed(client, "/en/feeds/countries/japan.atom")
    assert [entry.title for entry in feed.entries] == ["Agreement: Agreement with Nagoya"]
    assert client.get("/en/feeds/countries/atlantis.atom").status_code == 404


def test_drafts_are_in_no_feed(client, places):
    Agreement.objects.filter(slug="agreement-with-nagoya").update(is_published=False)
    links = [entry.link for entry in parsed(client, "/en/feeds/changes.atom").entries]
    assert not any("nagoya" in link for link in links)


def test_pages_advertise_their_feeds(client, places):
    home = client.get("/en/").content.decode()
    assert '<link rel="alternate" type="application/atom+xml" href="/en/feeds/changes.atom"' in home
    country = client.get("/en/countries/japan/").content.decode()
    assert 'href="/en/feeds/countries/japan.atom" title="Agreements and milestones with Japan"' in country
