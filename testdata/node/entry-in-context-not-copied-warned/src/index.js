const fs = require("fs");
const path = require("path");
fs.writeFileSync(path.resolve(__dirname, "..", "tmp", "replies.json"), "{}");
require("express")().listen(3333);
