"""A collection's identity built in a child process (issue 25, "a window that never waits").

A first identity of 10,000 articles reads every analysis with its text: 7-8 s of pure Python.
On the window's identity lane that held the interpreter lock in turn with the GUI thread, and
the event loop stood still for 200-360 ms at a time while the Library listed the articles. The
window's `ChildWorker("identity")` runs `build_identity` instead when an update has more than
`CHILD_FROM` analyses to read; the child saves the collection's snapshot in the store
(`identity_snapshot`), which the lane then reads, as when a collection is opened again.
"""

from __future__ import annotations

from pathlib import Path

from reader.core.store.database import Store
from reader.core.store.library_identity import IdentityState, StoredIdentity

# Analyses to read from which an update is worth a child: about 0.8 ms each at 10,000 articles,
# so a quarter of a second on the lane; a child's start is half a second, once, and the lane
# then reads the snapshot (0.3 s at 10,000 articles, 10 ms at 300).
CHILD_FROM = 300


def build_identity(store_path: Path, scope: str, state: IdentityState) -> int:
    """In the child: the identity of `scope` (`identity_snapshot.scope_of`) brought to `state`
    (`Collection.identity_state`) on a connection of its own, and its snapshot saved in the
    store at `store_path`. Returns the snapshots saved (0 when one already covered `state`).
    Raises StoreError when the store cannot be read or written."""
    with Store.open(store_path) as store:
        identity = StoredIdentity(store, scope)
        identity.gathered(*state)
        return identity.saves
