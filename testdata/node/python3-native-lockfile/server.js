const bcrypt = require("bcrypt");

require("http")
  .createServer((req, res) => res.end(bcrypt.hashSync("x", 4)))
  .listen(3000);
