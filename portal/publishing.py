"""What visitors may see, and how staff preview drafts."""

from django.utils.cache import add_never_cache_headers


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
