require("fs-extra").copySync("assets", "dist/assets");
