from django.views.generic import DetailView, TemplateView

from portal.core.addresses import AddressedDetailMixin
from portal.core.publishing import PublishedObjectMixin

from . import selectors
from .charts import bar_charts
from .models import Strategy


class TradeOverviewView(TemplateView):
    template_name = "trade/overview.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(selectors.overview())
        context["charts"] = bar_charts(context["all_figures"])
        return context


class StrategyDetailView(AddressedDetailMixin, PublishedObjectMixin, DetailView):
    model = Strategy
    template_name = "trade/strategy_detail.html"
    context_object_name = "strategy"

    def get_queryset(self):
        return super().get_queryset().select_related("owner", "source_section__source")

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["target_links"] = list(
            self.object.target_links.filter(country__is_published=True).select_related(
                "country", "source_section__source"
            )
        )
        return context
