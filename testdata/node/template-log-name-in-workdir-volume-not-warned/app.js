// Serves /public; an uncaught error is logged to a file in the working folder (http-server's way).
const fs = require("fs");
const http = require("http");
const path = require("path");

http
  .createServer((req, res) => {
    res.end(fs.readFileSync(path.join("/public", "index.html")));
  })
  .listen(8080);

process.on("uncaughtException", (e) => {
  const stamp = new Date().toISOString();
  const filename = `app-${stamp.split(":").join("_")}.log`;
  fs.writeFileSync(filename, JSON.stringify(e));
});
