const express = require('express');
const app = express();
app.get('/__health', (_req, res) => res.json({ ok: true }));
app.listen(Number(process.env.PORT || 8080), '0.0.0.0');
