"""Which PLOVER event types can describe the same real-world event, and which are mutual.

Reports of one act are coded with different types when outlets word it differently:
"signed a trade agreement" (SUPPORT) and "agreed a trade deal" (AGREE) are one event, and
so are "made concessions" (CONCEDE) and "withdrew" (RETREAT). Types in one family can
merge; types in different families never do. In a *mutual* family (meetings, agreements)
who is actor and who is recipient depends on the wording ("X met Y", "Y hosted X"), so
the participants are compared as one set. Families are the `family` and `mutual` columns
of redshank/data/plover/event_types.tsv.
"""

from __future__ import annotations

from redshank.knowledge import event_types

# event type -> (family, mutual), from the event-type table (family and mutual columns)
FAMILIES: dict[str, tuple[str, bool]] = {
    name: (row.family, row.mutual) for name, row in event_types().items()
}


def family_of(event: str) -> str:
    """The family of an event type (an unknown type is its own family)."""
    return FAMILIES.get(event, (event.lower(), False))[0]


def is_mutual(event: str) -> bool:
    """True when actor and recipient of this type are interchangeable for matching."""
    return FAMILIES.get(event, ("", False))[1]
