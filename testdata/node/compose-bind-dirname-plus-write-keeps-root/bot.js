const fs = require("fs");

fs.writeFileSync(__dirname + "/feeds.json", JSON.stringify({}));
