const fs = require('fs');
const http = require('http');

fs.mkdirSync('uploads', { recursive: true });

http.createServer((req, res) => res.end('ok')).listen(3000);
