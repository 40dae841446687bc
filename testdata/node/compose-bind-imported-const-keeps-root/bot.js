const fs = require("fs");
const { STATE_FILE } = require("./config");

function save(state) {
  fs.writeFileSync(STATE_FILE, JSON.stringify(state));
}

save({ started: Date.now() });
