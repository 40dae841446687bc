'use strict';

// Answers with the settings it runs with: the port, the thread pool size the start script set,
// and the package's name and version as npm passes them to scripts.
const http = require('node:http');

const port = Number(process.env.PORT || 3000);
const info = {
  port,
  threadpool: process.env.UV_THREADPOOL_SIZE || 'default',
  package: `${process.env.npm_package_name || '?'}@${process.env.npm_package_version || '?'}`,
};

const server = http.createServer((req, res) => {
  if (req.url === '/healthz') {
    res.writeHead(200, { 'content-type': 'text/plain' }).end('ok\n');
    return;
  }
  res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(info) + '\n');
});
server.listen(port, () => console.log(`listening on :${port}`));
for (const sig of ['SIGTERM', 'SIGINT']) {
  process.on(sig, () => server.close(() => process.exit(0)));
}
