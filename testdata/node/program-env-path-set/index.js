// As discord-24-7-radio-bot's index.js: the Dockerfile's ENV names the
// program; ffmpeg-static is the fallback outside Docker.
const { spawn } = require('child_process');
const ffmpegPath = process.env.FFMPEG_PATH || require('ffmpeg-static');

function probe() {
  return spawn(ffmpegPath, ['-version'], { stdio: 'inherit' });
}

function stream(url) {
  return spawn(ffmpegPath, ['-i', url, '-f', 's16le', 'pipe:1']);
}

probe();
module.exports = { stream };
