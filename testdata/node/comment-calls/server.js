const fs = require('fs');
const http = require('http');

const files = '/files/*';
console.log('docs at http://localhost:3000/docs', fs.mkdirSync('uploads', { recursive: true }));
// fs.mkdirSync('/etc/todos');
/*
  The old exporter wrote outside the app folder:
  fs.writeFileSync('/var/exports/todos.json', '[]');
*/

http.createServer((req, res) => {
  res.end(req.url.startsWith(files.slice(0, -1)) ? 'file' : 'ok'); // fs.appendFileSync('/var/log/hits.log', req.url);
}).listen(3000);
