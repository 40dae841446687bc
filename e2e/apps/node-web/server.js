'use strict';

// A small web server on the standard library: "/" renders views/index.html (read at start-up),
// public/ is served as static files, /api/books answers JSON, /healthz answers "ok".
const http = require('node:http');
const fs = require('node:fs');
const path = require('node:path');

const port = Number(process.env.PORT || 3000);
const publicDir = path.join(__dirname, 'public');
const template = fs.readFileSync(path.join(__dirname, 'views', 'index.html'), 'utf8');
const types = { '.css': 'text/css; charset=utf-8', '.txt': 'text/plain; charset=utf-8', '.html': 'text/html; charset=utf-8' };

const books = [
  { title: 'The Left Hand of Darkness', author: 'Ursula K. Le Guin', year: 1969 },
  { title: 'Kindred', author: 'Octavia E. Butler', year: 1979 },
  { title: 'Solaris', author: 'Stanisław Lem', year: 1961 },
];

function escape(s) {
  return String(s).replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
}

function page() {
  const items = books.map((b) => `<li>${escape(b.title)}, ${escape(b.author)} (${b.year})</li>`).join('\n    ');
  return template.replace('{{items}}', items).replace('{{count}}', String(books.length));
}

const server = http.createServer((req, res) => {
  const url = new URL(req.url, 'http://localhost');
  if (req.method !== 'GET') {
    res.writeHead(405, { allow: 'GET' }).end();
    return;
  }
  if (url.pathname === '/') {
    res.writeHead(200, { 'content-type': types['.html'] }).end(page());
    return;
  }
  if (url.pathname === '/healthz') {
    res.writeHead(200, { 'content-type': types['.txt'] }).end('ok\n');
    return;
  }
  if (url.pathname === '/api/books') {
    const after = Number(url.searchParams.get('after') || 0);
    const body = JSON.stringify({ node: process.versions.node.split('.')[0], books: books.filter((b) => b.year > after) });
    res.writeHead(200, { 'content-type': 'application/json' }).end(body + '\n');
    return;
  }
  const file = path.join(publicDir, path.normalize(url.pathname));
  if (!file.startsWith(publicDir + path.sep)) {
    res.writeHead(404).end();
    return;
  }
  fs.readFile(file, (err, data) => {
    if (err) {
      res.writeHead(404, { 'content-type': types['.txt'] }).end('not found\n');
      return;
    }
    res.writeHead(200, { 'content-type': types[path.extname(file)] || 'application/octet-stream' }).end(data);
  });
});

server.listen(port, () => console.log(`node-web listening on :${port}`));

// As PID 1 (distroless runs node directly) a signal has no default action: stop on SIGTERM.
for (const sig of ['SIGTERM', 'SIGINT']) {
  process.on(sig, () => server.close(() => process.exit(0)));
}
