from django.urls import path

from . import views

app_name = "trade"

urlpatterns = [
    path("", views.TradeOverviewView.as_view(), name="overview"),
    path("strategies/<slug:slug>/", views.StrategyDetailView.as_view(), name="strategy-detail"),
]
