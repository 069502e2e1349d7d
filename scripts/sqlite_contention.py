"""Several processes doing read-modify-write transactions on one SQLite file at once.

Usage: python scripts/sqlite_contention.py DATABASE_FILE PROCESSES UPDATES
Prints "updates=N errors=E final=F". With WAL, immediate transactions and a busy timeout
(the portal's settings), no update is lost and no "database is locked" error occurs.
"""

import multiprocessing
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def setup(database_file):
    os.environ["DATABASE_URL"] = f"sqlite:///{database_file}"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings")
    import django

    django.setup()


def worker(database_file, updates, errors):
    setup(database_file)
    from django.db import OperationalError, transaction

    from trade.models import Territory

    for _ in range(updates):
        try:
            with transaction.atomic():
                territory = Territory.objects.get(slug="counter")
                territory.position = territory.position + 1  # read-modify-write, deliberately not F()
                territory.save(update_fields=["position"])
        except OperationalError:
            with errors.get_lock():
                errors.value += 1


def main(database_file, processes, updates):
    setup(database_file)
    from django.core.management import call_command

    from trade.models import Territory

    call_command("migrate", verbosity=0)
    Territory.objects.update_or_create(slug="counter", defaults={"name": "Counter", "position": 0})
    context = multiprocessing.get_context("spawn")  # fresh interpreters, each with its own connection
    errors = context.Value("i", 0)
    workers = [context.Process(target=worker, args=(database_file, updates, errors)) for _ in range(processes)]
    for process in workers:
        process.start()
    for process in workers:
        process.join()
    final = Territory.objects.get(slug="counter").position
    print(f"updates={processes * updates} errors={errors.value} final={final}")
    return final == processes * updates and errors.value == 0


if __name__ == "__main__":
    ok = main(sys.argv[1], int(sys.argv[2]), int(sys.argv[3]))
    sys.exit(0 if ok else 1)
