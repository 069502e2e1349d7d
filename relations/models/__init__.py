"""Institutional and cultural relations, one module per aggregate.

* ``sources``: the documents and their sections every fact cites (and ``Sourced``, the fields of
  a record that states a fact);
* ``places``: world regions, countries and groupings, and the Asian partners;
* ``organisations``: the bodies on both sides, and networks with their members;
* ``agreements``: agreements, their signatories and their domains;
* ``milestones``: dated events.

Public records have a slug, ``get_absolute_url`` and an ``is_published`` switch; ``published()``
is the only way public pages read them (``portal.core.publishing``).
"""

from .agreements import Agreement, Domain, Signatory
from .milestones import Milestone
from .organisations import Network, NetworkMembership, Organisation
from .places import Country, Partner, WorldRegion
from .sources import Source, Sourced, SourceSection

__all__ = [
    "Agreement",
    "Country",
    "Domain",
    "Milestone",
    "Network",
    "NetworkMembership",
    "Organisation",
    "Partner",
    "Signatory",
    "Source",
    "SourceSection",
    "Sourced",
    "WorldRegion",
]
