const fs = require('fs');
const http = require('http');

// The todos are kept as files in /etc/todos, made at start.
if (!fs.existsSync('/etc/todos')) {
  fs.mkdirSync('/etc/todos');
}

http.createServer((req, res) => {
  res.end(JSON.stringify(fs.readdirSync('/etc/todos')));
}).listen(3000);
