"""Publishing: drafts stay invisible to visitors until an editor with the right publishes them.

Publishing (``is_published``) is separate from a record's real-world status. Public pages read
records only through ``published()``; staff may preview a draft's page.
"""

from django.db import models
from django.utils.cache import add_never_cache_headers
from django.utils.translation import gettext_lazy as _

from .natural_keys import NaturalKeyQuerySet


class PublishedQuerySet(NaturalKeyQuerySet):
    def published(self):
        return self.filter(is_published=True)


def publish_permission(model_name, plural):
    """The custom permission that lets Publishers (not Editors) publish and unpublish records."""
    return (f"publish_{model_name}", f"Can publish and unpublish {plural}")


class Published(models.Model):
    """A record visitors see only once published."""

    is_published = models.BooleanField(
        _("published"),
        default=False,
        db_index=True,
        help_text=_("Tick to show this record to visitors. Unticked records are drafts only staff can see."),
    )
    updated_at = models.DateTimeField(_("last changed"), auto_now=True)

    class Meta:
        abstract = True


class PublishedObjectMixin:
    """Detail views: visitors get published records only (a draft is a 404); staff may preview
    drafts, and those responses are never cached."""

    def get_queryset(self):
        queryset = super().get_queryset()
        if self.request.user.is_staff:
            return queryset
        return queryset.published()

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["is_preview"] = not getattr(self.object, "is_published", True)
        return context

    def dispatch(self, request, *args, **kwargs):
        response = super().dispatch(request, *args, **kwargs)
        if request.user.is_authenticated and request.user.is_staff:
            add_never_cache_headers(response)
        return response
