// Serves /public; an uncaught error is logged to a file in the folder LOG_DIR names.
const fs = require("fs");
const http = require("http");
const path = require("path");

const dir = process.env.LOG_DIR || "/public";

http
  .createServer((req, res) => {
    res.end(fs.readFileSync(path.join("/public", "index.html")));
  })
  .listen(8080);

process.on("uncaughtException", (e) => {
  const stamp = new Date().toISOString();
  const filename = `${dir}/app-${stamp.split(":").join("_")}.log`;
  fs.writeFileSync(filename, JSON.stringify(e));
});
