const fs = require("fs");
fs.appendFileSync(process.env.GITHUB_OUTPUT, `greeting=hello ${process.env.INPUT_WHO}\n`);
