require("express")()
  .get("/", (req, res) => res.send("ok"))
  .listen(8080);
