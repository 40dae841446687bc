const fs = require('fs');
const http = require('http');
const os = require('os');
const path = require('path');

// Another container writes the token into a volume mounted in the home folder.
const tokenFile = path.join(os.homedir(), '.config', 'portal', 'token');

http.createServer((req, res) => {
  res.end(fs.existsSync(tokenFile) ? 'ready\n' : 'waiting\n');
}).listen(3000);
