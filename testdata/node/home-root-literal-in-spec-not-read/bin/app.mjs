import http from 'node:http';

// The handler's module is chosen at start, so which sources run cannot be
// told from the loads: every source of the app counts.
const name = process.argv[2] || 'index';
const { handler } = await import(`../server/${name}.mjs`);
http.createServer(handler).listen(3000);
