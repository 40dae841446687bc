const dayjs = require("dayjs");
require("express")().get("/", (q, r) => r.send(dayjs().format())).listen(5000);
