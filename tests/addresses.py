"""Tests name pages by their English address; ``address_in`` gives the same page's address in a
language (``/en/countries/china/`` is ``/it/paesi/cina/``), as the portal reverses it."""

from django.urls import resolve, reverse
from django.utils.translation import override

from portal.site.models import info_page_url


def address_in(language, english_address):
    """``english_address`` with or without its ``/en`` prefix, query string kept."""
    if english_address.startswith(f"/{language}/") and language != "en":
        return english_address  # already there
    path, _, query = english_address.partition("?")
    path = path.removeprefix("/en") or "/"
    with override("en"):
        match = resolve(f"/en{path}")
    with override(language):
        view = getattr(match.func, "view_class", None)
        model = getattr(view, "model", None)
        if match.url_name == "info-page":
            address = info_page_url(match.kwargs["kind"])
        elif model is not None and "slug" in match.kwargs and hasattr(model, "slug_in"):
            address = model.objects.get(slug=match.kwargs["slug"]).get_absolute_url()
        else:
            address = reverse(
                f"{match.namespace}:{match.url_name}" if match.namespace else match.url_name, kwargs=match.kwargs
            )
    return f"{address}?{query}" if query else address
