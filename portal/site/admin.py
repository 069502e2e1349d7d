"""The one admin the site composes from two apps: a country with its trade figures and profile.

(The admin site itself, its look and order, is in admin_site.py: this module imports the apps'
admin modules, which need the site to exist first.)"""

from django.contrib import admin

from relations.admin import CountryAdmin
from relations.models import Country
from trade.admin import CountryFigureInline, CountryTradeProfileInline


@admin.register(Country)
class CountryWithTradeAdmin(CountryAdmin):
    """The country form with its figures and trade profile: relations' admin, plus trade's inlines."""

    inlines = [*CountryAdmin.inlines, CountryTradeProfileInline, CountryFigureInline]
