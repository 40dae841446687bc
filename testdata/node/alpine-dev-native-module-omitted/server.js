const http = require("http");
http.createServer((req, res) => res.end("ok\n")).listen(3000);
