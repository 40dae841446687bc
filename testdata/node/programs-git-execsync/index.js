console.log(require("child_process").execSync("git --version").toString())
