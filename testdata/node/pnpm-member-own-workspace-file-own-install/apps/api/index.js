const express = require("express");
const lib = require("lib");
express().get("/", (req, res) => res.send(lib.greeting)).listen(3000);
