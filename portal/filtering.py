"""Filtered lists that never fail silently: an invalid filter is a 400 with the form's messages."""

import django_filters
from django import forms
from django_filters.views import FilterView

from portal.pagination import CappedPaginator
from relations.dates import MAX_YEAR, MIN_YEAR

MAX_SEARCH_LENGTH = 200


class YearFilter(django_filters.NumberFilter):
    """A whole year within the range the portal stores; anything else is a form error, not a 500."""

    field_class = forms.IntegerField

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("min_value", MIN_YEAR)
        kwargs.setdefault("max_value", MAX_YEAR)
        kwargs.setdefault("widget", forms.NumberInput(attrs={"inputmode": "numeric"}))
        super().__init__(*args, **kwargs)


class SearchFilter(django_filters.CharFilter):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("max_length", MAX_SEARCH_LENGTH)
        kwargs.setdefault("widget", forms.TextInput(attrs={"type": "search"}))
        super().__init__(*args, **kwargs)


class PeriodFilterSet(django_filters.FilterSet):
    """Adds the rule that a period does not end before it starts (``year_from``/``year_to``)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        original_clean = self.form.clean

        def clean():
            cleaned = original_clean()
            start, end = cleaned.get("year_from"), cleaned.get("year_to")
            if start is not None and end is not None and end < start:
                self.form.add_error("year_to", forms.ValidationError("The period ends before it starts."))
            return cleaned

        self.form.clean = clean


class StrictFilterView(FilterView):
    """A FilterView whose invalid filters give an empty list, the form's messages and status 400."""

    strict = True
    paginator_class = CappedPaginator

    def get(self, request, *args, **kwargs):
        response = super().get(request, *args, **kwargs)
        if self.filterset.is_bound and not self.filterset.is_valid():
            response.status_code = 400
        return response

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["filters_invalid"] = self.filterset.is_bound and not self.filterset.is_valid()
        context["filters_active"] = any(
            value for name, value in self.request.GET.items() if name in self.filterset.filters
        )
        return context


class NamedChoiceIterator(django_filters.fields.ModelChoiceIterator):
    """A choice list read as (value, name) pairs: no model instance per option.

    Django builds a whole record for every option, and a country with an image field also sends
    two signals for it; for the 200 countries of a large portal that is 5 ms per list page.
    """

    def __iter__(self):
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        yield from self.queryset.values_list(self.field.to_field_name or "pk", "name")


class NamedModelChoiceField(django_filters.fields.ModelChoiceField):
    iterator = NamedChoiceIterator


class NamedChoiceFilter(django_filters.ModelChoiceFilter):
    """A record chosen by ``to_field_name`` (a slug), its option labelled with its ``name`` field."""

    field_class = NamedModelChoiceField
