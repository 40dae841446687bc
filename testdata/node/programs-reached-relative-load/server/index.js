const express = require('express');
const { autoPush } = require('./utils/gitAutoPush');
const app = express();
app.get('/__health', (_req, res) => res.json({ ok: true }));
app.post('/sync', (_req, res) => { autoPush(); res.end(); });
app.listen(Number(process.env.PORT || 8080), '0.0.0.0');
