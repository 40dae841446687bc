const http = require('http');
const bcrypt = require('bcryptjs');

const hash = bcrypt.hashSync('secret', 8);
http.createServer((req, res) => res.end(hash)).listen(3000);
