"""Ten exam rooms drafting, autosaving and signing on one PostgreSQL server at once lose
nothing, meet no lock errors, and leave an audit chain that verifies."""

from __future__ import annotations

from many_rooms import ROOM_SECONDS, ROOMS, run_rooms


def test_ten_rooms_at_once_lose_nothing_and_the_chain_verifies(postgres_server, tmp_path) -> None:
    url = postgres_server.new_database()
    outcome = run_rooms(tmp_path / "data", url, ROOMS, ROOM_SECONDS)
    assert outcome.errors == []
    assert len(outcome.reports) == ROOMS
    assert all(report["signed"] for report in outcome.reports)  # every room signed something
    assert outcome.missing == []
    assert outcome.records == outcome.signed + ROOMS  # and each room's unfinished draft
    assert outcome.verified
    postgres_server.drop_database(url)
