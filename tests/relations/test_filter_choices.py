"""The lists' filter choices: per request, in the page's language (relations/filters.py)."""

import re

import pytest
from django.utils import translation

from portal.core.filtering import SlugChoiceFilter
from relations.models import Domain, Organisation


@pytest.mark.django_db
@pytest.mark.parametrize(("path", "language"), [("/en/agreements/", "en"), ("/it/accordi/", "it")])
def test_choices_follow_the_page_s_language_whichever_came_first(client, seed, path, language):
    """Issue 27, found by comparing two instances: the domains of the agreement filter kept the
    order of the language active when the module was imported (a gunicorn worker's first page),
    so an English page listed them in Italian order in one worker and not in another."""
    content = client.get(path).content.decode()
    with translation.override(language):
        for name, model in (("domain", Domain), ("signatory", Organisation)):
            select = re.search(rf'<select name="{name}"[^>]*>(.*?)</select>', content, re.S).group(1)
            shown = re.findall(r'<option value="([^"]+)"', select)
            names = dict(model.objects.filter(slug__in=shown).values_list("slug", "name"))
            assert shown == sorted(shown, key=lambda slug: names[slug]), name  # as the database sorts: codepoints


def test_a_choice_filter_made_from_a_queryset_is_refused():
    with pytest.raises(TypeError, match="function of the request"):
        SlugChoiceFilter(queryset=Domain.objects.all())
