const sqlite3 = require("sqlite3");
const devDbFile = "/Users/dev/Downloads/data/memos.db";
const userDbFile = process.env.NODE_ENV === "dev" ? devDbFile : "/data/memos.db";
const db = new sqlite3.Database(userDbFile);
require("http").createServer((req, res) => {
  db.run("INSERT INTO memos (content) VALUES (?)", [req.url], (err) => res.end(err ? err.message : "ok"));
}).listen(8080);
