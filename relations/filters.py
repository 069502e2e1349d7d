"""The public lists' filters. Every choice is validated; an unknown value is a form error."""

import django_filters
from django import forms
from django.db.models import Exists, OuterRef, Q
from django.utils.translation import gettext_lazy as _

from portal.core.filtering import (
    CaseInsensitiveChoiceFilter,
    PeriodForm,
    SearchFilter,
    SlugChoiceFilter,
    YearFilter,
)

from .models import Agreement, Country, Domain, Organisation, Partner, Signatory
from .selectors import agreements_for_country, timeline


# Each filter's choices are made per request (a function, not a queryset): a queryset made when
# this module is imported keeps the ordering of the language active then (modeltranslation
# rewrites ``Meta.ordering`` to name_it or name_en when a queryset is made, not when it runs), so
# English pages listed their domains in Italian order in the workers that started on an Italian page.
def published_countries(request=None):
    return Country.objects.published()


def domains(request=None):
    return Domain.objects.all()


def published_partners(request=None):
    return Partner.objects.published()


def signing_bodies(request=None):
    """EXISTS per organisation (a handful) rather than IN over every signatory row."""
    return Organisation.objects.published().filter(Exists(Signatory.objects.filter(organisation=OuterRef("pk"))))


def country_filter(**how):
    """A country chosen by slug among the published ones; ``how`` says what the filter does."""
    return SlugChoiceFilter(label=_("Country"), queryset=published_countries, empty_label=_("All countries"), **how)


def domain_filter(label, **how):
    """A domain chosen by slug; ``how`` says what the filter does."""
    return SlugChoiceFilter(label=label, queryset=domains, empty_label=_("All domains"), **how)


def level_filter(**how):
    """The level of the European side's signatory (``AgreementQuerySet.signed_at_level``)."""
    return CaseInsensitiveChoiceFilter(
        label=_("Signed on the European side by"),
        choices=Signatory.Level.choices,
        empty_label=_("Any level"),
        **how,
    )


class AgreementFilter(django_filters.FilterSet):
    q = SearchFilter(label=_("Title or partner contains"), method="filter_text")
    country = country_filter(method="filter_country")
    partner = SlugChoiceFilter(
        label=_("Partner"), queryset=published_partners, field_name="partners", widget=forms.HiddenInput
    )
    kind = CaseInsensitiveChoiceFilter(label=_("Kind"), choices=Agreement.Kind.choices, empty_label=_("All kinds"))
    domain = domain_filter(_("Domain"), field_name="domains")
    signatory = SlugChoiceFilter(
        label=_("Signing body"),
        queryset=signing_bodies,
        field_name="signatories__organisation",
        empty_label=_("Any signing body"),
    )
    status = CaseInsensitiveChoiceFilter(
        label=_("Status"), choices=Agreement.Status.choices, empty_label=_("Any status")
    )
    level = level_filter(method="filter_level")
    year_from = YearFilter(label=_("Signed from (year)"), method="filter_years")
    year_to = YearFilter(label=_("Signed until (year)"), method="filter_years")

    class Meta:
        model = Agreement
        fields = []
        form = PeriodForm

    def filter_level(self, queryset, name, value):
        return queryset.signed_at_level(value)

    def filter_text(self, queryset, name, value):
        return queryset.filter(Q(title__icontains=value) | Q(partners__name__icontains=value)).distinct()

    def filter_years(self, queryset, name, value):
        return queryset.in_years(**{name: value})

    def filter_country(self, queryset, name, value):
        return queryset.filter(pk__in=agreements_for_country(country=value).values("pk"))


class PartnerFilter(django_filters.FilterSet):
    q = SearchFilter(label=_("Name contains"), field_name="name", lookup_expr="icontains")
    country = country_filter(field_name="country")
    kind = CaseInsensitiveChoiceFilter(label=_("Kind"), choices=Partner.Kind.choices, empty_label=_("All kinds"))
    domain = domain_filter(_("Domain of its agreements"), method="filter_domain")

    class Meta:
        model = Partner
        fields = []

    def filter_domain(self, queryset, name, value):
        with_domain = Agreement.partners.through.objects.filter(
            agreement__domains=value, agreement__is_published=True
        ).values("partner_id")
        return queryset.filter(pk__in=with_domain)


class TimelineFilter(django_filters.FilterSet):
    """The timeline's filters. Its rows are agreements and milestones merged in time order
    (``selectors.timeline``), which no queryset filter can make: ``qs`` is that timeline, and
    ``selection`` what the filters ask for, which the milestones download reads too."""

    country = country_filter()
    level = level_filter(help_text=_("Agreements only: events have no signatories."))
    year_from = YearFilter(label=_("From (year)"))
    year_to = YearFilter(label=_("Until (year)"))

    class Meta:
        model = Agreement
        fields = []
        form = PeriodForm

    @property
    def selection(self):
        """The filters' values, as ``selectors.timeline`` takes them (every filter unset when unbound)."""
        data = self.form.cleaned_data if self.is_bound else {}
        return {name: data.get(name) for name in self.base_filters}

    @property
    def qs(self):
        return timeline(**self.selection)
