const fs = require("fs");
let { STATE_FILE } = require("./config");

function save(state) {
  fs.writeFileSync(STATE_FILE, JSON.stringify(state));
}

save({ started: Date.now() });
