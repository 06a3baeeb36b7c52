"""Stated intentions are events of their own: promises are AGREE, refusals REJECT, threats THREATEN.

CAMEO and PLOVER code what an actor says it will or will not do by what saying it is:
"said it would allow inspectors" is an AGREE, "will not accept any more refugees" and
"troops would not be deployed" are REJECTs, "said they would blockade Paris" is a THREATEN,
"is prepared to lift the ban" is an AGREE. What each event type becomes is in the
event-type table (redshank/data/plover/event_types.tsv: refused_as, stated_future_as).
"""

from __future__ import annotations

from dataclasses import dataclass

from redshank.coding.modality import Modality
from redshank.knowledge import event_type, words

# "did not agree", "failed to reach agreement" refuse; "declined to offer details" does not.
LOCAL_NEGATIONS = words("refusal_negations")


@dataclass(frozen=True, slots=True)
class Reading:
    """An event type, mode and auxiliary after reading a stated intention."""

    event: str
    mode: str | None
    auxiliary: str | None
    note: str | None = None


def read_intent(event: str, mode: str | None, modality: Modality) -> Reading:
    """The event a statement of intention amounts to, or the event unchanged."""
    if event == "AGREE" and modality.auxiliary == "negated" and (modality.cue or "").split()[
            0].lower() in LOCAL_NEGATIONS:
        return Reading("REJECT", None, None,
                       f"not agreeing ('{modality.cue}') is coded REJECT")
    row = event_type(event)
    if modality.conditional:
        return Reading(event, mode, modality.auxiliary,
                       f"the statement itself is conditional ('{modality.cue}')")
    stated = modality.future or modality.intention
    if modality.auxiliary == "negated" and stated and row and row.refused_as:
        refused, refused_mode = row.refused_as
        return Reading(refused, refused_mode, None,
                       f"a stated refusal of {event} ('{modality.cue}') is coded {refused}")
    if event == "PROTEST" and modality.auxiliary == "hypothetical" and modality.purpose and not (
            modality.intention or modality.future):
        return Reading(event, mode, None, "an act done 'to protest' is itself the protest")
    if modality.auxiliary in ("future", "hypothetical") and (modality.future
                                                            or modality.commitment):
        if row and row.stated_future_as:
            stated_event, stated_mode = row.stated_future_as
            return Reading(stated_event, stated_mode, None,
                           f"a stated future {event} ('{modality.cue}') is coded {stated_event}")
    return Reading(event, mode, modality.auxiliary)
