const fs = require("fs");
const path = require("path");

const feedsFilePath = path.join(__dirname, "..", "feeds.json");

function save(feeds) {
  fs.writeFileSync(feedsFilePath, JSON.stringify(feeds));
}

module.exports = { save };
