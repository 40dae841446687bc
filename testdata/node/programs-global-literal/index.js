console.log(require("child_process").execSync("prettier --check /tmp/job.js").toString())
