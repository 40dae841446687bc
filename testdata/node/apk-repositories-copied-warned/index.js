const { execFileSync } = require('child_process');
console.log(execFileSync('ffmpeg', ['-version']).toString());
