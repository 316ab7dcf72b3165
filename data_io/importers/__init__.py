"""
Filling the directory from the network's existing lists.

Both importers share one shape: the source is read into records (plain dicts
with where each came from), each record is checked and applied inside one
transaction, and the transaction is rolled back unless the caller asked to
commit and no record was rejected. A dry run therefore reports exactly what a
commit would do, and a commit is all or nothing.
"""
