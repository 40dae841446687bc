import fs from "fs";
import * as settings from "./src/index.js";
import { FALLBACK_FILE } from "./src/index.js";

function save(state) {
  fs.writeFileSync(settings.FEEDS_FILE, JSON.stringify(state.feeds));
  fs.writeFileSync(FALLBACK_FILE, JSON.stringify(state));
}

save({ started: Date.now(), feeds: [] });
