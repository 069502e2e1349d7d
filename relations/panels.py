"""Blocks that apps building on ``relations`` add to its pages, without ``relations`` importing them.

``trade`` registers, for example, a panel with a country's figures; the country page renders
every registered panel in order. A panel function takes the page's object and returns a
``Panel`` (or ``None`` when it has nothing to show).
"""

from collections import defaultdict
from dataclasses import dataclass, field

_registry = defaultdict(list)


@dataclass
class Panel:
    template_name: str
    context: dict = field(default_factory=dict)


def register_panel(page, function):
    """Add ``function(obj) -> Panel | None`` to the pages named ``page`` ('country', 'partner')."""
    if function not in _registry[page]:
        _registry[page].append(function)


def panels_for(page, obj):
    return [panel for function in _registry[page] if (panel := function(obj)) is not None]
