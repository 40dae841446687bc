// Run by hand (npm run icons) to make the PNG icons; never at run time.
const sharp = require("sharp");
sharp("icon.svg").resize(192).png().toFile("icon-192.png");
