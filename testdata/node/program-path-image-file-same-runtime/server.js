const { execFileSync } = require("child_process");
const http = require("http");

// npm's own CLI script, a file of the node image (not in a bin folder).
const npmVersion = execFileSync("/usr/local/lib/node_modules/npm/bin/npm-cli.js", ["--version"]).toString().trim();

const port = Number(process.env.PORT) || 3000;

http
  .createServer((req, res) => {
    res.writeHead(200, { "Content-Type": "text/plain" });
    res.end(`npm ${npmVersion}\n`);
  })
  .listen(port, () => console.log(`listening on ${port}`));
