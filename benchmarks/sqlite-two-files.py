#!/usr/bin/env python3
"""What an attached second SQLite file costs a commit, and what it locks (docs/performance.md, "Per-signal keys").

Run: python3 benchmarks/sqlite-two-files.py   (Python's sqlite3, WAL, synchronous=FULL, in a new temporary folder)
Prints ms per commit (wall and CPU) for a transaction writing the main file only and one writing the attached key
file too, twice each, and whether a write transaction on the main file holds the attached file's write lock.
"""
import os
import sqlite3
import tempfile
import time

folder = tempfile.mkdtemp(prefix="meldroute-two-files-")
main = sqlite3.connect(os.path.join(folder, "main.db"), isolation_level=None)
main.execute("PRAGMA journal_mode=WAL")
main.execute("PRAGMA synchronous=FULL")
main.execute("ATTACH ? AS keys", (os.path.join(folder, "keys.db"),))
main.execute("PRAGMA keys.journal_mode=WAL")
main.execute("PRAGMA keys.synchronous=FULL")
main.execute("CREATE TABLE t(x)")
main.execute("CREATE TABLE keys.k(x)")


def commits(both, n=300):
    wall, cpu = time.perf_counter(), time.process_time()
    for _ in range(n):
        main.execute("BEGIN")
        main.execute("INSERT INTO t VALUES(?)", (os.urandom(200),))
        if both:
            main.execute("INSERT INTO keys.k VALUES(?)", (os.urandom(100),))
        main.execute("COMMIT")
    return (time.perf_counter() - wall) / n * 1000, (time.process_time() - cpu) / n * 1000


for _ in range(2):
    print("main file only:      %.2f ms wall, %.2f ms CPU per commit" % commits(False))
    print("main and key file:   %.2f ms wall, %.2f ms CPU per commit" % commits(True))

other = sqlite3.connect(os.path.join(folder, "keys.db"), isolation_level=None, timeout=0)
main.execute("BEGIN IMMEDIATE")
main.execute("INSERT INTO t VALUES(1)")
try:
    other.execute("BEGIN IMMEDIATE")
    other.execute("ROLLBACK")
    print("a write transaction on the main file leaves the key file free")
except sqlite3.OperationalError as error:
    print("a write transaction on the main file holds the key file's write lock too:", error)
main.execute("COMMIT")
