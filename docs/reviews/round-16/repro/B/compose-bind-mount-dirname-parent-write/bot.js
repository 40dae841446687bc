require("./commands/rss.js");
