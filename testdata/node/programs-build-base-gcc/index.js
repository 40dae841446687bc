// A code runner: it compiles and runs the C a user posts.
const { execSync } = require("child_process");
console.log(execSync("gcc /tmp/job.c -o /tmp/job && /tmp/job").toString());
