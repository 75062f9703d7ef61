"""Lighthouse (mobile) accessibility, best practices and SEO on one page of every page type of a
running copy of the site; prints a table of scores and every audit that did not pass. Search is
noindex by design: its SEO score is shown but not required.

    npm install --prefix /work/tools/lh lighthouse      # once, anywhere (not committed)
    make run HOST=127.0.0.1 PORT=8000                   # or any running copy with the demo
    CHROME_PATH=/usr/bin/chromium .venv/bin/python bench/lighthouse_check.py \
        http://127.0.0.1:8000 --lighthouse /work/tools/lh/node_modules/.bin/lighthouse

`--page name=/path/` adds or replaces a page (the demo has no video: pass one). Exits 1 when a
required score is below 100."""

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

CATEGORIES = ("accessibility", "best-practices", "seo")
# One page per page type of the demo site (load_demo_content).
PAGES = {
    "home": "/",
    "news index": "/tin-tuc/",
    "article": "/tin-tuc/nam-2024-phan-dau-ket-nap-them-mot-trieu-doan-vien/",
    "category": "/tin-tuc/chuyen-muc/hoat-dong-cong-doan/",
    "tag": "/tin-tuc/the/dai-hoi-xiii/",
    "month archive": "/tin-tuc/2024/02/",
    "document library": "/van-ban/",
    "document": "/van-ban/nghi-quyet-02-nq-tw/",
    "congress collection": "/van-ban/dai-hoi-xiii/",
    "campaign index": "/chien-dich/",
    "campaign": "/chien-dich/95-nam-cong-doan-viet-nam/",
    "sign-up page": "/dang-ky-doan-vien/",
    "partner programme": "/vi-phuc-loi-doan-vien/",
    "partner": "/vi-phuc-loi-doan-vien/doi-tac/sieu-thi-mau-a/",
    "content page": "/gioi-thieu/lich-su/",
    "leadership": "/gioi-thieu/ban-chap-hanh/",
    "contact": "/lien-he/",
    "form": "/dang-ky-cuoc-thi-truc-tuyen/",
    "library": "/thu-vien-anh-video/",
    "album": "/thu-vien-anh-video/dai-hoi-vi-cong-doan-vien-chuc-viet-nam/",
    "legal index": "/tu-van-phap-luat/",
    "legal topic": "/tu-van-phap-luat/hop-dong-lao-dong/",
    "search": "/tim-kiem/?q=cong+doan",
}
NOINDEX = {"search"}


def run_lighthouse(lighthouse, url):
    with tempfile.TemporaryDirectory() as folder:
        out = Path(folder, "report.json")
        subprocess.run(
            [
                lighthouse,
                url,
                "--quiet",
                "--output=json",
                f"--output-path={out}",
                f"--only-categories={','.join(CATEGORIES)}",
                "--form-factor=mobile",
                "--chrome-flags=--headless=new --no-sandbox",
                "--max-wait-for-load=60000",
            ],
            check=True,
            timeout=300,
        )
        return json.loads(out.read_text())


def failures(report):
    """(category, audit id, title) of every weighted audit that did not pass."""
    found = []
    for category in CATEGORIES:
        for ref in report["categories"][category]["auditRefs"]:
            audit = report["audits"][ref["id"]]
            if ref.get("weight", 0) > 0 and audit.get("score") is not None and audit["score"] < 1:
                found.append((category, ref["id"], audit["title"]))
    return found


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("base", help="the running site, e.g. http://127.0.0.1:8000")
    parser.add_argument("--lighthouse", default="node_modules/.bin/lighthouse")
    parser.add_argument("--page", action="append", default=[], help="name=/path/")
    parser.add_argument("--only", action="append", default=[], help="page names to run")
    args = parser.parse_args()
    os.environ.setdefault("CHROME_PATH", "/usr/bin/chromium")
    pages = dict(PAGES)
    for item in args.page:
        name, _, path = item.partition("=")
        pages[name] = path
    if args.only:
        pages = {name: path for name, path in pages.items() if name in args.only}
    rows, problems, short = [], [], 0
    for name, path in pages.items():
        report = run_lighthouse(args.lighthouse, args.base.rstrip("/") + path)
        scores = [round(100 * (report["categories"][c]["score"] or 0)) for c in CATEGORIES]
        required = scores if name not in NOINDEX else scores[:2]
        short += any(score < 100 for score in required)
        rows.append((name, path, *scores))
        problems += [(name, *failure) for failure in failures(report)]
        print(f"{name:20} {scores}", file=sys.stderr, flush=True)
    print(f"\n| page type | path | {' | '.join(CATEGORIES)} |")
    print("|---|---|" + "---|" * len(CATEGORIES))
    for name, path, *scores in rows:
        print(f"| {name} | `{path}` | " + " | ".join(str(s) for s in scores) + " |")
    for name, category, audit, title in problems:
        print(f"FAIL {name}: {category} {audit}: {title}")
    print(f"\n{len(rows)} pages, {short} below 100 where required (search: SEO not required)")
    return 1 if short else 0


if __name__ == "__main__":
    sys.exit(main())
