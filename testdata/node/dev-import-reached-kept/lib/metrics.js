const client = require("prom-client");

module.exports = async (req, res) => res.end(await client.register.metrics());
