"""Stated intentions are events of their own: promises are AGREE, refusals REJECT, threats THREATEN.

CAMEO and PLOVER code what an actor says it will or will not do by what saying it is:
"said it would allow inspectors" is an AGREE, "will not accept any more refugees" and
"troops would not be deployed" are REJECTs, "said they would blockade Paris" is a THREATEN,
"is prepared to lift the ban" is an AGREE.
"""

from __future__ import annotations

from dataclasses import dataclass

from redshank.coding.modality import Modality

COOPERATIVE = {"CONSULT", "SUPPORT", "COOPERATE", "AID", "RETREAT", "CONCEDE"}
REFUSAL_MODES = {"AID": "assist", "COOPERATE": "assist", "SUPPORT": "assist",
                 "MOBILIZE": "assist", "CONSULT": "meet", "RETREAT": "yield",
                 "CONCEDE": "change", "AGREE": None}
# "did not agree", "failed to reach agreement" refuse; "declined to offer details" does not.
LOCAL_NEGATIONS = {"not", "n't", "never", "no", "fail", "failed", "fails", "failing"}
THREAT_MODES = {"ASSAULT": "violence", "MOBILIZE": "violence", "COERCE": "restrict",
                "PROTEST": "restrict", "SANCTION": "relations"}


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
    stated = modality.future or modality.intention
    if modality.auxiliary == "negated" and stated and event in REFUSAL_MODES:
        return Reading("REJECT", REFUSAL_MODES[event], None,
                       f"a stated refusal of {event} ('{modality.cue}') is coded REJECT")
    if event == "PROTEST" and modality.auxiliary == "hypothetical" and modality.purpose and not (
            modality.intention or modality.future):
        return Reading(event, mode, None, "an act done 'to protest' is itself the protest")
    if modality.auxiliary in ("future", "hypothetical") and (modality.future
                                                            or modality.commitment):
        if event in COOPERATIVE:
            return Reading("AGREE", None, None,
                           f"a stated future {event} ('{modality.cue}') is coded AGREE")
        if event in THREAT_MODES:
            return Reading("THREATEN", THREAT_MODES[event], None,
                           f"a stated future {event} ('{modality.cue}') is coded THREATEN")
    return Reading(event, mode, modality.auxiliary)
