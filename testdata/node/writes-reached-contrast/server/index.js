const express = require('express');
require('./scripts/import-titles');
const app = express();
app.get('/__health', (_req, res) => res.json({ ok: true }));
app.listen(Number(process.env.PORT || 8080), '0.0.0.0');
