const Database = require('better-sqlite3');
const http = require('http');

// The notes live in /var/lib/notes/notes.db, outside the app folder; a scratch
// database in memory holds the sessions.
const db = new Database('/var/lib/notes/notes.db');
const sessions = new Database(':memory:');
db.exec('CREATE TABLE IF NOT EXISTS notes (id INTEGER PRIMARY KEY, body TEXT)');

http.createServer((req, res) => {
  db.prepare('INSERT INTO notes (body) VALUES (?)').run(req.url);
  res.end('ok');
}).listen(3000);
