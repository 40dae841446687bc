const fs = require('fs');
const http = require('http');
const path = require('path');

let hits = 0;
http.createServer((req, res) => {
  hits++;
  fs.writeFileSync(path.join(__dirname, 'hits.json'), JSON.stringify({ hits }));
  res.end(String(hits));
}).listen(process.env.PORT || 8080);
