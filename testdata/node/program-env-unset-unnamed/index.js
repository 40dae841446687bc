const { execFileSync } = require('child_process');
const tool = process.env.TOOL_BIN || require('./default-tool');

console.log(execFileSync(tool, ['--version']).toString());
