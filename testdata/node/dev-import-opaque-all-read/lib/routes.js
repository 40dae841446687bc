const { Router } = require("express");
const { price } = require("./price");

const router = Router();
router.get("/price/:n", (req, res) => res.json({ price: price(Number(req.params.n)) }));
module.exports = router;
