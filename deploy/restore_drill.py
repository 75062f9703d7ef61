"""Restore drill: prove the backups of docs/operations.md restore (PostgreSQL and media).

1. `pg_dump --format=custom` of the site's database (DATABASE_URL), exactly the nightly backup;
2. `pg_restore` into a NEW database (`<name>_drill_<time>`), never over the live one;
3. the row count of every table, live against restored, the member registry's tables first;
4. the media folder packed with `tar` and unpacked elsewhere: same files, sizes and SHA-256;
5. the drill database and files are removed (keep them with --keep).

Exit status 1 when any count or file differs. Run it with the server's environment file:

    set -a; . /etc/portal/portal.env; set +a
    .venv/bin/python deploy/restore_drill.py [--keep] [--no-media]

CI runs it on PostgreSQL with the demo content (.ci/run). Counting reads every row of every
table: on a big site run it on a replica or out of hours.
"""

import argparse
import hashlib
import os
import subprocess
import sys
import tarfile
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.dev")


def pg_env(db):
    env = dict(os.environ)
    env.update(
        {
            "PGHOST": db.get("HOST") or "",
            "PGPORT": str(db.get("PORT") or ""),
            "PGUSER": db.get("USER") or "",
            "PGPASSWORD": db.get("PASSWORD") or "",
        }
    )
    return {k: v for k, v in env.items() if v != ""}


def registry_tables():
    from django.apps import apps

    return [
        m._meta.db_table
        for m in apps.get_models()
        if m.__module__.startswith(("campaigns.registry", "registry.")) and m._meta.managed
    ]


def counts(connection):
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT table_name FROM information_schema.tables "
            "WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY table_name"
        )
        tables = [row[0] for row in cursor.fetchall()]
        found = {}
        for table in tables:
            cursor.execute(f'SELECT count(*) FROM "{table}"')  # noqa: S608 - names from the catalog
            found[table] = cursor.fetchone()[0]
    return found


def media_digest(folder):
    files = {}
    for path in sorted(Path(folder).rglob("*")):
        if path.is_file():
            files[str(path.relative_to(folder))] = (
                path.stat().st_size,
                hashlib.sha256(path.read_bytes()).hexdigest(),
            )
    return files


def _n(value):
    return "-" if value is None else str(value)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--keep", action="store_true", help="keep the drill database and files")
    parser.add_argument("--no-media", action="store_true", help="skip the media part")
    args = parser.parse_args()

    import django

    django.setup()
    from django.conf import settings
    from django.db import connections

    db = settings.DATABASES["default"]
    if db["ENGINE"] != "django.db.backends.postgresql":
        raise SystemExit("The drill needs PostgreSQL (DATABASE_URL=postgres://...).")
    env = pg_env(db)
    drill_name = f"{db['NAME']}_drill_{time.strftime('%Y%m%d%H%M%S')}"
    work = Path(tempfile.mkdtemp(prefix="restore-drill-"))
    dump = work / "portal.dump"
    ok = True
    try:
        started = time.monotonic()
        subprocess.run(
            ["pg_dump", "--format=custom", "--no-owner", "--file", str(dump), db["NAME"]],
            env=env,
            check=True,
        )
        live = counts(connections["default"])  # right after the dump (the site may be running)
        dumped = time.monotonic() - started
        subprocess.run(["createdb", drill_name], env=env, check=True)
        started = time.monotonic()
        subprocess.run(
            ["pg_restore", "--no-owner", "--exit-on-error", "--dbname", drill_name, str(dump)],
            env=env,
            check=True,
        )
        restored_in = time.monotonic() - started
        connections.settings[drill_name] = {**connections.settings["default"], "NAME": drill_name}
        restored = counts(connections[drill_name])
        connections[drill_name].close()

        registry = [t for t in registry_tables() if t in live]
        order = registry + sorted(t for t in set(live) | set(restored) if t not in registry)
        print(
            f"Dump {dump.stat().st_size / 1e6:.1f} MB in {dumped:.1f} s, "
            f"restored into {drill_name} in {restored_in:.1f} s"
        )
        print(f"{'table':<48} {'live':>9} {'restored':>9}")
        for index, table in enumerate(order):
            if registry and index == 0:
                print("-- the member registry --")
            elif registry and index == len(registry):
                print("-- every other table --")
            a, b = live.get(table), restored.get(table)
            mark = "" if a == b else "  <-- DIFFERS"
            print(f"{table:<48} {_n(a):>9} {_n(b):>9}{mark}")
            ok = ok and a == b
        if not registry:
            print("(no registry table found)")
            ok = False
        print(f"{len(order)} tables, {sum(live.values())} rows")

        if not args.no_media:
            media = Path(settings.MEDIA_ROOT)
            archive = work / "media.tar.gz"
            with tarfile.open(archive, "w:gz") as tar:
                tar.add(media, arcname="media")
            with tarfile.open(archive) as tar:
                tar.extractall(work / "restored", filter="data")
            before = media_digest(media) if media.exists() else {}
            after = media_digest(work / "restored" / "media") if media.exists() else {}
            same = before == after
            print(f"Media: {len(before)} files, restored {len(after)}, identical: {same}")
            ok = ok and same
    finally:
        if not args.keep:
            subprocess.run(["dropdb", "--if-exists", drill_name], env=env, check=False)
            for path in sorted(work.rglob("*"), reverse=True):
                path.rmdir() if path.is_dir() else path.unlink()
            work.rmdir()
        else:
            print(f"Kept: database {drill_name}, files in {work}")
    print("restore drill " + ("passed" if ok else "FAILED"))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
