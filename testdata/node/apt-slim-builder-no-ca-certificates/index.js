// node:22-slim purges its CA certificates after fetching Node.js, and
// ffmpeg's Depends do not bring them back: the original image has none.
const { spawn } = require('child_process');
spawn('ffmpeg', ['-version'], { stdio: 'inherit' });
