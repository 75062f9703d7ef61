"""The admin's message catalogues: which English msgids Wagtail (and the other installed apps)
ship, and how many of them gettext answers in Vietnamese. Used by `manage.py
admin_translation_stats` (before/after figures) and the admin screen tests."""

import functools
import importlib.util
import re
from dataclasses import dataclass, field
from pathlib import Path

from django.utils import translation
from django.utils.translation.trans_real import DjangoTranslation

CONTEXT_SEP = "\x04"
# The packages whose messages show in the admin, besides Wagtail itself.
OTHER_PACKAGES = ["django", "taggit", "django_filters", "modelcluster", "modelsearch"]


@dataclass(frozen=True)
class Msgid:
    msgid: str
    context: str | None = None
    plural: str | None = None
    origin: str = field(default="", compare=False)


def package_dir(name):
    spec = importlib.util.find_spec(name)
    return Path(spec.origin).parent if spec and spec.origin else None


def english_catalogues(package, domains=("django",)):
    """The package's English .po files (its .mo files leave out the empty msgstrs)."""
    root = package_dir(package)
    if root is None:
        return []
    return sorted(
        path for domain in domains for path in root.rglob(f"locale/en/LC_MESSAGES/{domain}.po")
    )


_ESCAPES = {"n": "\n", "t": "\t", '"': '"', "\\": "\\", "r": "\r"}


def _unquote(line):
    body = line[line.index('"') + 1 : line.rindex('"')]
    return re.sub(r"\\(.)", lambda m: _ESCAPES.get(m.group(1), m.group(1)), body)


def msgids_of(po_path, origin=""):
    """Every msgid of a .po file (with its context and plural), the header and obsolete
    entries left out."""
    found = set()
    entry = {}
    current = None

    def close():
        if entry.get("id"):
            found.add(Msgid(entry["id"], entry.get("ctx"), entry.get("plural"), origin))
        entry.clear()

    for raw in po_path.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if line.startswith("#~"):
            continue
        for keyword, name in (("msgctxt ", "ctx"), ("msgid_plural ", "plural"), ("msgid ", "id")):
            if line.startswith(keyword):
                if name == "ctx" or (name == "id" and "id" in entry):
                    close()
                entry[name] = _unquote(line)
                current = name
                break
        else:
            if line.startswith('"') and current in ("ctx", "id", "plural"):
                entry[current] += _unquote(line)
            elif line.startswith("msgstr"):
                current = None
    close()
    return found


def english_msgids(packages=("wagtail",), domain="django"):
    ids = set()
    for package in packages:
        for po in english_catalogues(package, (domain,)):
            ids |= msgids_of(po, origin=f"{package}:{po.parents[3].name}")
    return ids


@functools.lru_cache(maxsize=8)
def _other_domain(language, domain):
    return DjangoTranslation(language, domain=domain)


def catalogue(language="vi", domain="django"):
    """The merged catalogue Django uses for `language` (LOCALE_PATHS first, then the apps)."""
    if domain == "django":
        with translation.override(language):
            return translation.trans_real._active.value
    return _other_domain(language, domain)


def translated(message, language="vi", domain="django"):
    """Whether gettext under `language` gives something other than the English msgid."""
    cat = catalogue(language, domain)
    ctx = f"{message.context}{CONTEXT_SEP}" if message.context else ""
    if message.plural:
        singular = cat.ngettext(ctx + message.msgid, ctx + message.plural, 1)
        many = cat.ngettext(ctx + message.msgid, ctx + message.plural, 5)
        return singular not in (message.msgid, ctx + message.msgid) and many not in (
            message.plural,
            ctx + message.plural,
        )
    answer = cat.gettext(ctx + message.msgid)
    return answer not in (message.msgid, ctx + message.msgid)


def statistics(packages=("wagtail",), domain="django", language="vi"):
    """(msgids, translated, the untranslated Msgids) of the packages' English catalogues."""
    ids = english_msgids(packages, domain)
    missing = sorted((m for m in ids if not translated(m, language, domain)), key=lambda m: m.msgid)
    return len(ids), len(ids) - len(missing), missing


def compile_stale_catalogues(locale_paths):
    """msgfmt every project .po whose .mo is missing or older (the project's folders only, never
    site-packages). Each .mo is written beside and renamed into place, so a process reading it
    never sees half a file. Returns the .mo files written."""
    import os
    import shutil
    import subprocess

    msgfmt = shutil.which("msgfmt")
    written = []
    for folder in locale_paths:
        for po in Path(folder).glob("*/LC_MESSAGES/*.po"):
            mo = po.with_suffix(".mo")
            if mo.exists() and mo.stat().st_mtime >= po.stat().st_mtime:
                continue
            if msgfmt is None:
                raise RuntimeError("msgfmt (gettext) is needed to compile the translations")
            partial = mo.with_suffix(f".mo.{os.getpid()}")
            # The project's own files, a fixed command line: no untrusted input.
            subprocess.run(  # noqa: S603
                [msgfmt, "--check-format", "-o", str(partial), str(po)], check=True
            )
            os.replace(partial, mo)
            written.append(mo)
    return written
