// Only "ms" is installed (npm ci --omit=dev); the two packages with install
// scripts are dev dependencies (jest's), which the install leaves out.
const ms = require('ms');
require('http').createServer((q, r) => r.end(String(ms('2 days')))).listen(3000);
