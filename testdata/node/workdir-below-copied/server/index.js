const fs = require("fs");
fs.writeFileSync("state.json", "{}");
