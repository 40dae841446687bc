// Serves the files of public/, which the VOLUME lets the host fill; nothing is written.
const fs = require("fs");
const http = require("http");
const path = require("path");

const root = path.join(__dirname, "public");

http
  .createServer((req, res) => {
    fs.readFile(path.join(root, path.normalize(req.url)), (err, body) => {
      res.statusCode = err ? 404 : 200;
      res.end(err ? "not found" : body);
    });
  })
  .listen(8080);
