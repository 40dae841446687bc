const { execFileSync } = require("child_process");
const express = require("express");
const app = express();
app.get("/", (req, res) => res.send(execFileSync("python", ["tool.py"]).toString()));
app.listen(3000);
