const http = require("http");
const ms = require("ms");

const port = Number(process.env.PORT) || 3000;

http
  .createServer((req, res) => {
    res.writeHead(200, { "Content-Type": "text/plain" });
    res.end(`up ${ms(Math.round(process.uptime() * 1000))}\n`);
  })
  .listen(port, () => console.log(`listening on ${port}`));
