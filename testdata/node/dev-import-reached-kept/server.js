const express = require("express");
const routes = require("./lib/routes");

const app = express();
app.use(routes);
app.listen(3000);
