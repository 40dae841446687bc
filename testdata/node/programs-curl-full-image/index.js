const { execFileSync } = require("child_process");
const status = execFileSync("curl", ["-fsS", "https://example.com/status"]);
console.log(status.toString());
