const { execFileSync } = require('child_process');
const git = process.env.GIT_BIN ?? 'git';

console.log(execFileSync(git, ['--version']).toString());
