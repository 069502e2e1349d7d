"""Every admin page works for a superuser with data loaded; changelists cost bounded queries."""

import pytest
from django.contrib import admin
from django.urls import reverse

from relations.models import Agreement, Domain, Partner, SourceSection

CONTENT_APPS = ("relations", "trade")
REGISTERED = sorted(admin.site._registry.items(), key=lambda item: item[0]._meta.label)
MODEL_ADMINS = [(model, model_admin) for model, model_admin in REGISTERED if model._meta.app_label in CONTENT_APPS]
IDS = [model._meta.label for model, _ in MODEL_ADMINS]
OTHER_MODELS = [model for model, _ in REGISTERED if model._meta.app_label not in CONTENT_APPS]


def admin_url(model, action, *args):
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_{action}", args=args)


@pytest.mark.django_db
@pytest.mark.parametrize(("model", "model_admin"), MODEL_ADMINS, ids=IDS)
def test_changelist_search_add_change_and_history_pages_render(admin_client, model, model_admin):
    assert admin_client.get(admin_url(model, "changelist")).status_code == 200
    if model_admin.search_fields:
        assert admin_client.get(admin_url(model, "changelist"), {"q": "bologna"}).status_code == 200
    assert admin_client.get(admin_url(model, "add")).status_code == 200
    record = model.objects.first()
    assert record is not None, f"{model._meta.label} has no seed data"
    assert admin_client.get(admin_url(model, "change", record.pk)).status_code == 200
    assert admin_client.get(admin_url(model, "history", record.pk)).status_code == 200


@pytest.mark.django_db
@pytest.mark.parametrize("model", OTHER_MODELS, ids=[model._meta.label for model in OTHER_MODELS])
def test_other_changelists_render(admin_client, model):
    """Users, groups and django-axes' login records."""
    assert admin_client.get(admin_url(model, "changelist")).status_code == 200


@pytest.mark.django_db
def test_admin_names_the_portal_and_orders_models_for_editors(admin_client):
    content = admin_client.get(reverse("admin:index")).content.decode()
    assert "Emilia-Romagna &amp; Asia — editors" in content
    assert content.index("Agreements") < content.index("Milestones") < content.index("Partners")
    assert content.index("Relations") < content.index("Business &amp; Asia") < content.index("Authentication")


@pytest.mark.django_db
def test_autocomplete_finds_partners_by_name(admin_client):
    response = admin_client.get(
        "/admin/autocomplete/",
        {"term": "hama", "app_label": "relations", "model_name": "agreement", "field_name": "partners"},
    )
    assert response.status_code == 200
    assert [result["text"] for result in response.json()["results"]] == ["Hamamatsu"]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("url", "budget"),
    [
        ("/admin/relations/agreement/", 12),
        ("/admin/relations/agreement/?q=bulk", 12),
        ("/admin/relations/agreement/?decade=2000&kind=agreement", 12),
        ("/admin/relations/partner/", 10),
        ("/admin/relations/partner/?q=bulk&country__id__exact=1", 10),
        ("/admin/relations/milestone/", 10),
        ("/admin/relations/signatory/", 10),
        ("/admin/trade/figure/", 10),
    ],
)
def test_changelist_query_count_does_not_grow_with_rows(admin_client, django_assert_max_num_queries, url, budget):
    section = SourceSection.objects.first()
    china = Partner.objects.get(slug="chongqing").country
    partners = Partner.objects.bulk_create(
        Partner(name=f"Bulk {n}", slug=f"bulk-{n}", kind="city", country=china, source_section=section)
        for n in range(500)
    )
    agreements = Agreement.objects.bulk_create(
        Agreement(
            title=f"Bulk {n}", slug=f"bulk-{n}", kind="agreement", date_year=2000 + n % 20, source_section=section
        )
        for n in range(500)
    )
    Agreement.partners.through.objects.bulk_create(
        Agreement.partners.through(agreement=agreement, partner=partner)
        for agreement, partner in zip(agreements, partners, strict=True)
    )
    Agreement.domains.through.objects.bulk_create(
        Agreement.domains.through(agreement=agreement, domain=Domain.objects.first()) for agreement in agreements
    )
    with django_assert_max_num_queries(budget):
        response = admin_client.get(url)
    assert response.status_code == 200
