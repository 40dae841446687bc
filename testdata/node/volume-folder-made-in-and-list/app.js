// A POST appends a line to data/log.txt, which the VOLUME keeps; any request answers with the file.
const fs = require("fs");
const http = require("http");
const path = require("path");

const log = path.join(__dirname, "data", "log.txt");

http
  .createServer((req, res) => {
    if (req.method === "POST") {
      fs.appendFileSync(log, "line\n");
    }
    res.end(fs.readFileSync(log));
  })
  .listen(3000);
