const http = require('http');
const hash = require('hash-helper');

http.createServer((req, res) => res.end(hash('secret'))).listen(3000);
