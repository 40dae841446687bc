const dayjs = require("dayjs");

require("express")()
  .get("/", (req, res) => res.send(dayjs().format()))
  .listen(5000);
