"""Which fields of the trade models exist in Italian and English (see relations/translation.py)."""

from modeltranslation.translator import TranslationOptions, register

from portal.core.translation import register_history

from .models import Figure, Strategy, StrategyTarget, Territory, TradeProfile


@register(Territory)
class TerritoryTranslation(TranslationOptions):
    fields = ("name",)


@register(Figure)
class FigureTranslation(TranslationOptions):
    fields = ("label", "measure", "sector", "note")


@register(TradeProfile)
class TradeProfileTranslation(TranslationOptions):
    fields = ("summary", "note")


@register(Strategy)
class StrategyTranslation(TranslationOptions):
    fields = ("name", "description", "note")


@register(StrategyTarget)
class StrategyTargetTranslation(TranslationOptions):
    fields = ("emphasis", "note")


register_history(Territory, Figure, TradeProfile, Strategy, StrategyTarget)
