// The log file the command names is handed to a logging library, which writes it: no write call here.
const http = require("http");
const logger = require("./logger")(process.argv[3]);

http
  .createServer((req, res) => {
    logger.info(req.url);
    res.end("ok");
  })
  .listen(8080);
