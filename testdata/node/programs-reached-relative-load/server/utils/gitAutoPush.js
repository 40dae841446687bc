const { exec } = require('child_process');
// loaded by index.js: its call runs in both images
exports.autoPush = function autoPush() {
  exec('git add . && git commit -m "Auto-sync" && git push', () => {});
};
