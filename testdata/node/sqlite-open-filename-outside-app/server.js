const sqlite3 = require("sqlite3");
const { open } = require("sqlite");

async function main() {
  // the deployer mounts /data holding links.db
  const db = await open({ filename: "/data/links.db", driver: sqlite3.Database });
  await db.exec("CREATE TABLE IF NOT EXISTS links (url TEXT)");
  require("http").createServer(async (req, res) => {
    await db.run("INSERT INTO links (url) VALUES (?)", req.url);
    res.end("ok");
  }).listen(8080);
}
main();
