const fs = require("fs");
const path = require("path");

const feedsFilePath = path.join(__dirname, "..", "feeds.json");
fs.writeFileSync(feedsFilePath, JSON.stringify({}));
