"""Before a run reads articles: what editors did to the store since the last run.

Events the ledger knows that have no file any more were deleted by an editor: each gets a
tombstone (`store/claims`), written before anything else, so its claims are never extracted
again. Claims the ledger holds that no event and no tombstone accounts for (a git merge that
kept one side's file) send their articles to be read again.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from timeline.contentfs import display
from timeline.model import Event, Problem
from timeline.store.claims import buried, read_tombstones, to_bury, unaccounted, write_tombstone
from timeline.store.index import StoreIndex
from timeline.store.ledger import LEDGER_NAME, OLD_LEDGER_NAME, Ledger


@dataclass
class Settled:
    buried: set[str] = field(default_factory=set)  # the claims of every tombstone
    graves: list[Event] = field(default_factory=list)  # the contacts of every tombstone
    again: set[str] = field(default_factory=set)  # articles to read again


def settle(content: Path, ledger: Ledger, index: StoreIndex, problems: list[Problem]) -> Settled:
    """Write the tombstones of deleted events; find the articles whose claims were lost."""
    tombs = read_tombstones(content, problems)
    for tomb in to_bury(ledger, index.held, index, tombs):
        event_id = tomb.contact.id
        try:
            path = write_tombstone(content, tomb)
        except OSError as err:
            message = f"tombstone not written ({err.strerror}); the deletion is kept by the ledger"
            problems.append(Problem(f"content/deleted/{event_id[:4]}/{event_id}.yml", message))
            continue
        message = f"{event_id} was deleted: this tombstone keeps it deleted (commit it)"
        problems.append(Problem(display(path, content), message, warning=True))
        tombs.append(tomb)
    settled = Settled(buried(tombs), [tomb.contact for tomb in tombs])
    for article, claim, event_id in unaccounted(ledger, index.held, index, settled.buried):
        if article not in settled.again:
            message = (
                f"read again: its claim {claim} is in no event and no tombstone "
                f"(the ledger gave it to {event_id}; a merge kept another side's file?)"
            )
            problems.append(Problem(article, message, warning=True))
        settled.again.add(article)
    if not ledger.articles and index.files and not _ledger_file(content):
        message = (
            f"expected {LEDGER_NAME} beside {len(index.files)} event files, found none: events "
            "deleted since the last run cannot be recognised (restore it from git if it was "
            "deleted; tombstones keep earlier deletions)"
        )
        problems.append(Problem(display(content / LEDGER_NAME, content), message, warning=True))
    return settled


def _ledger_file(content: Path) -> bool:
    return (content / LEDGER_NAME).exists() or (content / OLD_LEDGER_NAME).exists()
