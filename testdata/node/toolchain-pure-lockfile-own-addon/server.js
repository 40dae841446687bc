const http = require("http");
const hasher = require("./build/Release/hasher.node");

http
  .createServer((req, res) => res.end(String(typeof hasher) + "\n"))
  .listen(3000);
