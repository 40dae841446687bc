const { execSync } = require("child_process");
const tool = require("path").join(__dirname, "tool");
execSync(`chmod +x ${tool}`);
console.log(execSync(tool).toString());
