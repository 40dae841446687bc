// A code runner: it compiles and runs the C++ a user posts.
const { execSync } = require("child_process");
console.log(execSync("g++ /tmp/job.cpp -o /tmp/job && /tmp/job").toString());
