const { execFile, spawn, spawnSync } = require("child_process");
execFile(process.execPath, ["worker.js", "--once"], (err, out) => console.log(out));
spawn(process.execPath, ["worker.js"], { stdio: "inherit" });
spawnSync(process.execPath, ["worker.js", "--check"], { shell: false, encoding: "utf8" });
