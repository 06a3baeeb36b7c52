"""A small database of hand-built events for the query commands and the DataFrame API:
no spaCy needed.

    doc a  ISR ASSAULT LBN in Beirut 2014-07-10, ISR THREATEN LBN 2014-07-12,
           LBN ACCUSE ISR 2014-07-11
    doc b  ISR ASSAULT LBN in Beirut 2014-07-10 (a second report: one cluster with a's)
    doc c  RUS COERCE GEO in Tbilisi 2008-08-09, RUS ASSAULT GEO in Gori 2008-08-10
    doc d  USA ASSAULT IRQ in Mosul 2014-08-08, USA THREATEN IRQ in Baghdad (negated),
           IRQ REQUEST USA (undated)
"""

from __future__ import annotations

from redshank.model import DocumentResult, Location
from tests.link.conftest import document_result, make_event

BEIRUT = Location("Beirut", "LBN", 33.89, 35.50, "city")
TBILISI = Location("Tbilisi", "GEO", 41.69, 44.83, "city")
GORI = Location("Gori", "GEO", 41.98, 44.11, "city")
MOSUL = Location("Mosul", "IRQ", 36.34, 43.13, "city")
BAGHDAD = Location("Baghdad", "IRQ", 33.34, 44.40, "city")


def middle_east() -> list[DocumentResult]:
    """The documents of the module docstring, as store results."""
    return [
        document_result("a", [
            make_event("a", "ASSAULT", actors=["ISRMIL"], recipients=["LBN"],
                       day="2014-07-10", published="2014-07-11", location=BEIRUT),
            make_event("a", "THREATEN", sentence_index=1, actors=["ISRGOV"],
                       recipients=["LBNGOV"], day="2014-07-12", published="2014-07-12"),
            make_event("a", "ACCUSE", sentence_index=2, actors=["LBNGOV"],
                       recipients=["ISR"], day="2014-07-11", published="2014-07-12"),
        ], "2014-07-12"),
        document_result("b", [
            make_event("b", "ASSAULT", actors=["ISRMIL"], recipients=["LBN"],
                       day="2014-07-10", published="2014-07-11", location=BEIRUT),
        ], "2014-07-11"),
        document_result("c", [
            make_event("c", "COERCE", actors=["RUSMIL"], recipients=["GEO"],
                       day="2008-08-09", published="2008-08-10", location=TBILISI),
            make_event("c", "ASSAULT", sentence_index=1, actors=["RUSMIL"],
                       recipients=["GEO"], day="2008-08-10", published="2008-08-10",
                       location=GORI),
        ], "2008-08-10"),
        document_result("d", [
            make_event("d", "ASSAULT", actors=["USAMIL"], recipients=["IRQ"],
                       day="2014-08-08", published="2014-08-09", location=MOSUL),
            make_event("d", "THREATEN", sentence_index=1, actors=["USAGOV"],
                       recipients=["IRQ"], day="2014-08-09", published="2014-08-09",
                       auxiliary="negated", location=BAGHDAD),
            make_event("d", "REQUEST", sentence_index=2, actors=["IRQGOV"],
                       recipients=["USAGOV"], day=None, published=None),
        ], "2014-08-09"),
    ]
