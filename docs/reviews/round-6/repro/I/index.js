// As in discord-24-7-radio-bot's index.js: the Dockerfile's ENV names the
// program (ffmpeg-static is the fallback outside Docker, never reached there).
const { spawn } = require('child_process');
const ffmpegPath = process.env.FFMPEG_PATH || require('ffmpeg-static');
spawn(ffmpegPath, ['-version'], { stdio: 'inherit' });
