const http = require('http');
const words = process.argv.slice(2).join(' ');
http.createServer((req, res) => res.end(words)).listen(3000);
