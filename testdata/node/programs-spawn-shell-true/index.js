const { spawn } = require("child_process");
const child = spawn(process.execPath, ["worker.js", ">>", "/tmp/worker.log"], {
  stdio: "inherit",
  shell: true,
});
child.on("exit", (code) => console.log("worker exited", code));
