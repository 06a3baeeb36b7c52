"""Fixtures for the ingest tests: sample articles in English and other languages."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from redshank.ingest import read_inputs
from redshank.model import Document, Failure

ENGLISH = (
    "The United States said on Friday that it had formed a coalition with its allies to "
    "fight the militants in Iraq.\n\nThe president asked Congress for support, and officials "
    "said that no ground troops would be sent."
)
FRENCH = (
    "Le président de la République a annoncé mardi que la France enverrait des troupes "
    "supplémentaires au Mali pour soutenir l'armée malienne face aux groupes armés. Selon le "
    "ministère de la Défense, environ cinq cents soldats seront déployés dans les prochaines "
    "semaines, a précisé un porte-parole lors d'une conférence de presse à Paris."
)
GERMAN = (
    "Die Bundesregierung hat am Dienstag angekündigt, dass Deutschland weitere Soldaten nach "
    "Mali schicken wird, um die malische Armee im Kampf gegen bewaffnete Gruppen zu "
    "unterstützen. Nach Angaben des Verteidigungsministeriums sollen in den kommenden Wochen "
    "etwa fünfhundert Soldaten entsandt werden, sagte ein Sprecher in Berlin."
)


def read_all(inputs: list[str], **options: Any) -> list[Document | Failure]:
    """Everything `read_inputs` yields, as a list."""
    return list(read_inputs(inputs, **options))


def documents(items: list[Document | Failure]) -> list[Document]:
    """Only the documents."""
    return [item for item in items if isinstance(item, Document)]


def failures(items: list[Document | Failure]) -> list[Failure]:
    """Only the failures."""
    return [item for item in items if isinstance(item, Failure)]


@pytest.fixture
def article(tmp_path: Path) -> Path:
    """A plain English article file."""
    path = tmp_path / "article.txt"
    path.write_text(ENGLISH, encoding="utf-8")
    return path
