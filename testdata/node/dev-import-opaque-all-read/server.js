const express = require("express");
const path = require("path");

const app = express();
for (const name of ["routes"]) {
  app.use(require(path.join(__dirname, "lib", name)));
}
app.listen(3000);
