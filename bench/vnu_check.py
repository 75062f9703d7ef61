"""Check every page of the sitemap, and every page they link to on the same site, with the
current Nu HTML checker (the `vnu-jar` npm package; needs Java 11+).

    npm install vnu-jar                       # once, anywhere (not committed)
    make run HOST=127.0.0.1 PORT=8000         # or any running copy of the site
    .venv/bin/python bench/vnu_check.py http://127.0.0.1:8000 \
        --vnu node_modules/vnu-jar/build/dist/vnu.jar

Prints each error and a summary; exits 1 when there is any error (warnings are printed only).
"""

import argparse
import json
import re
import subprocess
import sys
import tempfile
import urllib.request
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit

SKIPPED = ("/admin/", "/tai-lieu/", "/media/", "/static/", "/_util/")


class Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.hrefs = []

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            href = dict(attrs).get("href")
            if href:
                self.hrefs.append(href)


def fetch(url):
    with urllib.request.urlopen(url, timeout=30) as response:
        return response.headers.get("Content-Type", ""), response.read()


def pages(base, limit):
    _type, sitemap = fetch(urljoin(base, "/sitemap.xml"))
    listed = re.findall(r"<loc>([^<]+)</loc>", sitemap.decode())
    origin = urlsplit(base)
    urls = []
    for loc in listed:
        parts = urlsplit(loc)
        urls.append(urljoin(base, parts.path + (f"?{parts.query}" if parts.query else "")))
    seen, found = set(urls), {}
    for url in list(urls):
        content_type, body = fetch(url)
        if "html" not in content_type:
            continue
        found[url] = body
        parser = Links()
        parser.feed(body.decode("utf-8", "replace"))
        for href in parser.hrefs:
            target = urlsplit(urljoin(url, href))
            if target.scheme not in ("", "http", "https"):  # tel:, mailto:
                continue
            if target.netloc not in ("", origin.netloc) or target.path.startswith(SKIPPED):
                continue
            link = urljoin(base, target.path + (f"?{target.query}" if target.query else ""))
            if link not in seen and len(seen) < limit:
                seen.add(link)
                urls.append(link)
    for url in urls[len(found) :]:
        if url in found:
            continue
        try:
            content_type, body = fetch(url)
        except OSError as exc:
            print(f"{url}: {exc}")
            continue
        if "html" in content_type:
            found[url] = body
    return listed, found


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("base", help="the running site, e.g. http://127.0.0.1:8000")
    parser.add_argument("--vnu", default="node_modules/vnu-jar/build/dist/vnu.jar")
    parser.add_argument("--limit", type=int, default=400, help="pages at most")
    args = parser.parse_args()
    listed, found = pages(args.base.rstrip("/") + "/", args.limit)
    with tempfile.TemporaryDirectory() as folder:
        names = {}
        for index, (url, body) in enumerate(found.items()):
            path = Path(folder, f"page{index:04d}.html")
            path.write_bytes(body)
            names[path.name] = url
        run = subprocess.run(
            ["java", "-jar", args.vnu, "--format", "json", "--exit-zero-always", folder],
            capture_output=True,
            text=True,
            check=True,
        )
    messages = json.loads(run.stderr or run.stdout)["messages"]
    errors = [m for m in messages if m.get("type") == "error"]
    warnings = [m for m in messages if m.get("type") != "error"]
    for message in errors:
        page = names.get(message.get("url", "").rsplit("/", 1)[-1], message.get("url"))
        print(f"ERROR {page} line {message.get('lastLine')}: {message['message']}")
    print(
        f"Nu HTML checker: {len(found)} pages ({len(listed)} in the sitemap), "
        f"{len(errors)} errors, {len(warnings)} warnings/info"
    )
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
