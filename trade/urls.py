from django.urls import path

from portal.core.addresses import address, older_addresses

from . import views

app_name = "trade"

urlpatterns = [
    path("", views.TradeOverviewView.as_view(), name="overview"),
    path(address("strategies/", "<slug:slug>/"), views.StrategyDetailView.as_view(), name="strategy-detail"),
]
# The addresses these pages had before they had Italian ones: each redirects to its page.
urlpatterns += older_addresses(app_name, urlpatterns)
