"""Filtering by place: the --within radius must be a usable distance."""

from __future__ import annotations

import pytest

from redshank.cli import build_parser
from redshank.errors import ConfigError
from redshank.query import NearPlace
from redshank.where.query import place_named

BAD_RADII = ["-5", "nan", "inf", "-inf", "1e400", "fifty"]


@pytest.mark.parametrize("radius", BAD_RADII)
def test_events_within_rejects_unusable_radii(radius: str,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        build_parser().parse_args(["events", "--near", "Baghdad", f"--within={radius}"])
    assert exit_info.value.code == 2
    error = capsys.readouterr().err.strip().splitlines()[-1]
    assert "argument --within: must be a finite number of kilometres, 0 or more" in error
    assert repr(radius) in error


@pytest.mark.parametrize(("radius", "km"), [("100", 100.0), ("0", 0.0), ("2.5", 2.5)])
def test_events_within_accepts_distances(radius: str, km: float) -> None:
    args = build_parser().parse_args(["events", "--near", "Baghdad", "--within", radius])
    assert args.within == km


@pytest.mark.parametrize("km", [-1.0, float("nan"), float("inf")])
def test_near_from_the_api_rejects_unusable_radii(km: float) -> None:
    with pytest.raises(ConfigError, match="finite number of kilometres"):
        NearPlace("Baghdad", 33.34, 44.4, km)


def test_place_named_picks_the_most_prominent_place() -> None:
    paris = place_named("Paris")
    assert paris.country == "FRA"
