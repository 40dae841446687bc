const express = require('express');
const plugin = require(process.env.PLUGIN || './noop');
const app = express();
app.get('/__health', (_req, res) => res.json({ ok: plugin.ok }));
app.listen(Number(process.env.PORT || 8080), '0.0.0.0');
