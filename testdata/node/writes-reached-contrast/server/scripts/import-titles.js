const fs = require('fs');
// loaded by index.js at start
fs.mkdirSync('/var/lib/titles', { recursive: true });
fs.writeFileSync('/var/lib/titles/all.json', '[]');
