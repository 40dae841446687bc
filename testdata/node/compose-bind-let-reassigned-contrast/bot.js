const fs = require("fs");
let { STATE_FILE } = require("./config");

function save(state) {
  fs.writeFileSync(STATE_FILE, JSON.stringify(state));
}

if (process.env.STATE_FILE) {
  STATE_FILE = process.env.STATE_FILE;
}
save({ started: Date.now() });
