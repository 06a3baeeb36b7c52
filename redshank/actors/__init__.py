"""The actors stage: who is named in a paragraph, resolved against actor dictionaries.

    from redshank.actors import ActorResolver
    resolver = ActorResolver.load()                      # packaged dictionaries
    mentions = resolver.find_mentions(doc, on=published, offset=paragraph_start)

Modules: `dictionary` (loading, overrides), `jsonl` (Redshank's data format), `tabari`
(PETRARCH `.txt` files), `entries` (typed entries, dated roles), `codes` (CAMEO codes),
`matcher` (longest-match lookup), `compose` (role nouns and what qualifies them), `people`
(titled and known people), `resolve` (mentions).
"""

from redshank.actors.dictionary import ActorDictionary, load_dictionary
from redshank.actors.entries import ActorEntry, AgentEntry, RoleCode
from redshank.actors.resolve import ActorResolver

__all__ = [
    "ActorDictionary",
    "ActorEntry",
    "ActorResolver",
    "AgentEntry",
    "RoleCode",
    "load_dictionary",
]
