// A code runner: it runs the Python a user posts.
const { execSync } = require("child_process");
console.log(execSync("python3 /tmp/job.py").toString());
