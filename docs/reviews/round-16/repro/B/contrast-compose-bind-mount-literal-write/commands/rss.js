const fs = require("fs");

fs.writeFileSync("feeds.json", JSON.stringify({}));
