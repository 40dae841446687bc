import fs from "fs";
import config from "./src/config.js";

function save(state) {
  fs.writeFileSync(config.FEEDS_FILE, JSON.stringify(state.feeds));
}

save({ started: Date.now(), feeds: [] });
