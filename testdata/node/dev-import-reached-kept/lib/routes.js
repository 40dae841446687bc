const { Router } = require("express");
const { price } = require("./price");
const metrics = require("./metrics");

const router = Router();
router.get("/price/:n", (req, res) => res.json({ price: price(Number(req.params.n)) }));
router.get("/metrics", metrics);
module.exports = router;
