const sqlite3 = require("sqlite3");
// the deployer mounts /data holding memos.db; the program writes memos there
const db = new sqlite3.Database("/data/memos.db");
db.run("CREATE TABLE IF NOT EXISTS memos (id INTEGER PRIMARY KEY, content TEXT)");
require("http").createServer((req, res) => {
  db.run("INSERT INTO memos (content) VALUES (?)", [req.url], (err) => res.end(err ? err.message : "ok"));
}).listen(8080);
