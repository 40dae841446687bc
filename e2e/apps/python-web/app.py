"""A small web app on the standard library's http.server.

GET /              the notes, rendered from templates/index.html (read at start-up)
GET /static/...    files from static/
GET /api/notes     the notes as JSON (?tag=... filters them)
GET /healthz       "ok"
"""

import json
import mimetypes
import os
import pathlib
import signal
import string
import sys
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

ROOT = pathlib.Path(__file__).resolve().parent
STATIC = ROOT / "static"
TEMPLATE = string.Template((ROOT / "templates" / "index.html").read_text(encoding="utf-8"))

NOTES = [
    {"id": 1, "text": "Buy oat milk", "tags": ["shopping"]},
    {"id": 2, "text": "Call the plumber about the kitchen sink", "tags": ["home", "urgent"]},
    {"id": 3, "text": "Read chapter 4 of Dune", "tags": ["books"]},
]


class Handler(BaseHTTPRequestHandler):
    server_version = "notes/1.0"
    sys_version = ""

    def do_GET(self):
        url = urlsplit(self.path)
        if url.path == "/":
            items = "\n".join(f"    <li>{n['text']} <small>{', '.join(n['tags'])}</small></li>" for n in NOTES)
            self.send(HTTPStatus.OK, "text/html; charset=utf-8", TEMPLATE.substitute(count=len(NOTES), items=items))
        elif url.path == "/healthz":
            self.send(HTTPStatus.OK, "text/plain; charset=utf-8", "ok\n")
        elif url.path == "/api/notes":
            tag = parse_qs(url.query).get("tag", [None])[0]
            notes = [n for n in NOTES if tag is None or tag in n["tags"]]
            body = {"python": "%d.%d" % sys.version_info[:2], "notes": notes}
            self.send(HTTPStatus.OK, "application/json", json.dumps(body) + "\n")
        elif url.path.startswith("/static/"):
            path = (STATIC / url.path.removeprefix("/static/")).resolve()
            if STATIC not in path.parents or not path.is_file():
                self.send(HTTPStatus.NOT_FOUND, "text/plain; charset=utf-8", "not found\n")
                return
            ctype = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
            self.send(HTTPStatus.OK, ctype, path.read_bytes())
        else:
            self.send(HTTPStatus.NOT_FOUND, "text/plain; charset=utf-8", "not found\n")

    def send(self, status, ctype, body):
        data = body.encode("utf-8") if isinstance(body, str) else body
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)


def main():
    port = int(os.environ.get("PORT", "8000"))
    server = ThreadingHTTPServer(("0.0.0.0", port), Handler)
    # As PID 1 a signal has no default action: stop on SIGTERM.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    print(f"notes listening on :{port}")
    try:
        server.serve_forever()
    finally:
        server.server_close()


if __name__ == "__main__":
    main()
