const rss = require("./commands/rssReader");

rss.save({});
